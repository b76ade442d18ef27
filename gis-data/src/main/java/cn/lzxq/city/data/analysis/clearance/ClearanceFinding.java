package cn.lzxq.city.data.analysis.clearance;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.pipe.PipeRef;
import java.util.ArrayList;
import java.util.List;

/**
 * One row of a clearance answer as a list (a GeoJSON Feature, a CSV or XLSX row of a job's result):
 * a finding between two pipes ({@code a}, {@code b}) or between a pipe ({@code a}) and a feature,
 * or a class of pairs that was not checked. Fields that do not apply to the finding are null.
 *
 * @param finding violation, special_assessment (需专项论证), feature_violation,
 *     feature_special_assessment, unchecked or feature_unchecked (需人工复核: a class of pairs no rule
 *     covers, with its count and reason; no geometry)
 * @param direction horizontal (in plan) or vertical (at a crossing)
 * @param a the pipe (the first pipe of a pair)
 * @param b the second pipe of a pipe pair
 * @param feature the feature of a pipe–feature finding
 * @param aType unchecked classes: the first clearance type
 * @param bType unchecked classes: the second clearance type (a feature type for feature_unchecked)
 * @param count unchecked classes: how many pairs of the class lie within reach
 * @param measuredM the clearance found, metres
 * @param requiredM the rule's minimum, metres
 * @param centreDistanceM pipe pairs: centreline distance in plan or of centre elevations, metres
 * @param upperFid vertical pipe pairs: the fid of the upper pipe
 * @param rule the governing clearance_rule row
 * @param reason unchecked classes: why they were not checked
 * @param geometry where (CRS84); null for unchecked classes
 */
public record ClearanceFinding(
    String finding,
    String direction,
    PipeRef a,
    PipeRef b,
    FeatureRef feature,
    String aType,
    String bType,
    Integer count,
    Double measuredM,
    Double requiredM,
    Double centreDistanceM,
    Long upperFid,
    RuleRef rule,
    String reason,
    GeoJson geometry)
    implements Located {

  static final String UNRULED_PIPES =
      "无适用净距规定，需人工复核: no clearance_rule row covers these clearance types in this direction "
          + "(GB 50289-2016 Tables 4.1.9/4.1.14 leave the cell blank)";

  static final String UNRULED_FEATURES =
      "无适用净距规定，需人工复核: no clearance_rule row covers this pipe type against this feature type "
          + "(GB 50289-2016 Table 4.1.9 gives no value)";

  /** The findings of an answer: pipe pairs, then pipe–feature pairs, then the unchecked classes. */
  static List<ClearanceFinding> of(ClearanceResult r) {
    List<ClearanceFinding> out = new ArrayList<>();
    r.violations().forEach(v -> out.add(pair("violation", v)));
    r.specialAssessments().forEach(v -> out.add(pair("special_assessment", v)));
    r.featureViolations().forEach(v -> out.add(feature("feature_violation", v)));
    r.featureSpecialAssessments().forEach(v -> out.add(feature("feature_special_assessment", v)));
    r.unchecked().classes().forEach(c -> out.add(unchecked("unchecked", c, UNRULED_PIPES)));
    r.uncheckedFeatures()
        .classes()
        .forEach(c -> out.add(unchecked("feature_unchecked", c, UNRULED_FEATURES)));
    return List.copyOf(out);
  }

  private static ClearanceFinding pair(String finding, ClearanceViolation v) {
    return new ClearanceFinding(
        finding,
        v.direction(),
        v.a(),
        v.b(),
        null,
        null,
        null,
        null,
        v.measuredM(),
        v.requiredM(),
        v.centreDistanceM(),
        v.upperFid(),
        v.rule(),
        null,
        v.geometry());
  }

  private static ClearanceFinding feature(String finding, FeatureClearanceViolation v) {
    return new ClearanceFinding(
        finding,
        "horizontal",
        v.pipe(),
        null,
        v.feature(),
        null,
        null,
        null,
        v.measuredM(),
        v.requiredM(),
        null,
        null,
        v.rule(),
        null,
        v.geometry());
  }

  private static ClearanceFinding unchecked(
      String finding, UncheckedPairs.TypeCount c, String reason) {
    return new ClearanceFinding(
        finding,
        c.direction(),
        null,
        null,
        null,
        c.aType(),
        c.bType(),
        c.count(),
        null,
        null,
        null,
        null,
        null,
        reason,
        null);
  }
}
