package cn.lzxq.city.data.analysis.coconstruction;

import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Rules;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Existing ducts with spare holes (已用孔数 < 总孔数) that a new line could use instead of digging. */
public final class SpareDucts {

  private SpareDucts() {}

  /**
   * @param distanceM for a project scope, how far from its corridor, metres
   * @param network only this network (TX, DL), or null
   */
  public static List<SpareDuct> find(
      Session s, ResolvedScope scope, double distanceM, String network) throws SQLException {
    Map<String, Object> p = scope.params();
    p.put("distance_m", distanceM);
    p.put("project", scope.region() != null && scope.isProject() ? "yes" : null);
    p.put("want_network", network);
    return s.template(
        "spare_ducts",
        Map.of("scope_cte", ResolvedScope.regionCte(), "scope", scope.predicate("s", false)),
        p,
        r ->
            new SpareDuct(
                r.lng("fid"),
                r.str("network"),
                r.str("owner"),
                r.str("owner_name"),
                r.integer("total_holes"),
                r.integer("used_holes") == null ? 0 : r.integer("used_holes"),
                r.integer("spare_holes"),
                r.str("laying"),
                r.dbl("length_m", 3),
                r.str("road_name"),
                r.geoJson("location")));
  }

  /** Spare ducts of the scope's network (all networks when none is given). */
  public static SpareDuctsResult run(Session s, ResolvedScope scope, Double distanceM)
      throws SQLException {
    double d = TrenchSharing.distance(distanceM, Rules.setting(s, "trench_share_distance_m"));
    return new SpareDuctsResult(scope.asOf(), d, find(s, scope, d, scope.network()));
  }
}
