package cn.lzxq.city.data.analysis.zoning;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.GeometryInput;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Rounding;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.crs.CrsRef;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Zoning (控规) queries: the parcel at a point, what lies inside a parcel, land-use statistics. */
public final class Zoning {

  private Zoning() {}

  public static ZoningResults.ParcelAt at(
      Session s, double x, double y, CrsRef crs, ResolvedScope time) throws SQLException {
    List<ParcelInfo> p = parcel(s, GeometryInput.point(s, x, y, crs).ewkb(), null, time);
    return new ZoningResults.ParcelAt(time.asOf(), p.isEmpty() ? null : p.get(0));
  }

  public static ZoningResults.Contents contents(Session s, String code, ResolvedScope time)
      throws SQLException {
    List<ParcelInfo> p = parcel(s, null, code, time);
    if (p.isEmpty()) {
      throw new AnalysisInputException("未知地块：" + code, "unknown parcel: " + code);
    }
    Map<String, Object> q = time.params();
    q.put("code", code);
    List<ParcelContent> c =
        s.template(
            "zoning_contents",
            q,
            r -> new ParcelContent(r.str("kind"), r.str("key"), r.lng("n"), r.dbl("length_m", 3)));
    return new ZoningResults.Contents(time.asOf(), p.get(0), c);
  }

  public static ZoningResults.Statistics statistics(Session s, ResolvedScope scope)
      throws SQLException {
    List<LandUseStat> stats =
        s.template(
            "zoning_stats",
            Map.of("scope_cte", ResolvedScope.regionCte(), "scope", scope.predicate("z", false)),
            scope.params(),
            r ->
                new LandUseStat(
                    r.str("major"),
                    r.str("code"),
                    r.str("name_zh"),
                    r.str("name_en"),
                    r.lng("n"),
                    r.dbl("area_m2", 1),
                    r.dbl("share_pct", 2)));
    double total =
        stats.stream().filter(x -> x.code() == null).mapToDouble(LandUseStat::areaM2).sum();
    return new ZoningResults.Statistics(scope.asOf(), Rounding.round(total, 1), stats);
  }

  private static List<ParcelInfo> parcel(Session s, byte[] point, String code, ResolvedScope time)
      throws SQLException {
    Map<String, Object> q = time.params();
    q.put("point", point);
    q.put("code", code);
    return s.template(
        "zoning_at",
        q,
        r ->
            new ParcelInfo(
                r.lng("fid"),
                r.str("parcel_code"),
                r.str("land_use_code"),
                r.str("land_use_name"),
                r.str("land_use_name_en"),
                r.str("parent"),
                r.bool("emf_sensitive"),
                r.dbl("area_m2"),
                r.dbl("max_far"),
                r.dbl("max_coverage_pct"),
                r.dbl("min_green_pct"),
                r.dbl("height_limit_m"),
                r.str("plan_name"),
                r.str("approval_date"),
                r.geoJson("location")));
  }
}
