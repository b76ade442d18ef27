package cn.lzxq.city.data.coverage;

/**
 * The path loss of a WLAN access point to a street-level receiver: the site-general model of ITU-R
 * P.1411-10 §4.1.1 for both ends below the rooftops, {@code PL = 10 α log10(d) + β + 10 γ log10(f)}
 * (d the 3D distance in metres, f in GHz; median, the Recommendation's own clutter included), with
 * the coefficients of its Table 4:
 *
 * <ul>
 *   <li>NLoS, urban high-rise: α 4.00, β 10.2, γ 2.36 (0.8–38 GHz, 30–715 m) — the model of every
 *       path: public access points stand among buildings, trees and traffic, and the grid does not
 *       decide their sight lines;
 *   <li>LoS: α 2.12, β 29.2, γ 2.11 (0.8–73 GHz, 5–660 m) — a floor: the loss is never below it, so
 *       it governs within about 9 m, where the NLoS fit (made from 30 m) would fall below it.
 * </ul>
 *
 * Distances under 5 m count as 5 m; the model refuses frequencies outside 0.8–38 GHz and distances
 * beyond 715 m.
 */
public final class WlanPathLoss {

  /** The least 3D distance of the model, metres (LoS row). */
  public static final double MIN_DISTANCE_M = 5;

  /** The greatest 3D distance of the model, metres (NLoS urban high-rise row). */
  public static final double MAX_DISTANCE_M = 715;

  private final double losConstantDb;
  private final double nlosConstantDb;

  /**
   * @param frequencyMhz channel centre frequency, MHz (800–38,000)
   * @throws IllegalArgumentException outside the model's frequencies
   */
  public WlanPathLoss(double frequencyMhz) {
    if (!(frequencyMhz >= 800 && frequencyMhz <= 38_000)) {
      throw new IllegalArgumentException(
          "ITU-R P.1411 site-general NLoS holds for 0.8–38 GHz, not " + frequencyMhz + " MHz");
    }
    double logF = Math.log10(frequencyMhz / 1000);
    this.losConstantDb = 29.2 + 21.1 * logF;
    this.nlosConstantDb = 10.2 + 23.6 * logF;
  }

  /**
   * The path loss, dB.
   *
   * @param distance3dM distance between the antennas, metres (≤ 715)
   * @throws IllegalArgumentException beyond 715 m
   */
  public double lossDb(double distance3dM) {
    if (!(distance3dM <= MAX_DISTANCE_M)) {
      throw new IllegalArgumentException(
          "ITU-R P.1411 site-general NLoS holds to 715 m, not " + distance3dM + " m");
    }
    double logD = Math.log10(Math.max(MIN_DISTANCE_M, distance3dM));
    return Math.max(21.2 * logD + losConstantDb, 40 * logD + nlosConstantDb);
  }

  /**
   * The greatest 3D distance at which the loss is at most {@code lossDb}, metres: the nearer of the
   * distances at which the NLoS and the LoS rows reach it (both grow with distance, and the loss is
   * the larger of them), at most {@value #MAX_DISTANCE_M} m; 0 when even {@value #MIN_DISTANCE_M} m
   * loses more.
   *
   * @param lossDb the loss allowed, dB
   */
  public double distanceM(double lossDb) {
    double d =
        Math.min(
            Math.pow(10, (lossDb - nlosConstantDb) / 40),
            Math.pow(10, (lossDb - losConstantDb) / 21.2));
    return d < MIN_DISTANCE_M ? 0 : Math.min(d, MAX_DISTANCE_M);
  }
}
