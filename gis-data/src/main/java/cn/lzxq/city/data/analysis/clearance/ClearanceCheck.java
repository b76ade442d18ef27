package cn.lzxq.city.data.analysis.clearance;

import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Row;
import cn.lzxq.city.data.analysis.common.Rules;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.analysis.pipe.PipePair;
import cn.lzxq.city.data.analysis.pipe.PipeSubject;
import cn.lzxq.city.data.analysis.pipe.ProposedPipe;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Clearance check (净距分析): horizontal and vertical clearances wall to wall against clearance_rule
 * (GB 50289-2016 Tables 4.1.9 / 4.1.14, GB 50028-2006), for the existing network in a scope or for
 * a proposed pipe; pipes against base-station towers, buildings and kerbs (Table 4.1.9 feature
 * columns). Pairs no rule covers, of pipes or of a pipe and a feature, are reported as unchecked
 * with counts. The SQL is {@code sql/analysis/clearance.sql} and {@code
 * sql/analysis/feature_clearance.sql}.
 */
public final class ClearanceCheck {

  /** Plan search distance: the largest pipe-to-pipe rule plus the two half sizes. */
  private static final String REACH = "lim.rule_m + lim.half_m + a.half_width_m";

  /**
   * Search distance of the street-tree branch: the larger tree and shrub reach plus a half size.
   */
  private static final String TREE_REACH =
      "(SELECT greatest(clearance_feature_reach_m('TREE'), clearance_feature_reach_m('SHRUB'))"
          + " + pipe_half_size_max())";

  /**
   * The street-tree branch's join ({tree_join} of feature_clearance.sql) for a few subject pipes (a
   * scope with an area, a proposed pipe): each pipe probes street_tree's GiST index.
   */
  private static final String TREES_BY_PIPE =
      "subject a JOIN street_tree s ON ST_DWithin(a.geom, s.geom, " + TREE_REACH + ")";

  /**
   * The same for the whole city: each tree probes pipe_segment's index (52,416 probes on `city`
   * instead of 292,779; 1.0 s of CPU instead of 4.3 s). PostgreSQL estimates both at about the same
   * cost (a GiST probe of a bigger table is estimated to return more rows) and picks the pipes; the
   * subquery (OFFSET 0 keeps it one) makes the trees drive, serially (PostgreSQL 15 runs no
   * subquery with a lateral reference in parallel workers).
   */
  private static final String PIPES_BY_TREE =
      "street_tree s CROSS JOIN LATERAL (SELECT a.* FROM subject a WHERE ST_DWithin(a.geom, s.geom, "
          + TREE_REACH
          + ") OFFSET 0) a";

  private ClearanceCheck() {}

  /** Violating pairs among the pipes in the scope and between them and their neighbours. */
  public static ClearanceResult existing(Session s, ResolvedScope scope) throws SQLException {
    return run(
        s, PipeSubject.of(scope), scope, scope.region() == null ? PIPES_BY_TREE : TREES_BY_PIPE);
  }

  /** Violations between a proposed pipe (fid 0) and the existing network. */
  public static ClearanceResult proposed(Session s, ProposedPipe pipe, ResolvedScope time)
      throws SQLException {
    return run(s, PipeSubject.of(s, pipe, time), time, TREES_BY_PIPE);
  }

  private record Reported(String verdict, ClearanceViolation pair, UncheckedPairs.Pair unchecked) {}

  private static ClearanceResult run(
      Session s, PipeSubject subject, ResolvedScope scope, String treeJoin) throws SQLException {
    List<Reported> rows =
        s.templateAll(
            "clearance",
            Map.of("pairs", subject.pairs(REACH)),
            subject.pairParams(s),
            ClearanceCheck::reported);
    List<ClearanceViolation> violations = new ArrayList<>();
    List<ClearanceViolation> special = new ArrayList<>();
    List<UncheckedPairs.Pair> unchecked = new ArrayList<>();
    for (Reported r : rows) {
      switch (r.verdict()) {
        case "violation" -> violations.add(r.pair());
        case "special_assessment" -> special.add(r.pair());
        default -> unchecked.add(r.unchecked());
      }
    }
    List<ReportedFeature> near =
        s.templateAll(
            "feature_clearance",
            Map.of(
                "scope_cte",
                subject.scopeCte(),
                "subject",
                subject.subjectSql(),
                "tree_join",
                treeJoin),
            subject.params(),
            ClearanceCheck::feature);
    List<FeatureClearanceViolation> features = new ArrayList<>();
    List<FeatureClearanceViolation> featureSpecial = new ArrayList<>();
    List<UncheckedPairs.FeaturePair> featureUnchecked = new ArrayList<>();
    for (ReportedFeature f : near) {
      switch (f.verdict()) {
        case "violation" -> features.add(f.pair());
        case "special_assessment" -> featureSpecial.add(f.pair());
        default -> featureUnchecked.add(f.unchecked());
      }
    }
    return new ClearanceResult(
        scope.asOf(),
        violations.size(),
        violations,
        special,
        UncheckedPairs.of(unchecked),
        features,
        featureSpecial,
        UncheckedPairs.of(featureUnchecked),
        Rules.distinct(
            Stream.of(
                    violations.stream().map(ClearanceViolation::rule),
                    special.stream().map(ClearanceViolation::rule),
                    features.stream().map(FeatureClearanceViolation::rule),
                    featureSpecial.stream().map(FeatureClearanceViolation::rule))
                .flatMap(x -> x)
                .toList()));
  }

  private record ReportedFeature(
      String verdict, FeatureClearanceViolation pair, UncheckedPairs.FeaturePair unchecked) {}

  private static ReportedFeature feature(Row r) throws SQLException {
    FeatureRef feature =
        new FeatureRef(
            r.str("f_layer"), r.str("f_type"), r.lng("f_fid"), r.str("f_code"), r.str("f_name"));
    String verdict = r.str("verdict");
    if (verdict.equals("unchecked")) {
      return new ReportedFeature(
          verdict,
          null,
          new UncheckedPairs.FeaturePair(
              r.str("a_type"),
              PipePair.a(r),
              feature,
              r.dbl("measured_m", 3),
              r.geoJson("location")));
    }
    return new ReportedFeature(
        verdict,
        new FeatureClearanceViolation(
            PipePair.a(r),
            feature,
            r.dbl("measured_m", 3),
            r.dbl("required_m"),
            Rules.clearance(r),
            r.geoJson("location")),
        null);
  }

  private static Reported reported(Row r) throws SQLException {
    String verdict = r.str("verdict");
    if (verdict.equals("unchecked")) {
      return new Reported(
          verdict,
          null,
          new UncheckedPairs.Pair(
              r.str("direction"),
              r.str("a_type"),
              r.str("b_type"),
              PipePair.a(r),
              PipePair.b(r),
              r.dbl("measured_m", 3),
              r.geoJson("location")));
    }
    return new Reported(
        verdict,
        new ClearanceViolation(
            r.str("direction"),
            PipePair.a(r),
            PipePair.b(r),
            r.dbl("measured_m", 3),
            r.dbl("required_m"),
            r.dbl("centre_distance_m", 3),
            r.lng("upper_fid"),
            Rules.clearance(r),
            r.geoJson("location")),
        null);
  }
}
