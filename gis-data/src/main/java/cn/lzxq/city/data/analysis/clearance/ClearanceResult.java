package cn.lzxq.city.data.analysis.clearance;

import cn.lzxq.city.data.analysis.common.Listing;
import cn.lzxq.city.data.analysis.common.RuleRef;
import java.time.Instant;
import java.util.List;

/**
 * The answer of a clearance check.
 *
 * @param asOf       the time the network was read at (null = now)
 * @param violations violating pairs, horizontal first, by fid
 * @param rulesUsed  the distinct rule rows that governed the violations
 */
public record ClearanceResult(Instant asOf, int count, List<ClearanceViolation> violations, List<RuleRef> rulesUsed)
    implements Listing<ClearanceViolation> {

  @Override
  public List<ClearanceViolation> items() {
    return violations;
  }
}
