package cn.lzxq.city.data.io;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Streams the versions of a layer valid at a time from a server-side cursor (fetch size {@value
 * #FETCH_SIZE}), so an export never holds a table in memory. The result columns are fid, the {@link
 * #columns} in order, then the main geometry.
 */
public final class LayerCursor {

  /** Rows fetched per round trip. */
  public static final int FETCH_SIZE = 1000;

  /** How geometries come out of PostGIS. */
  public enum Encoding {
    /**
     * CRS84 GeoJSON text with 8 decimals (about 1 mm, so an export imports back within survey
     * precision), Z kept (RFC 7946).
     */
    GEOJSON_CRS84,
    /** ISO WKB in the native CRS (main geometry); WKT for second geometry columns. */
    WKB_NATIVE
  }

  /** Receives the rows. */
  public interface RowHandler {
    void row(ResultSet rs) throws SQLException, IOException;
  }

  private final LayerTable layer;
  private final TableColumns table;
  private final List<ExportColumn> columns;

  public LayerCursor(LayerTable layer, TableColumns table) {
    this.layer = layer;
    this.table = table;
    List<ExportColumn> cols = new ArrayList<>();
    cols.add(new ExportColumn("valid_from", ExportColumn.Kind.DATETIME));
    cols.add(new ExportColumn("valid_to", ExportColumn.Kind.DATETIME));
    table.attributes().stream()
        .filter(c -> !c.name().equals("geom"))
        .map(ExportColumn::of)
        .forEach(cols::add);
    this.columns = List.copyOf(cols);
  }

  /** The exported attribute columns (result columns 2 … n+1). */
  public List<ExportColumn> columns() {
    return columns;
  }

  /** The layer's geometry type (POINT, LINESTRING, MULTIPOLYGON) and native SRID. */
  public TableColumns.Column geometry() {
    return table.geometry();
  }

  private String where() {
    return " FROM "
        + layer.table()
        + " WHERE valid_at(valid_from, valid_to, CAST(? AS timestamptz))"
        + (layer.network() != null ? " AND network = ?" : "");
  }

  /** The number of features the layer has at the time (null = now). */
  public long count(Connection c, Instant asOf) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT count(*)" + where())) {
      bind(ps, asOf);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /**
   * Streams the features valid at the time, ordered by fid. The connection's auto-commit is
   * switched off for the cursor and restored after.
   */
  public void stream(Connection c, Instant asOf, Encoding encoding, RowHandler handler)
      throws SQLException, IOException {
    String select =
        "SELECT fid, "
            + columns.stream()
                .map(col -> expression(col, encoding))
                .collect(Collectors.joining(", "))
            + ", "
            + geometryExpression("geom", encoding)
            + where()
            + " ORDER BY fid";
    boolean autoCommit = c.getAutoCommit();
    c.setAutoCommit(false);
    try (PreparedStatement ps = c.prepareStatement(select)) {
      ps.setFetchSize(FETCH_SIZE);
      bind(ps, asOf);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          handler.row(rs);
        }
      }
    } finally {
      if (autoCommit) {
        c.commit();
        c.setAutoCommit(true);
      }
    }
  }

  private static String expression(ExportColumn col, Encoding encoding) {
    if (col.kind() != ExportColumn.Kind.GEOMETRY) {
      return col.name();
    }
    return encoding == Encoding.GEOJSON_CRS84
        ? geometryExpression(col.name(), encoding)
        : "ST_AsText(" + col.name() + ")";
  }

  private static String geometryExpression(String column, Encoding encoding) {
    return encoding == Encoding.GEOJSON_CRS84
        ? "ST_AsGeoJSON(ST_Transform(" + column + ", 4326), 8)"
        : "ST_AsBinary(" + column + ")";
  }

  private void bind(PreparedStatement ps, Instant asOf) throws SQLException {
    if (asOf == null) {
      ps.setNull(1, Types.VARCHAR);
    } else {
      ps.setString(1, asOf.toString());
    }
    if (layer.network() != null) {
      ps.setString(2, layer.network());
    }
  }
}
