package cn.lzxq.city.data.analysis.excavation;

import cn.lzxq.city.data.analysis.common.AffectedFeature;
import cn.lzxq.city.data.analysis.common.Contact;
import cn.lzxq.city.data.analysis.common.Listing;
import java.time.Instant;
import java.util.List;

/**
 * The answer of an excavation impact analysis.
 *
 * @param pitAreaM2    plan area of the pit, m²
 * @param depthM       excavation depth, metres
 * @param groundM      ground elevation at the pit (interpolated surface), metres
 * @param bottomM      pit bottom elevation, metres
 * @param earthworkM3  excavated volume with vertical sides: area × depth, m³
 * @param hits         pipes reached (top above the bottom) and pipe points inside, by kind and fid
 * @param passingBelow fids of pipes under the pit that the excavation does not reach
 * @param contacts     owners of what is hit, with contacts
 * @param affected     base stations inside and parcels touched
 */
public record ExcavationResult(Instant asOf, double pitAreaM2, double depthM, Double groundM, Double bottomM,
    double earthworkM3, List<ExcavationHit> hits, List<Long> passingBelow, List<Contact> contacts,
    List<AffectedFeature> affected) implements Listing<ExcavationHit> {

  @Override
  public List<ExcavationHit> items() {
    return hits;
  }
}
