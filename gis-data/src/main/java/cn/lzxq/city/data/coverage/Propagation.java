package cn.lzxq.city.data.coverage;

/**
 * The path loss of one link as the coverage grid uses it, by band and distance:
 *
 * <ul>
 *   <li>COST-231 Hata (metropolitan centre off, Cm = 0 dB) where it is valid: 1.5–2 GHz, 1–20 km,
 *       base station 30–200 m ({@link Cost231Hata#valid});
 *   <li>otherwise TR 38.901 UMa, with the line of sight as the grid decided it ({@link Sight}): a
 *       path the DEM or a building blocks is NLOS; a clear path is LOS when the buildings are
 *       modelled, and otherwise LOS with the model's probability {@link
 *       UmaPathLoss#losProbability}, the loss being that of the expected power {@code −10
 *       log10(p·10^(−PL_LOS/10) + (1 − p)·10^(−PL_NLOS/10))}.
 * </ul>
 *
 * Horizontal distances under 10 m (the UMa minimum) are taken as 10 m; callers keep distances at or
 * under 5 km.
 */
public final class Propagation {

  private Propagation() {}

  /** How the line of sight of a path was decided. */
  public enum Sight {
    /** The terrain or a building blocks the path: NLOS. */
    BLOCKED,
    /** Clear of the terrain and of the buildings, which are modelled: LOS. */
    CLEAR,
    /** Clear of the terrain, the buildings unknown: LOS with the model's probability. */
    PROBABLE
  }

  /**
   * The link's path loss, dB.
   *
   * @param frequencyMhz carrier frequency, MHz
   * @param distance2dM horizontal distance, metres (≤ 5,000)
   * @param bsHeightM antenna height above the receiver's ground, metres
   * @param utHeightM receiver height above its ground, metres
   * @param terrainClear false when the DEM blocks the path (buildings unknown)
   */
  public static double pathLossDb(
      double frequencyMhz,
      double distance2dM,
      double bsHeightM,
      double utHeightM,
      boolean terrainClear) {
    return pathLossDb(
        frequencyMhz,
        distance2dM,
        bsHeightM,
        utHeightM,
        terrainClear ? Sight.PROBABLE : Sight.BLOCKED);
  }

  /**
   * The link's path loss, dB, with the line of sight as decided.
   *
   * @throws IllegalArgumentException outside the validity of both models
   */
  public static double pathLossDb(
      double frequencyMhz, double distance2dM, double bsHeightM, double utHeightM, Sight sight) {
    if (!Cost231Hata.valid(frequencyMhz, distance2dM, bsHeightM, utHeightM)) {
      UmaPathLoss.check(
          frequencyMhz,
          Math.max(UmaPathLoss.MIN_DISTANCE_M, distance2dM),
          Math.max(bsHeightM, utHeightM + 1),
          utHeightM);
    }
    return -10 * Math.log10(new Band(frequencyMhz, utHeightM).gain(distance2dM, bsHeightM, sight));
  }

  /**
   * The path loss of one carrier frequency at one receiver height as a linear gain {@code
   * 10^(−PL/10)}, the per-band terms worked out once: the coverage grid's inner loop, with one
   * logarithm of the distance per cell shared by the LOS and NLOS formulas.
   */
  static final class Band {

    private static final double DB_TO_LN = Math.log(10) / 10;

    private final double frequencyMhz;
    private final double utHeightM;
    private final double frequencyDb;
    private final double breakpointPerMetre;
    private final boolean hataBand;

    /**
     * @throws IllegalArgumentException for a frequency or receiver height outside both models
     */
    Band(double frequencyMhz, double utHeightM) {
      this.frequencyMhz = frequencyMhz;
      this.utHeightM = utHeightM;
      this.hataBand = Cost231Hata.valid(frequencyMhz, 1_000, 30, utHeightM);
      if (!hataBand) {
        UmaPathLoss.check(frequencyMhz, UmaPathLoss.MIN_DISTANCE_M, utHeightM + 1, utHeightM);
      }
      this.frequencyDb = UmaPathLoss.frequencyDb(frequencyMhz);
      this.breakpointPerMetre = UmaPathLoss.breakpointM(frequencyMhz, 2, utHeightM);
    }

    /**
     * The path gain (≤ 1) at a horizontal distance (metres, ≤ 5,000) from an antenna {@code
     * bsHeightM} above the receiver's ground.
     */
    double gain(double distance2dM, double bsHeightM, Sight sight) {
      if (hataBand && Cost231Hata.valid(frequencyMhz, distance2dM, bsHeightM, utHeightM)) {
        return linear(
            Cost231Hata.pathLossDb(frequencyMhz, distance2dM, bsHeightM, utHeightM, false));
      }
      double d = Math.max(UmaPathLoss.MIN_DISTANCE_M, distance2dM);
      double bs = Math.max(bsHeightM, utHeightM + 1);
      double dh = bs - utHeightM;
      double l = UmaPathLoss.log10D3(d, dh);
      // d'BP is proportional to h'BS = hBS − 1 m
      double los = UmaPathLoss.los(d, dh, l, frequencyDb, breakpointPerMetre * (bs - 1));
      if (sight == Sight.CLEAR) {
        return linear(los);
      }
      double nlos = Math.max(los, UmaPathLoss.nlosPrime(l, frequencyDb, utHeightM));
      if (sight == Sight.BLOCKED) {
        return linear(nlos);
      }
      double p = UmaPathLoss.losProbability(d);
      return p * linear(los) + (1 - p) * linear(nlos);
    }

    private static double linear(double lossDb) {
      return Math.exp(-lossDb * DB_TO_LN);
    }
  }
}
