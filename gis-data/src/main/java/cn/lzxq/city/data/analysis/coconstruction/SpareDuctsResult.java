package cn.lzxq.city.data.analysis.coconstruction;

import cn.lzxq.city.data.analysis.common.Listing;
import java.time.Instant;
import java.util.List;

/**
 * Existing ducts with spare holes in a scope (or near a project corridor, within distanceM metres).
 */
public record SpareDuctsResult(Instant asOf, double distanceM, List<SpareDuct> ducts)
    implements Listing<SpareDuct> {

  @Override
  public List<SpareDuct> items() {
    return ducts;
  }
}
