package cn.lzxq.city.data.analysis.coconstruction;

import cn.lzxq.city.data.analysis.common.Listing;
import cn.lzxq.city.data.analysis.common.RuleRef;
import java.time.Instant;
import java.util.List;

/**
 * The answer of a trench-sharing search: joint-construction candidates and spare ducts.
 *
 * @param distanceM the corridor distance used, metres
 * @param rule the analysis_setting row of the default distance
 */
public record TrenchSharingResult(
    Instant asOf,
    double distanceM,
    RuleRef rule,
    List<TrenchShare> candidates,
    List<SpareDuct> spareDucts)
    implements Listing<TrenchShare> {

  @Override
  public List<TrenchShare> items() {
    return candidates;
  }
}
