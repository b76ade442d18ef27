package cn.lzxq.city.data.query;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/** Reads the native SRID of the city model from the database (the pipe_segment geometry column). */
public final class NativeSrid {

  private NativeSrid() {}

  /** The SRID of {@code pipe_segment.geom} in the current schema. */
  public static int read(DataSource dataSource) throws SQLException {
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery("SELECT Find_SRID(current_schema()::varchar, 'pipe_segment', 'geom')")) {
      rs.next();
      return rs.getInt(1);
    }
  }
}
