package cn.lzxq.city.data.analysis.network;

import cn.lzxq.city.data.analysis.common.AffectedFeature;
import cn.lzxq.city.data.analysis.common.Listing;
import cn.lzxq.city.data.analysis.common.RuleRef;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The answer of a valve isolation (爆管分析), shaped like SuperMap's burst analysis: the valves to
 * close (criticalNodes), the isolated segments (edges), the affected points and the parcels the
 * isolated pipes serve.
 *
 * @param burstFid the burst segment
 * @param pressureClass the burst segment's pressure class (gas: L MB MA SHB SHA HB HA; null
 *     otherwise)
 * @param complete false when the walk did not close within the largest search radius
 * @param searchRadiusM the radius of the neighbourhood walked, metres
 * @param valvesToClose operable valves bounding the isolated section, by fid
 * @param valvesByPressureClass the same valves by the pressure class of the isolated pipes at them
 *     ("" outside gas)
 * @param regulators gas regulators (调压箱, 调压站) at the edge of the isolated section: pressure-level
 *     boundaries the walk did not pass (the other level keeps its valves open)
 * @param inoperableValves valves met but not usable (pipe_point.operable false or named in the
 *     request), passed through
 * @param isolatedSegments the segments without supply, by fid
 * @param isolatedLengthM their plan length, metres
 * @param affectedPoints other points on the isolated section (hydrants, meters, tees …)
 * @param parcelsServed parcels within parcel_service_distance_m of the isolated segments
 * @param rules the analysis_setting rows used
 */
public record ValveIsolationResult(
    Instant asOf,
    long burstFid,
    String network,
    String pressureClass,
    boolean complete,
    double searchRadiusM,
    List<NetworkItem> valvesToClose,
    Map<String, List<NetworkItem>> valvesByPressureClass,
    List<NetworkItem> regulators,
    List<NetworkItem> inoperableValves,
    List<NetworkItem> isolatedSegments,
    double isolatedLengthM,
    List<NetworkItem> affectedPoints,
    List<AffectedFeature> parcelsServed,
    List<RuleRef> rules)
    implements Listing<NetworkItem> {

  @Override
  public List<NetworkItem> items() {
    List<NetworkItem> all = new ArrayList<>(valvesToClose);
    all.addAll(isolatedSegments);
    all.addAll(affectedPoints);
    all.addAll(inoperableValves);
    all.addAll(regulators);
    return all;
  }
}
