package cn.lzxq.city.data.query;

import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.layer.Attribute;
import java.sql.Array;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Features streamed from a server-side cursor: rows arrive in batches of the fetch size, so a whole
 * layer never sits in memory. Not thread-safe; close it to release the connection.
 */
public final class FeatureCursor implements AutoCloseable {

  private final ReadTransaction transaction;
  private final PreparedStatement statement;
  private final ResultSet rows;
  private final List<Attribute> attributes;
  private final boolean withGeometry;
  private final int outputSrid;
  private final WKBReader wkb = new WKBReader();

  FeatureCursor(
      ReadTransaction transaction, PreparedStatement statement, ResultSet rows, FeatureQuery q) {
    this.transaction = transaction;
    this.statement = statement;
    this.rows = rows;
    this.attributes = SqlBuilder.selectedAttributes(q);
    this.withGeometry = q.withGeometry();
    this.outputSrid = q.outputSrid();
  }

  /** The attributes each feature carries, in order. */
  public List<Attribute> attributes() {
    return attributes;
  }

  /** Moves to the next feature; false at the end. */
  public boolean next() throws SQLException {
    return rows.next();
  }

  /** The current feature. */
  public Feature current() throws SQLException {
    Map<String, Object> props = new LinkedHashMap<>();
    for (Attribute a : attributes) {
      props.put(a.name(), value(rows.getObject(a.name())));
    }
    return new Feature(
        rows.getLong("fid"),
        instant(rows.getTimestamp("valid_from")),
        instant(rows.getTimestamp("valid_to")),
        props,
        withGeometry ? geometry() : null);
  }

  private Geometry geometry() throws SQLException {
    byte[] bytes = rows.getBytes("geom");
    if (bytes == null) {
      return null;
    }
    try {
      Geometry g = wkb.read(bytes);
      g.setSRID(outputSrid);
      return g;
    } catch (ParseException e) {
      throw new SQLException("unreadable geometry from the database", e);
    }
  }

  private static Object value(Object v) throws SQLException {
    if (v instanceof Array array) {
      return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    } else if (v instanceof Date d) {
      return d.toLocalDate();
    } else if (v instanceof Timestamp ts) {
      return ts.toInstant();
    }
    return v;
  }

  private static java.time.Instant instant(Timestamp ts) {
    return ts == null ? null : ts.toInstant();
  }

  @Override
  public void close() throws SQLException {
    try (transaction;
        statement;
        rows) {
      // closed in reverse order: the rows, the statement, then the transaction (rolled back)
    }
  }
}
