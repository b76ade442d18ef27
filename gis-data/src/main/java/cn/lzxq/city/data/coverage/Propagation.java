package cn.lzxq.city.data.coverage;

/**
 * The path loss of one link as the coverage grid uses it, by band and distance:
 *
 * <ul>
 *   <li>COST-231 Hata (metropolitan centre off, Cm = 0 dB) where it is valid: 1.5–2 GHz, 1–20 km,
 *       base station 30–200 m ({@link Cost231Hata#valid});
 *   <li>otherwise TR 38.901 UMa. Line of sight is first decided against the terrain: a path the DEM
 *       blocks is NLOS. A path the terrain leaves clear is LOS with the model's probability {@link
 *       UmaPathLoss#losProbability} (buildings are not modelled yet), and the loss is that of the
 *       expected power {@code −10 log10(p·10^(−PL_LOS/10) + (1 − p)·10^(−PL_NLOS/10))}.
 * </ul>
 *
 * Horizontal distances under 10 m (the UMa minimum) are taken as 10 m; callers keep distances at or
 * under 5 km.
 */
public final class Propagation {

  private Propagation() {}

  /**
   * The link's path loss, dB.
   *
   * @param frequencyMhz carrier frequency, MHz
   * @param distance2dM horizontal distance, metres (≤ 5,000)
   * @param bsHeightM antenna height above the receiver's ground, metres
   * @param utHeightM receiver height above its ground, metres
   * @param terrainClear false when the DEM blocks the path
   */
  public static double pathLossDb(
      double frequencyMhz,
      double distance2dM,
      double bsHeightM,
      double utHeightM,
      boolean terrainClear) {
    if (Cost231Hata.valid(frequencyMhz, distance2dM, bsHeightM, utHeightM)) {
      return Cost231Hata.pathLossDb(frequencyMhz, distance2dM, bsHeightM, utHeightM, false);
    }
    double d = Math.max(UmaPathLoss.MIN_DISTANCE_M, distance2dM);
    double bs = Math.max(bsHeightM, utHeightM + 1);
    UmaPathLoss.check(frequencyMhz, d, bs, utHeightM);
    double nlos = UmaPathLoss.nlos(frequencyMhz, d, bs, utHeightM);
    if (!terrainClear) {
      return nlos;
    }
    double p = UmaPathLoss.losProbability(d);
    double los = UmaPathLoss.los(frequencyMhz, d, bs, utHeightM);
    return -10 * Math.log10(p * Math.pow(10, -los / 10) + (1 - p) * Math.pow(10, -nlos / 10));
  }
}
