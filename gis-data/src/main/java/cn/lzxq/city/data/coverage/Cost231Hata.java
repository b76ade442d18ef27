package cn.lzxq.city.data.coverage;

/**
 * COST-231 Hata path loss (COST Action 231 final report, §4.4.1), median, dB:
 *
 * <pre>
 * L = 46.3 + 33.9 log10(f) − 13.82 log10(hB) − a(hM) + (44.9 − 6.55 log10(hB)) log10(d) + Cm
 * a(hM) = (1.1 log10(f) − 0.7) hM − (1.56 log10(f) − 0.8)
 * </pre>
 *
 * with f in MHz, hB and hM in metres, d in km, Cm 0 dB for medium cities and suburbs and 3 dB for
 * metropolitan centres. Only inside its validity — 1,500–2,000 MHz, 1–20 km, base station 30–200 m,
 * mobile 1–10 m; anything else is refused with {@link IllegalArgumentException}.
 */
public final class Cost231Hata {

  private Cost231Hata() {}

  /** Whether the model holds for these arguments (units as in {@link #pathLossDb}). */
  public static boolean valid(
      double frequencyMhz, double distanceM, double bsHeightM, double msHeightM) {
    return frequencyMhz >= 1_500
        && frequencyMhz <= 2_000
        && distanceM >= 1_000
        && distanceM <= 20_000
        && bsHeightM >= 30
        && bsHeightM <= 200
        && msHeightM >= 1
        && msHeightM <= 10;
  }

  /**
   * The path loss, dB.
   *
   * @param frequencyMhz carrier frequency, MHz (1,500–2,000)
   * @param distanceM distance, metres (1,000–20,000)
   * @param bsHeightM base-station antenna height, metres (30–200)
   * @param msHeightM mobile height, metres (1–10)
   * @param metropolitanCentre true for Cm = 3 dB, false for 0 dB
   */
  public static double pathLossDb(
      double frequencyMhz,
      double distanceM,
      double bsHeightM,
      double msHeightM,
      boolean metropolitanCentre) {
    if (!valid(frequencyMhz, distanceM, bsHeightM, msHeightM)) {
      throw new IllegalArgumentException(
          String.format(
              "COST-231 Hata holds for 1.5–2 GHz, 1–20 km, base station 30–200 m, mobile 1–10 m;"
                  + " not %.0f MHz, %.0f m, %.1f m, %.1f m",
              frequencyMhz, distanceM, bsHeightM, msHeightM));
    }
    double lf = Math.log10(frequencyMhz);
    double lh = Math.log10(bsHeightM);
    double a = (1.1 * lf - 0.7) * msHeightM - (1.56 * lf - 0.8);
    return 46.3
        + 33.9 * lf
        - 13.82 * lh
        - a
        + (44.9 - 6.55 * lh) * Math.log10(distanceM / 1000)
        + (metropolitanCentre ? 3 : 0);
  }
}
