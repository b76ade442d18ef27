package cn.lzxq.city.data.analysis.collision;

import cn.lzxq.city.data.analysis.common.Listing;
import java.time.Instant;
import java.util.List;

/** The answer of a cover check: the violating segments by fid, and the frost depth used (m). */
public record CoverResult(
    Instant asOf, double frostDepthM, int count, List<CoverViolation> violations)
    implements Listing<CoverViolation> {

  @Override
  public List<CoverViolation> items() {
    return violations;
  }
}
