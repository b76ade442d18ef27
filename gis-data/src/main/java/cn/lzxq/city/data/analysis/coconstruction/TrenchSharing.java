package cn.lzxq.city.data.analysis.coconstruction;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Rounding;
import cn.lzxq.city.data.analysis.common.Row;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.common.Rules;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.MinimumDiameter;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * Trench sharing (共建共享): planned works whose corridors lie within a distance and whose time windows
 * overlap are joint-construction candidates. The shared length is measured along the first
 * corridor's axis (the long side of its minimum rectangle): the overlap of the two corridors'
 * extents projected on it. Also: existing ducts with spare holes.
 */
public final class TrenchSharing {

  private TrenchSharing() {}

  /**
   * @param distanceM the corridor distance, metres; null for analysis_setting
   *     trench_share_distance_m
   */
  public static TrenchSharingResult run(Session s, ResolvedScope scope, Double distanceM)
      throws SQLException {
    RuleRef rule = Rules.setting(s, "trench_share_distance_m");
    double d = distance(distanceM, rule);
    Map<String, Object> p = scope.params();
    p.put("distance_m", d);
    Map<String, String> slots =
        Map.of("scope_cte", ResolvedScope.regionCte(), "scope", scope.predicate("c", false));
    List<TrenchShare> shares =
        s.template(
            "trench_pairs",
            slots,
            p,
            r -> {
              Geometry a = read(r.bytes("a_wkb"));
              Geometry b = read(r.bytes("b_wkb"));
              double[] axis = axis(a);
              double shared = overlap(project(a, axis), project(b, axis));
              TrenchShare.Party pa = party(r, "a_", a);
              TrenchShare.Party pb = party(r, "b_", b);
              Double saved =
                  pa.trenchDepthM() == null || pb.trenchDepthM() == null
                      ? null
                      : Rounding.round(
                          shared
                              * Math.min(pa.widthM(), pb.widthM())
                              * Math.min(pa.trenchDepthM(), pb.trenchDepthM()),
                          3);
              return new TrenchShare(
                  pa,
                  pb,
                  r.dbl("gap_m", 3),
                  r.str("overlap_start"),
                  r.str("overlap_end"),
                  Rounding.round(shared, 3),
                  saved,
                  r.geoJson("zone"));
            });
    List<SpareDuct> ducts = SpareDucts.find(s, scope, d, null);
    return new TrenchSharingResult(scope.asOf(), d, rule, shares, ducts);
  }

  static double distance(Double requested, RuleRef rule) {
    if (requested != null && !(requested >= 0 && requested <= 100)) {
      throw new AnalysisInputException("距离应在 0–100 m", "distance must be 0–100 m");
    }
    return requested != null ? requested : rule.value();
  }

  private static TrenchShare.Party party(Row r, String p, Geometry g) throws SQLException {
    double[] axis = axis(g);
    double[] extent = project(g, axis);
    double length = extent[1] - extent[0];
    return new TrenchShare.Party(
        r.str(p + "code"),
        r.str(p + "name"),
        r.str(p + "owner"),
        r.str(p + "owner_name"),
        r.str(p + "start"),
        r.str(p + "end"),
        r.dbl(p + "depth_m"),
        Rounding.round(length > 0 ? g.getArea() / length : 0, 3));
  }

  /** Unit vector along the long side of the geometry's minimum rectangle. */
  private static double[] axis(Geometry g) {
    Coordinate[] c = MinimumDiameter.getMinimumRectangle(g).getCoordinates();
    if (c.length < 3) {
      return new double[] {1, 0};
    }
    double[] s1 = {c[1].x - c[0].x, c[1].y - c[0].y};
    double[] s2 = {c[2].x - c[1].x, c[2].y - c[1].y};
    double[] v = Math.hypot(s1[0], s1[1]) >= Math.hypot(s2[0], s2[1]) ? s1 : s2;
    double n = Math.hypot(v[0], v[1]);
    return n == 0 ? new double[] {1, 0} : new double[] {v[0] / n, v[1] / n};
  }

  /** [min, max] of the geometry's vertices projected on the axis. */
  private static double[] project(Geometry g, double[] axis) {
    double min = Double.MAX_VALUE;
    double max = -Double.MAX_VALUE;
    for (Coordinate c : g.getCoordinates()) {
      double t = c.x * axis[0] + c.y * axis[1];
      min = Math.min(min, t);
      max = Math.max(max, t);
    }
    return new double[] {min, max};
  }

  private static double overlap(double[] a, double[] b) {
    return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
  }

  private static Geometry read(byte[] wkb) {
    try {
      return new WKBReader().read(wkb);
    } catch (ParseException e) {
      throw new IllegalStateException(e);
    }
  }
}
