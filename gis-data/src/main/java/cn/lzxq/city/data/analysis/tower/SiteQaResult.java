package cn.lzxq.city.data.analysis.tower;

import cn.lzxq.city.data.analysis.common.Listing;
import java.time.Instant;
import java.util.List;

/** The answer of a network QA run: flags by site, flag, sector. */
public record SiteQaResult(Instant asOf, int count, List<SiteFlag> flags)
    implements Listing<SiteFlag> {

  @Override
  public List<SiteFlag> items() {
    return flags;
  }
}
