package cn.lzxq.city.data.analysis.network;

import cn.lzxq.city.data.analysis.common.Listing;
import java.time.Instant;
import java.util.List;

/**
 * The answer of a network trace.
 *
 * @param direction connected, upstream or downstream
 * @param complete false when the trace did not close within the largest search radius
 * @param segments the traced segments (the start included), by fid
 * @param lengthM their plan length, metres
 * @param unknownDirection directional traces: segments met whose flow direction is not recorded
 *     (not followed)
 */
public record TraceResult(
    Instant asOf,
    long startFid,
    String network,
    String direction,
    boolean complete,
    double searchRadiusM,
    List<NetworkItem> segments,
    double lengthM,
    List<Long> unknownDirection)
    implements Listing<NetworkItem> {

  @Override
  public List<NetworkItem> items() {
    return segments;
  }
}
