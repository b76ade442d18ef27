package cn.lzxq.city.data.analysis.common;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.crs.ServedCrs;
import cn.lzxq.city.data.io.geojson.GeoJsonGeometry;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.WKBWriter;
import tools.jackson.databind.JsonNode;

/**
 * Checks a request geometry (GeoJSON, x = easting or longitude first, in {@code crs}) and brings it
 * into the native CRS: empty, invalid, wrongly typed geometries, CRSs that are not served and
 * positions outside the service area are rejected with {@link AnalysisInputException}.
 */
public final class GeometryInput {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private GeometryInput() {}

  /** Reads a GeoJSON geometry object and checks it (see the class comment). */
  public static NativeGeometry read(Session s, JsonNode geojson, CrsRef crs, Set<String> types)
      throws SQLException {
    Geometry g;
    try {
      g = GeoJsonGeometry.read(geojson);
    } catch (IllegalArgumentException e) {
      throw new AnalysisInputException(
          "几何无效：" + e.getMessage(), "invalid geometry: " + e.getMessage());
    }
    if (g == null) {
      throw new AnalysisInputException("缺少几何", "geometry missing");
    }
    return check(s, g, crs, types);
  }

  /** A point given as two coordinates (x = easting or longitude). */
  public static NativeGeometry point(Session s, double x, double y, CrsRef crs)
      throws SQLException {
    return check(s, FACTORY.createPoint(new Coordinate(x, y)), crs, Set.of("Point"));
  }

  /**
   * Degrees out of range in a geographic CRS are almost always swapped axes: outside the service
   * area.
   */
  static void checkGeographicRange(CrsRef crs, double minX, double minY, double maxX, double maxY) {
    if (crs.geographic() && (minX < -180 || maxX > 180 || minY < -90 || maxY > 90)) {
      throw outside();
    }
  }

  static AnalysisInputException outside() {
    return new AnalysisInputException(
        "坐标超出服务范围（东经 103.55–103.85°，北纬 36.28–36.72°）",
        "position outside the service area (103.55–103.85°E, 36.28–36.72°N); check the axis order "
            + "(GeoJSON and CRS84 are longitude, latitude; EPSG:4326 and EPSG:4490 bboxes are latitude, longitude)");
  }

  private static NativeGeometry check(Session s, Geometry g, CrsRef crs, Set<String> types)
      throws SQLException {
    if (!types.contains(g.getGeometryType())) {
      java.util.SortedSet<String> sorted = new java.util.TreeSet<>(types);
      throw new AnalysisInputException(
          "几何类型应为 " + String.join("/", sorted) + "，实为 " + g.getGeometryType(),
          "geometry type must be " + String.join(" or ", sorted) + ", not " + g.getGeometryType());
    }
    if (g.isEmpty()) {
      throw new AnalysisInputException("几何为空", "empty geometry");
    }
    if (!g.isValid()) {
      throw new AnalysisInputException(
          "几何无效（自相交或退化）", "invalid geometry (self-intersecting or degenerate)");
    }
    if (!ServedCrs.offered(crs, s.nativeSrid())) {
      throw new AnalysisInputException("不支持的坐标系：" + crs.code(), "CRS not served: " + crs.code());
    }
    int dims = Double.isNaN(g.getCoordinate().getZ()) ? 2 : 3;
    byte[] wkb = new WKBWriter(dims).write(g);
    Envelope e = g.getEnvelopeInternal();
    checkGeographicRange(crs, e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY());
    List<Object[]> rows =
        Transforms.guard(
            crs,
            () ->
                s.template(
                    "geometry_input",
                    Map.of("wkb", wkb, "srid", crs.srid(), "native", s.nativeSrid()),
                    r ->
                        new Object[] {
                          r.bytes("ewkb"),
                          r.dbl("area_m2"),
                          r.dbl("length_m"),
                          r.dbl("min_lon"),
                          r.dbl("min_lat"),
                          r.dbl("max_lon"),
                          r.dbl("max_lat")
                        }));
    Object[] r = rows.get(0);
    ServiceArea area = ServiceArea.LANZHOU_NEW_AREA;
    if (!area.contains((Double) r[3], (Double) r[4])
        || !area.contains((Double) r[5], (Double) r[6])) {
      throw outside();
    }
    return new NativeGeometry((byte[]) r[0], g.getGeometryType(), (Double) r[1], (Double) r[2]);
  }
}
