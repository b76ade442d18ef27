package cn.lzxq.city.data.analysis.pipe;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.GeometryInput;
import cn.lzxq.city.data.analysis.common.NativeGeometry;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.sql.SqlTemplate;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The pipes a pair check (clearance, collision) looks at: the existing pipes of a scope, or one
 * proposed pipe (fid 0). Renders {@code sql/analysis/pairs.sql} for it.
 *
 * @param scopeCte the CTEs the subject reads
 * @param subjectSql SELECT of the subject pipes (columns of pipe_solid_at)
 * @param dedupe predicate keeping each pair once
 * @param params bind values
 */
public record PipeSubject(
    String scopeCte, String subjectSql, String dedupe, Map<String, Object> params) {

  /** The current pipes of a scope; a pair with both pipes in the scope is kept once. */
  public static PipeSubject of(ResolvedScope scope) {
    return new PipeSubject(
        ResolvedScope.regionCte(),
        SqlTemplate.render("analysis/subject_scope", Map.of("scope", scope.predicate("s", true))),
        "NOT (" + scope.predicate("b", true) + " AND b.fid < a.fid)",
        scope.params());
  }

  /** A proposed pipe draped at its depth below the ground surface. */
  public static PipeSubject of(Session s, ProposedPipe pipe, ResolvedScope time)
      throws SQLException {
    NativeGeometry g = GeometryInput.read(s, pipe.geometry(), pipe.crs(), Set.of("LineString"));
    ProposedInput.check(s, pipe);
    Map<String, Object> p = time.params();
    p.put("p_geom", g.ewkb());
    p.put("p_network", pipe.network());
    p.put("p_subtype", pipe.subtype());
    p.put("p_pressure_class", pipe.pressureClass());
    p.put("p_dn_mm", pipe.dnMm());
    p.put("p_depth_m", pipe.depthM());
    p.put("p_laying", pipe.laying());
    p.put("p_material", pipe.material());
    String proposedCte = SqlTemplate.load("analysis/proposed_geom");
    if (s.query(
            "WITH " + proposedCte + " SELECT ground_missing FROM proposed_geom",
            p,
            r -> r.bool("ground_missing"))
        .get(0)) {
      throw new AnalysisInputException(
          "提议管线处无地面高程数据（附近无管线点）",
          "no ground elevation along the proposed pipe (no surveyed point nearby)");
    }
    return new PipeSubject(
        ResolvedScope.regionCte() + ", " + proposedCte,
        SqlTemplate.load("analysis/subject_proposed"),
        "true",
        p);
  }

  /**
   * The bind values of {@link #pairs}: the subject's, and the search bounds of {@code
   * sql/analysis/pair_limits.sql} read now ({@code pair_rule_m}, {@code pair_half_m}, metres).
   */
  public Map<String, Object> pairParams(Session s) throws SQLException {
    PairLimits limits =
        s.template("pair_limits", Map.of(), r -> new PairLimits(r.dbl("rule_m"), r.dbl("half_m")))
            .get(0);
    Map<String, Object> p = new HashMap<>(params);
    p.put("pair_rule_m", limits.ruleM());
    p.put("pair_half_m", limits.halfM());
    return p;
  }

  private record PairLimits(Double ruleM, Double halfM) {}

  /** The pairs CTEs with the given plan reach (SQL expression over lim and a). */
  public String pairs(String reach) {
    return SqlTemplate.render(
        "analysis/pairs",
        Map.of("scope_cte", scopeCte, "subject", subjectSql, "dedupe", dedupe, "reach", reach));
  }
}
