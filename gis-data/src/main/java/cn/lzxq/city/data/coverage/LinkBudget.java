package cn.lzxq.city.data.coverage;

/**
 * The downlink budget per resource element: RSRP and SINR.
 *
 * <p>RSRP (dBm) = EIRP (dBm, at boresight, the antenna gain included) − 10·log10(12·N_RB) − path
 * loss (dB) + pattern relative gain (dB, ≤ 0). SINR (dB) = S / (load · I + N) in milliwatts, where
 * S is the serving cell's RSRP, I the sum of the other co-channel cells' RSRP, load the share of
 * their resource elements that carry power (0–1), and N the noise per resource element.
 */
public final class LinkBudget {

  private static final double DBM_TO_LN = Math.log(10) / 10;

  private LinkBudget() {}

  /**
   * RSRP, dBm.
   *
   * @param eirpDbm carrier EIRP at boresight, dBm
   * @param carrier the carrier (its resource blocks)
   * @param pathLossDb path loss, dB
   * @param patternDb pattern relative gain towards the receiver, dB (≤ 0)
   */
  public static double rsrpDbm(
      double eirpDbm, Carrier carrier, double pathLossDb, double patternDb) {
    return eirpDbm - carrier.perResourceElementDb() - pathLossDb + patternDb;
  }

  /**
   * SINR, dB.
   *
   * @param servingDbm the serving cell's RSRP, dBm
   * @param interferenceMw the other co-channel cells' RSRP summed, milliwatts
   * @param load cell load, the share of interfering resource elements that are occupied (0–1)
   * @param noiseDbm noise per resource element, dBm ({@link Carrier#noisePerResourceElementDbm})
   */
  public static double sinrDb(
      double servingDbm, double interferenceMw, double load, double noiseDbm) {
    if (!(load >= 0 && load <= 1)) {
      throw new IllegalArgumentException("cell load must lie in 0–1, not " + load);
    }
    return servingDbm - 10 * Math.log10(load * interferenceMw + mw(noiseDbm));
  }

  /** dBm to milliwatts. */
  public static double mw(double dbm) {
    return Math.exp(dbm * DBM_TO_LN);
  }

  /** Milliwatts to dBm. */
  public static double dbm(double mw) {
    return 10 * Math.log10(mw);
  }
}
