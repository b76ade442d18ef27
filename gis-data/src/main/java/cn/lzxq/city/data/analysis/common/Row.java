package cn.lzxq.city.data.analysis.common;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;

/** One result row, read by column name with SQL NULL kept as Java null. */
public final class Row {

  private final ResultSet rs;

  Row(ResultSet rs) {
    this.rs = rs;
  }

  public String str(String column) throws SQLException {
    return rs.getString(column);
  }

  public Double dbl(String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  /** A double rounded to {@code decimals} places (stable, readable figures), or null. */
  public Double dbl(String column, int decimals) throws SQLException {
    Double v = dbl(column);
    return v == null ? null : Rounding.round(v, decimals);
  }

  public Integer integer(String column) throws SQLException {
    int v = rs.getInt(column);
    return rs.wasNull() ? null : v;
  }

  public Long lng(String column) throws SQLException {
    long v = rs.getLong(column);
    return rs.wasNull() ? null : v;
  }

  public Boolean bool(String column) throws SQLException {
    boolean v = rs.getBoolean(column);
    return rs.wasNull() ? null : v;
  }

  public byte[] bytes(String column) throws SQLException {
    return rs.getBytes(column);
  }

  /** A GeoJSON geometry column (text from ST_AsGeoJSON), or null. */
  public GeoJson geoJson(String column) throws SQLException {
    String s = rs.getString(column);
    return s == null ? null : new GeoJson(s);
  }

  /** A text[] column as a list (empty for NULL). */
  public List<String> strings(String column) throws SQLException {
    Array a = rs.getArray(column);
    return a == null
        ? List.of()
        : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
  }
}
