package cn.lzxq.city.data.analysis.collision;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.common.Rules;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.analysis.pipe.PipeRef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Cover depth check (覆土分析) against cover_rule by network, laying class, material and road position,
 * with the frost depth where the rule says frost governs. SQL: {@code sql/analysis/cover.sql}.
 */
public final class CoverCheck {

  private CoverCheck() {}

  /**
   * @param frostDepthM the frost depth to use, metres; null for analysis_setting frost_depth_m
   */
  public static CoverResult run(Session s, ResolvedScope scope, Double frostDepthM)
      throws SQLException {
    if (frostDepthM != null && !(frostDepthM >= 0 && frostDepthM <= 5)) {
      throw new AnalysisInputException("冻土深度应在 0–5 m", "frostDepth must be 0–5 m");
    }
    RuleRef frost = Rules.setting(s, "frost_depth_m");
    RuleRef margin = Rules.setting(s, "frost_margin_water_m");
    Map<String, Object> p = scope.params();
    p.put("frost_depth_m", frostDepthM);
    List<CoverViolation> v =
        s.template(
            "cover",
            Map.of("scope_cte", ResolvedScope.regionCte(), "scope", scope.predicate("s", true)),
            p,
            r -> {
              List<RuleRef> rules = new ArrayList<>();
              rules.add(
                  new RuleRef(
                      "cover_rule",
                      String.valueOf(r.integer("rule_id")),
                      r.dbl("rule_min_m"),
                      "m",
                      r.str("source_clause"),
                      r.str("confidence")));
              boolean frostGoverns =
                  r.bool("frost_governs") && r.dbl("required_m") > r.dbl("rule_min_m");
              if (frostGoverns) {
                rules.add(
                    frostDepthM == null
                        ? frost
                        : new RuleRef(
                            "request", "frostDepth", frostDepthM, "m", "request parameter", "V"));
                if (r.dbl("margin_m") > 0) {
                  rules.add(margin);
                }
              }
              return new CoverViolation(
                  PipeRef.read(r, ""),
                  r.str("material"),
                  r.str("laying"),
                  r.str("road_position"),
                  r.dbl("ground_m", 3),
                  r.dbl("top_m", 3),
                  r.dbl("cover_m", 3),
                  r.dbl("required_m", 3),
                  rules,
                  r.geoJson("location"));
            });
    return new CoverResult(
        scope.asOf(), frostDepthM != null ? frostDepthM : frost.value(), v.size(), v);
  }
}
