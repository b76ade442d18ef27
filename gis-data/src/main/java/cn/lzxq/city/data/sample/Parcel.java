package cn.lzxq.city.data.sample;

import java.time.LocalDate;

/**
 * A 控规 parcel: a rectangle inside a block, metres in EPSG:4544.
 *
 * @param code 地块编码
 * @param use GB 50137 class
 * @param x0 west edge easting
 * @param y0 south edge northing
 * @param x1 east edge easting
 * @param y1 north edge northing
 * @param far maximum floor-area ratio, or null
 * @param coveragePct maximum building coverage, %, or null
 * @param greenPct minimum green ratio, %, or null
 * @param heightLimitM height limit, metres, or null
 * @param approval approval date of the plan that zoned it
 * @param frontage the road it takes its services from
 */
public record Parcel(
    String code,
    LandUse use,
    double x0,
    double y0,
    double x1,
    double y1,
    Double far,
    Double coveragePct,
    Double greenPct,
    Double heightLimitM,
    LocalDate approval,
    Road frontage) {

  /** The plan that zones every sample parcel. */
  public static final String PLAN_NAME = "《兰州新区中心城区控制性详细规划》";

  /** Area, square metres. */
  public double areaM2() {
    return (x1 - x0) * (y1 - y0);
  }

  /** True when the point lies inside with at least {@code margin} metres to every edge. */
  public boolean contains(double x, double y, double margin) {
    return x >= x0 + margin && x <= x1 - margin && y >= y0 + margin && y <= y1 - margin;
  }

  /** Plan distance from a point to the parcel (0 inside), metres. */
  public double distanceTo(double x, double y) {
    double dx = Math.max(Math.max(x0 - x, 0), x - x1);
    double dy = Math.max(Math.max(y0 - y, 0), y - y1);
    return Math.hypot(dx, dy);
  }

  /**
   * The extent of the parcel along its frontage road, metres: {x0, x1} on a 纬路, {y0, y1} on a 经路.
   */
  public double[] frontageRange() {
    return frontage.axis() == Road.Axis.EW ? new double[] {x0, x1} : new double[] {y0, y1};
  }

  /** Which side of its frontage road the parcel lies on: -1 west or south, +1 east or north. */
  public int frontageSide() {
    double mid = frontage.axis() == Road.Axis.EW ? (y0 + y1) / 2 : (x0 + x1) / 2;
    return mid < frontage.centre() ? -1 : 1;
  }
}
