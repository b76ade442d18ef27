package cn.lzxq.city.data.analysis.zoning;

import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Row;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Zoning compliance (控规符合性): the buildings of a scope's parcels above the parcel's height limit,
 * and the parcels above their floor-area ratio or building coverage ({@code
 * sql/analysis/zoning_compliance.sql}).
 */
public final class Compliance {

  private Compliance() {}

  /** The findings of the parcels of {@code scope}, by kind and code. */
  public static ZoningResults.Compliance check(Session s, ResolvedScope scope) throws SQLException {
    List<ComplianceFinding> rows =
        s.template(
            "zoning_compliance",
            Map.of("scope_cte", ResolvedScope.regionCte(), "scope", scope.predicate("z", false)),
            scope.params(),
            Compliance::finding);
    ComplianceFinding checked = rows.get(0);
    return new ZoningResults.Compliance(
        scope.asOf(),
        (long) checked.measured(),
        (long) checked.allowed(),
        List.copyOf(rows.subList(1, rows.size())));
  }

  /** A row; the first ({@code checked}) holds the counts of parcels and buildings checked. */
  private static ComplianceFinding finding(Row r) throws SQLException {
    boolean counts = r.str("kind").equals("checked");
    return new ComplianceFinding(
        r.str("kind"),
        counts ? 0 : r.lng("fid"),
        r.str("code"),
        r.str("parcel_code"),
        r.dbl("measured", 3),
        r.dbl("allowed", 3),
        counts ? 0 : r.lng("buildings"),
        counts ? 0 : r.dbl("footprint_m2", 1),
        counts ? 0 : r.dbl("floor_area_m2", 1),
        counts ? 0 : r.dbl("lon", 7),
        counts ? 0 : r.dbl("lat", 7));
  }
}
