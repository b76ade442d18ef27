package cn.lzxq.city.data.crs;

import org.locationtech.jts.geom.Envelope;

/**
 * A bounding-box request parameter, parsed once for WMS ({@code BBOX}), WFS ({@code BBOX}), OGC API
 * ({@code bbox}) and the analyses ({@code bbox}): four numbers, lower corner then upper corner
 * ({@code a1,b1,a2,b2}) in the axis order of the CRS they are read in; WFS may add a fifth part
 * naming that CRS, OGC API may send six numbers (heights after each corner, ignored here).
 *
 * @param crsName the fifth part (a CRS name) or null
 */
public record BboxParam(double a1, double b1, double a2, double b2, String crsName) {

  /**
   * Parses the parameter.
   *
   * @param withCrs a fifth part naming the CRS is allowed
   * @param withZ six numbers (with heights) are allowed
   * @throws NumberFormatException when a value is not a finite number
   * @throws IllegalArgumentException when the number of parts is wrong
   */
  public static BboxParam parse(String text, boolean withCrs, boolean withZ) {
    String[] p = text.split(",");
    boolean crs = withCrs && p.length == 5;
    boolean z = withZ && p.length == 6;
    if (p.length != 4 && !crs && !z) {
      throw new IllegalArgumentException("a box has " + p.length + " parts, not 4");
    }
    int upper = z ? 3 : 2;
    return new BboxParam(
        number(p[0]),
        number(p[1]),
        number(p[upper]),
        number(p[upper + 1]),
        crs ? p[4].trim() : null);
  }

  private static double number(String text) {
    double d = Double.parseDouble(text.trim());
    if (!Double.isFinite(d)) {
      throw new NumberFormatException("not a finite number: " + text);
    }
    return d;
  }

  /** Whether the lower corner is below the upper one on both axes. */
  public boolean ordered() {
    return a1 < a2 && b1 < b2;
  }

  /** The envelope (x = easting/longitude) of numbers in the axis order of {@code crs}. */
  public Envelope envelope(CrsRef crs) {
    return AxisSwap.envelope(a1, b1, a2, b2, crs);
  }

  /** The envelope of numbers sent x first whatever the CRS (WMS 1.1.x, WFS 1.x). */
  public Envelope eastNorth() {
    return new Envelope(a1, a2, b1, b2);
  }
}
