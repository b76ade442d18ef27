package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.data.layer.Layer;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Tells whether a map window holds a small share of a layer's table, so that its rows are best read
 * through the spatial index alone. PostgreSQL otherwise ANDs the GiST lookup with a bitmap of the
 * layer's whole row filter (62,000 entries for one pipe network), which costs about eight times the
 * spatial lookup at 1:1,000–1:10,000. The table extent comes from the planner statistics ({@code
 * ST_EstimatedExtent}, no scan) and is re-read every ten minutes; a table without statistics is
 * never called selective. Thread-safe.
 */
final class WindowSelectivity {

  /** Windows smaller than this share of the table extent are selective. */
  static final double SHARE = 0.125;

  private static final long TTL_NANOS = 600_000_000_000L;
  private static final String SQL = "SELECT ST_Area(ST_EstimatedExtent(?, ?)::geometry)";

  private record Area(double squareMetres, long readNanos) {}

  private final Map<String, Area> areas = new ConcurrentHashMap<>();

  /**
   * True when a window of {@code windowAreaM2} native square metres is a small share of the layer's
   * table.
   */
  boolean selective(Connection c, Layer layer, double windowAreaM2) throws SQLException {
    String key = layer.table() + "." + layer.geometryColumn();
    Area a = areas.get(key);
    if (a == null || System.nanoTime() - a.readNanos() > TTL_NANOS) {
      a = new Area(estimate(c, layer), System.nanoTime());
      areas.put(key, a);
    }
    return windowAreaM2 < SHARE * a.squareMetres();
  }

  private static double estimate(Connection c, Layer layer) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      ps.setString(1, layer.table());
      ps.setString(2, layer.geometryColumn());
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? rs.getDouble(1) : 0;
      }
    }
  }
}
