package cn.lzxq.city.data.io.feature;

import cn.lzxq.city.data.io.LayerTable;
import cn.lzxq.city.data.io.TableColumns;
import cn.lzxq.city.data.io.TableColumns.Column;
import cn.lzxq.city.data.io.qa.Issues;
import cn.lzxq.city.data.io.qa.QaCode;
import java.util.HashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBWriter;
import org.locationtech.jts.io.WKTReader;

/**
 * The column values of one feature: SQL text for attributes, JTS geometries for geometry columns.
 */
final class FeatureRow {

  /** The value of a column whose input did not fit (already reported). */
  static final Object INVALID = new Object();

  private FeatureRow() {}

  /**
   * The values of a feature for the layer's columns; a value that does not fit its column is
   * reported and replaced by {@link #INVALID}.
   */
  static Map<String, Object> values(
      FeatureRecord f, LayerTable layer, TableColumns table, FeatureSource from, Issues issues) {
    String source = from.source();
    Map<String, Object> out = new HashMap<>();
    for (Column c : table.attributes()) {
      Object raw =
          c.name().equals("geom") ? f.geometry() : f.properties().get(from.propertyName(c.name()));
      try {
        out.put(c.name(), c.isGeometry() ? fit(geometry(raw), c) : FeatureValues.toSql(raw, c));
      } catch (IllegalArgumentException e) {
        issues.error(
            source,
            f.number(),
            c.name(),
            e.getMessage().contains("number") ? QaCode.NOT_A_NUMBER : QaCode.INVALID_VALUE,
            e.getMessage());
        out.put(c.name(), INVALID);
      }
    }
    if (layer.network() != null) {
      Object given = out.get("network");
      if (given != null && !layer.network().equals(given)) {
        issues.error(
            source,
            f.number(),
            "network",
            QaCode.CODE_NETWORK_MISMATCH,
            given + " in layer " + layer.layer());
      }
      out.put("network", layer.network());
    }
    return out;
  }

  /** A geometry from a JTS geometry or WKT text. */
  private static Geometry geometry(Object raw) {
    if (raw == null || raw instanceof Geometry) {
      return (Geometry) raw;
    }
    try {
      return new WKTReader().read(raw.toString());
    } catch (ParseException e) {
      throw new IllegalArgumentException(
          "not a geometry (GeoJSON or WKT) 几何无法解析: " + e.getMessage());
    }
  }

  /**
   * The geometry in the column's type: a single-part multi geometry is unwrapped for a POINT or
   * LINESTRING column, a polygon is accepted for a MULTIPOLYGON column; null when it cannot fit.
   */
  static Geometry fit(Geometry g, Column column) {
    if (g == null) {
      return null;
    }
    String want = column.geometryType();
    if (g.getNumGeometries() == 1
        && g.getGeometryType().startsWith("Multi")
        && !want.startsWith("MULTI")) {
      g = g.getGeometryN(0);
    }
    String have = g.getGeometryType().toUpperCase(java.util.Locale.ROOT);
    boolean ok = have.equals(want) || (want.equals("MULTIPOLYGON") && have.equals("POLYGON"));
    return ok ? g : null;
  }

  /** WKB of a geometry, with Z when it has one. */
  static byte[] wkb(Geometry g) {
    if (g == null) {
      return null;
    }
    boolean hasZ = !Double.isNaN(g.getCoordinate().getZ());
    return new WKBWriter(hasZ ? 3 : 2).write(g);
  }
}
