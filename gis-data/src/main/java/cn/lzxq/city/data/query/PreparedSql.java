package cn.lzxq.city.data.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** SQL text with its bind parameters, in order. */
public record PreparedSql(String sql, List<Object> params) {

  public PreparedSql {
    params = Collections.unmodifiableList(new ArrayList<>(params));
  }

  /** A statement with the parameters bound (Instants as timestamps). */
  public PreparedStatement prepare(Connection c) throws SQLException {
    PreparedStatement ps = c.prepareStatement(sql);
    for (int i = 0; i < params.size(); i++) {
      Object p = params.get(i);
      if (p instanceof Instant instant) {
        ps.setTimestamp(i + 1, Timestamp.from(instant));
      } else {
        ps.setObject(i + 1, p);
      }
    }
    return ps;
  }
}
