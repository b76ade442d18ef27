package cn.lzxq.city.data.analysis.common;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Rounds reported figures so answers are stable across runs and readable (millimetres for lengths).
 */
public final class Rounding {

  private Rounding() {}

  /** {@code v} rounded half-up to {@code decimals} places. */
  public static double round(double v, int decimals) {
    return BigDecimal.valueOf(v).setScale(decimals, RoundingMode.HALF_UP).doubleValue();
  }
}
