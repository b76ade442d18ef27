package cn.lzxq.city.data.analysis.collision;

import cn.lzxq.city.data.analysis.common.Listing;
import java.time.Instant;
import java.util.List;

/** The answer of a collision check: overlapping pairs by fid. */
public record CollisionResult(Instant asOf, int count, List<Collision> collisions)
    implements Listing<Collision> {

  @Override
  public List<Collision> items() {
    return collisions;
  }
}
