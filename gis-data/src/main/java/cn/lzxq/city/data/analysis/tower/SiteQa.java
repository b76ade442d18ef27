package cn.lzxq.city.data.analysis.tower;

import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/** Network QA of base stations per site_rule (站址核查); SQL: {@code sql/analysis/site_qa.sql}. */
public final class SiteQa {

  private SiteQa() {}

  public static SiteQaResult run(Session s, ResolvedScope scope) throws SQLException {
    List<SiteFlag> flags =
        s.template(
            "site_qa",
            Map.of("scope_cte", ResolvedScope.regionCte(), "scope", scope.predicate("b", false)),
            scope.params(),
            r ->
                new SiteFlag(
                    r.str("flag"),
                    r.str("site_code"),
                    r.str("other"),
                    r.integer("sector_no"),
                    r.dbl("measured", 2),
                    r.dbl("limit_value", 2),
                    new RuleRef(
                        "site_rule",
                        String.valueOf(r.integer("rule_id")),
                        r.str("flag").endsWith("emf_distance") ? null : r.dbl("limit_value", 6),
                        r.str("unit"),
                        r.str("source_clause"),
                        r.str("confidence")),
                    r.geoJson("location")));
    return new SiteQaResult(scope.asOf(), flags.size(), flags);
  }
}
