package cn.lzxq.city.data.analysis.common;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.crs.ServedCrs;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Checks a {@link Scope} against the database and the service area and turns its area into a
 * native-CRS geometry: unknown roads, projects, owners and networks, boxes outside the service area
 * and areas larger than the limit are rejected with {@link AnalysisInputException}.
 */
public final class ScopeResolver {

  private ScopeResolver() {}

  /**
   * @param maxAreaKm2 the largest area allowed; an area is required when this is finite
   */
  public static ResolvedScope resolve(Session s, Scope scope, double maxAreaKm2)
      throws SQLException {
    int areas =
        (scope.bbox() != null ? 1 : 0)
            + (scope.road() != null ? 1 : 0)
            + (scope.project() != null ? 1 : 0);
    if (areas > 1) {
      throw new AnalysisInputException(
          "范围只能给出 bbox、road、project 之一", "give only one of bbox, road and project");
    }
    if (areas == 0 && Double.isFinite(maxAreaKm2)) {
      throw new AnalysisInputException(
          "需要范围：bbox、road 或 project", "a scope is required: bbox, road or project");
    }
    checkCode(s, scope.owner(), "SELECT 1 FROM organization WHERE code = :v", "权属单位", "owner");
    checkCode(s, scope.network(), "SELECT 1 FROM network_type WHERE code = :v", "管线类别", "network");
    Area area =
        scope.bbox() != null
            ? bbox(s, scope.bbox())
            : scope.road() != null
                ? named(s, "scope_road", scope.road(), scope, "道路", "road")
                : scope.project() != null
                    ? named(s, "scope_project", scope.project(), scope, "工程项目", "project")
                    : new Area(null, 0);
    if (area.km2() > maxAreaKm2) {
      throw new AnalysisInputException(
          String.format("范围过大：%.2f km²，上限 %.2f km²", area.km2(), maxAreaKm2),
          String.format(
              "scope too large: %.2f km², the limit is %.2f km²", area.km2(), maxAreaKm2));
    }
    String kind =
        scope.bbox() != null
            ? "bbox"
            : scope.road() != null ? "road" : scope.project() != null ? "project" : null;
    return new ResolvedScope(
        area.ewkb(), kind, area.km2(), scope.owner(), scope.network(), scope.asOf());
  }

  private record Area(byte[] ewkb, double km2) {}

  private static void checkCode(Session s, String value, String sql, String zh, String en)
      throws SQLException {
    if (value != null && s.query(sql, Map.of("v", value), r -> 1).isEmpty()) {
      throw new AnalysisInputException("未知" + zh + "：" + value, "unknown " + en + ": " + value);
    }
  }

  private static Area bbox(Session s, Bbox b) throws SQLException {
    CrsRef crs = b.crs();
    if (!ServedCrs.offered(crs, s.nativeSrid())) {
      throw new AnalysisInputException("不支持的坐标系：" + crs.code(), "CRS not served: " + crs.code());
    }
    if (!(b.minX() < b.maxX() && b.minY() < b.maxY())) {
      throw new AnalysisInputException(
          "bbox 为空或角点顺序错误", "empty bbox or corners in the wrong order");
    }
    Map<String, Object> p = new HashMap<>();
    p.put("minx", b.minX());
    p.put("miny", b.minY());
    p.put("maxx", b.maxX());
    p.put("maxy", b.maxY());
    p.put("srid", crs.srid());
    p.put("native", s.nativeSrid());
    GeometryInput.checkGeographicRange(crs, b.minX(), b.minY(), b.maxX(), b.maxY());
    List<Object[]> rows =
        Transforms.guard(
            crs,
            () ->
                s.template(
                    "scope_bbox",
                    p,
                    r ->
                        new Object[] {
                          r.bytes("ewkb"),
                          r.dbl("km2"),
                          r.dbl("min_lon"),
                          r.dbl("min_lat"),
                          r.dbl("max_lon"),
                          r.dbl("max_lat")
                        }));
    Object[] r = rows.get(0);
    ServiceArea area = ServiceArea.LANZHOU_NEW_AREA;
    if (!area.contains((Double) r[2], (Double) r[3])
        || !area.contains((Double) r[4], (Double) r[5])) {
      throw GeometryInput.outside();
    }
    return new Area((byte[]) r[0], (Double) r[1]);
  }

  private static Area named(
      Session s, String template, String key, Scope scope, String zh, String en)
      throws SQLException {
    Map<String, Object> p = new HashMap<>();
    p.put("key", key);
    p.put("as_of", scope.asOf());
    List<Area> rows =
        s.template(
            template,
            p,
            r -> r.bytes("ewkb") == null ? null : new Area(r.bytes("ewkb"), r.dbl("km2")));
    if (rows.isEmpty() || rows.get(0) == null) {
      throw new AnalysisInputException("未知" + zh + "：" + key, "unknown " + en + ": " + key);
    }
    return rows.get(0);
  }
}
