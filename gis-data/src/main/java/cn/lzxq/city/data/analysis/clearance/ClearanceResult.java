package cn.lzxq.city.data.analysis.clearance;

import cn.lzxq.city.data.analysis.common.Listing;
import cn.lzxq.city.data.analysis.common.RuleRef;
import java.time.Instant;
import java.util.List;

/**
 * The answer of a clearance check. As a list (GeoJSON, a job's CSV/XLSX) it is its {@link
 * ClearanceFinding}s: every violation, special assessment, feature violation and feature special
 * assessment, and one row per class of unchecked pairs with its count and reason.
 *
 * @param asOf the time the network was read at (null = now)
 * @param count the number of violations between pipes
 * @param violations violating pairs, horizontal first, by fid
 * @param specialAssessments pairs a special-assessment rule governs (high-pressure gas beyond the
 *     tables, 需专项论证) that meet the rule's floor value
 * @param unchecked pairs of pipes no rule covers (需人工复核), with counts
 * @param featureViolations pipes too close to a base-station tower or a building (GB 50289-2016
 *     Table 4.1.9 feature columns), by feature
 * @param featureSpecialAssessments pipes a special-assessment rule governs against a feature (high
 *     -pressure gas) that meet the rule's floor value
 * @param uncheckedFeatures pipe–feature pairs no rule covers (需人工复核), with counts
 * @param rulesUsed the distinct rule rows that governed the violations and assessments
 */
public record ClearanceResult(
    Instant asOf,
    int count,
    List<ClearanceViolation> violations,
    List<ClearanceViolation> specialAssessments,
    UncheckedPairs<UncheckedPairs.Pair> unchecked,
    List<FeatureClearanceViolation> featureViolations,
    List<FeatureClearanceViolation> featureSpecialAssessments,
    UncheckedPairs<UncheckedPairs.FeaturePair> uncheckedFeatures,
    List<RuleRef> rulesUsed)
    implements Listing<ClearanceFinding> {

  @Override
  public List<ClearanceFinding> items() {
    return ClearanceFinding.of(this);
  }
}
