package cn.lzxq.city.data.analysis.clearance;

import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Rules;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.analysis.pipe.PipePair;
import cn.lzxq.city.data.analysis.pipe.PipeSubject;
import cn.lzxq.city.data.analysis.pipe.ProposedPipe;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Clearance check (净距分析): horizontal and vertical clearances wall to wall against
 * clearance_rule (GB 50289-2016 Tables 4.1.9 / 4.1.14), for the existing network in a scope or
 * for a proposed pipe. The SQL is {@code sql/analysis/clearance.sql}.
 */
public final class ClearanceCheck {

  /** Plan search distance: the largest pipe-to-pipe rule plus the two half sizes. */
  private static final String REACH = "lim.rule_m + lim.half_m + a.half_width_m";

  private ClearanceCheck() {
  }

  /** Violating pairs among the pipes in the scope and between them and their neighbours. */
  public static ClearanceResult existing(Session s, ResolvedScope scope) throws SQLException {
    return run(s, PipeSubject.of(scope), scope);
  }

  /** Violations between a proposed pipe (fid 0) and the existing network. */
  public static ClearanceResult proposed(Session s, ProposedPipe pipe, ResolvedScope time) throws SQLException {
    return run(s, PipeSubject.of(s, pipe, time), time);
  }

  private static ClearanceResult run(Session s, PipeSubject subject, ResolvedScope scope) throws SQLException {
    List<ClearanceViolation> v = s.templateAll("clearance", Map.of("pairs", subject.pairs(REACH)), subject.params(),
        r -> new ClearanceViolation(r.str("direction"), PipePair.a(r), PipePair.b(r),
            r.dbl("measured_m", 3), r.dbl("required_m"), r.dbl("centre_distance_m", 3), r.lng("upper_fid"),
            Rules.clearance(r), r.geoJson("location")));
    return new ClearanceResult(scope.asOf(), v.size(), v, Rules.distinct(v.stream().map(ClearanceViolation::rule).toList()));
  }
}
