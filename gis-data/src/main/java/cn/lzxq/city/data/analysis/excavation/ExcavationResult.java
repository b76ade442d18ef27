package cn.lzxq.city.data.analysis.excavation;

import cn.lzxq.city.data.analysis.common.AffectedFeature;
import cn.lzxq.city.data.analysis.common.Contact;
import cn.lzxq.city.data.analysis.common.Listing;
import cn.lzxq.city.data.analysis.common.RuleRef;
import java.time.Instant;
import java.util.List;

/**
 * The answer of an excavation impact analysis.
 *
 * @param pitAreaM2 plan area of the pit, m²
 * @param depthM excavation depth, metres
 * @param groundM lowest ground along the pit (interpolated from the surveyed points along its edge
 *     and inside), metres
 * @param groundMaxM highest ground along the pit, metres
 * @param bottomM lowest pit bottom elevation (groundM − depth), metres; the bottom follows the
 *     ground
 * @param earthworkM3 excavated volume with vertical sides: area × depth, m³
 * @param hits pipes reached (top above the bottom) and pipe points inside, by kind and fid
 * @param passingBelow fids of pipes under the pit that the excavation does not reach
 * @param nearPipes pipes outside the pit within the protection distance of its edge, nearest first
 * @param protection the protection distance used (analysis_setting excavation_protection_m or the
 *     request's bufferM)
 * @param contacts owners of what is hit, with contacts
 * @param affected base stations inside and parcels touched
 */
public record ExcavationResult(
    Instant asOf,
    double pitAreaM2,
    double depthM,
    Double groundM,
    Double groundMaxM,
    Double bottomM,
    double earthworkM3,
    List<ExcavationHit> hits,
    List<Long> passingBelow,
    List<ExcavationNear> nearPipes,
    RuleRef protection,
    List<Contact> contacts,
    List<AffectedFeature> affected)
    implements Listing<ExcavationHit> {

  @Override
  public List<ExcavationHit> items() {
    return hits;
  }
}
