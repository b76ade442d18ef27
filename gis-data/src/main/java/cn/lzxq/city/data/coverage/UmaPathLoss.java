package cn.lzxq.city.data.coverage;

/**
 * Path loss of the 3GPP TR 38.901 V17 urban macro (UMa) scenario, Table 7.4.1-1, and its LOS
 * probability, Table 7.4.2-1, as medians (no shadow fading).
 *
 * <p>LOS: {@code PL1 = 28.0 + 22 log10(d3D) + 20 log10(fc)} up to the breakpoint distance {@code
 * d'BP = 4 h'BS h'UT fc / c} (effective heights {@code h' = h - hE}, {@code hE = 1 m} for a user
 * below 13 m), {@code PL2 = 28.0 + 40 log10(d3D) + 20 log10(fc) - 9 log10(d'BP² + (hBS - hUT)²)}
 * beyond it. NLOS: {@code max(PL_LOS, 13.54 + 39.08 log10(d3D) + 20 log10(fc) - 0.6 (hUT - 1.5))}.
 * Distances in metres, fc in GHz in the formulas (MHz in the arguments).
 *
 * <p>Validity (refused outside with {@link IllegalArgumentException}): 10 m ≤ d2D ≤ 5,000 m, 1.5 m
 * ≤ hUT ≤ 22.5 m, 500 MHz ≤ fc ≤ 100 GHz, hBS above hUT. The table's nominal hBS is 25 m; other
 * heights are used as given.
 */
public final class UmaPathLoss {

  /** Least horizontal distance of the model, metres. */
  public static final double MIN_DISTANCE_M = 10;

  /** Greatest horizontal distance of the model, metres. */
  public static final double MAX_DISTANCE_M = 5_000;

  private static final double C_M_S = 3.0e8;
  private static final double ENVIRONMENT_HEIGHT_M = 1.0;

  private UmaPathLoss() {}

  /**
   * The breakpoint distance d'BP, metres.
   *
   * @param frequencyMhz carrier frequency, MHz
   * @param bsHeightM base-station antenna height above the user's ground, metres
   * @param utHeightM user height above ground, metres
   */
  public static double breakpointM(double frequencyMhz, double bsHeightM, double utHeightM) {
    return 4
        * (bsHeightM - ENVIRONMENT_HEIGHT_M)
        * (utHeightM - ENVIRONMENT_HEIGHT_M)
        * frequencyMhz
        * 1e6
        / C_M_S;
  }

  /** LOS path loss, dB (see the class comment for the arguments' units and validity). */
  public static double losDb(
      double frequencyMhz, double distance2dM, double bsHeightM, double utHeightM) {
    check(frequencyMhz, distance2dM, bsHeightM, utHeightM);
    return los(frequencyMhz, distance2dM, bsHeightM, utHeightM);
  }

  /** NLOS path loss, dB: never less than the LOS loss at the same distance. */
  public static double nlosDb(
      double frequencyMhz, double distance2dM, double bsHeightM, double utHeightM) {
    check(frequencyMhz, distance2dM, bsHeightM, utHeightM);
    return nlos(frequencyMhz, distance2dM, bsHeightM, utHeightM);
  }

  /**
   * The probability of line of sight at a horizontal distance (user below 13 m, so C'(hUT) = 0): 1
   * up to 18 m, else {@code 18/d2D + exp(-d2D/63) (1 - 18/d2D)}.
   */
  public static double losProbability(double distance2dM) {
    if (distance2dM <= 18) {
      return 1;
    }
    return 18 / distance2dM + Math.exp(-distance2dM / 63) * (1 - 18 / distance2dM);
  }

  /** {@link #losDb} without the validity check. */
  static double los(double frequencyMhz, double d2dM, double bsHeightM, double utHeightM) {
    double dh = bsHeightM - utHeightM;
    return los(
        d2dM,
        dh,
        log10D3(d2dM, dh),
        frequencyDb(frequencyMhz),
        breakpointM(frequencyMhz, bsHeightM, utHeightM));
  }

  /** {@link #nlosDb} without the validity check. */
  static double nlos(double frequencyMhz, double d2dM, double bsHeightM, double utHeightM) {
    double dh = bsHeightM - utHeightM;
    double l = log10D3(d2dM, dh);
    double fDb = frequencyDb(frequencyMhz);
    return Math.max(
        los(d2dM, dh, l, fDb, breakpointM(frequencyMhz, bsHeightM, utHeightM)),
        nlosPrime(l, fDb, utHeightM));
  }

  /** log10 of the 3D distance, metres, from the 2D distance and the height difference. */
  static double log10D3(double d2dM, double heightDifferenceM) {
    return 0.5 * Math.log10(d2dM * d2dM + heightDifferenceM * heightDifferenceM);
  }

  /** 20 log10(fc / 1 GHz), dB. */
  static double frequencyDb(double frequencyMhz) {
    return 20 * Math.log10(frequencyMhz / 1000);
  }

  /**
   * PL_LOS from its parts (the grid computes them once per cell or per band).
   *
   * @param d2dM horizontal distance, metres
   * @param dh hBS − hUT, metres
   * @param log10d3d {@link #log10D3}
   * @param frequencyDb {@link #frequencyDb}
   * @param breakpointM d'BP, metres
   */
  static double los(
      double d2dM, double dh, double log10d3d, double frequencyDb, double breakpointM) {
    if (d2dM <= breakpointM) {
      return 28.0 + 22 * log10d3d + frequencyDb;
    }
    return 28.0 + 40 * log10d3d + frequencyDb - 9 * Math.log10(breakpointM * breakpointM + dh * dh);
  }

  /** PL'_NLOS from its parts (the NLOS loss is the greater of it and PL_LOS). */
  static double nlosPrime(double log10d3d, double frequencyDb, double utHeightM) {
    return 13.54 + 39.08 * log10d3d + frequencyDb - 0.6 * (utHeightM - 1.5);
  }

  /** Throws when the arguments lie outside the model's validity. */
  static void check(double frequencyMhz, double d2dM, double bsHeightM, double utHeightM) {
    if (!(frequencyMhz >= 500 && frequencyMhz <= 100_000)) {
      throw new IllegalArgumentException(
          "TR 38.901 UMa holds for 0.5–100 GHz, not " + frequencyMhz + " MHz");
    }
    if (!(d2dM >= MIN_DISTANCE_M && d2dM <= MAX_DISTANCE_M)) {
      throw new IllegalArgumentException(
          "TR 38.901 UMa holds for 10 m ≤ d2D ≤ 5 km, not " + d2dM + " m");
    }
    if (!(utHeightM >= 1.5 && utHeightM <= 22.5 && bsHeightM > utHeightM)) {
      throw new IllegalArgumentException(
          "TR 38.901 UMa holds for 1.5 m ≤ hUT ≤ 22.5 m below the base station, not hUT "
              + utHeightM
              + " m, hBS "
              + bsHeightM
              + " m");
    }
  }
}
