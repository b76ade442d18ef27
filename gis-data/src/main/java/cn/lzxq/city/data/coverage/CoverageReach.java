package cn.lzxq.city.data.coverage;

/**
 * How far a new sector reaches a threshold: the greatest horizontal distance (metres, 10 m steps up
 * to the UMa limit of 5 km) at which RSRP on boresight with the NLOS loss ({@link Propagation},
 * terrain blocked — the conservative case) is still at or above it. Used to rank towers by the area
 * of a hole a sector on them would cover.
 */
public final class CoverageReach {

  private CoverageReach() {}

  /**
   * The reach, metres (0 when even 10 m falls short).
   *
   * @param eirpDbm EIRP at boresight, dBm
   * @param carrier the carrier
   * @param frequencyMhz carrier frequency, MHz
   * @param antennaHeightM antenna height above ground, metres
   * @param receiverHeightM receiver height, metres
   * @param thresholdDbm RSRP to reach, dBm
   */
  public static double metres(
      double eirpDbm,
      Carrier carrier,
      double frequencyMhz,
      double antennaHeightM,
      double receiverHeightM,
      double thresholdDbm) {
    double reach = 0;
    for (double d = UmaPathLoss.MIN_DISTANCE_M; d <= UmaPathLoss.MAX_DISTANCE_M; d += 10) {
      double pl = Propagation.pathLossDb(frequencyMhz, d, antennaHeightM, receiverHeightM, false);
      if (LinkBudget.rsrpDbm(eirpDbm, carrier, pl, 0) < thresholdDbm) {
        break;
      }
      reach = d;
    }
    return reach;
  }
}
