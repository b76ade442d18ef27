package cn.lzxq.city.data.tileset;

/**
 * Earth-centred, earth-fixed coordinates on the CGCS2000 ellipsoid (the same as WGS 84 to 0.1 mm
 * here), the frame of 3D Tiles: geodetic positions to ECEF and back, the ellipsoid normal, and the
 * local east-north-up frame at a point. Angles in degrees, lengths in metres.
 */
public final class Ecef {

  static final double A = 6_378_137.0;
  static final double F = 1 / 298.257222101;
  static final double E2 = F * (2 - F);

  private Ecef() {}

  /** ECEF metres of longitude, latitude and ellipsoidal height. */
  public static double[] of(double lonDeg, double latDeg, double h) {
    double lon = Math.toRadians(lonDeg);
    double lat = Math.toRadians(latDeg);
    double n = A / Math.sqrt(1 - E2 * Math.sin(lat) * Math.sin(lat));
    return new double[] {
      (n + h) * Math.cos(lat) * Math.cos(lon),
      (n + h) * Math.cos(lat) * Math.sin(lon),
      (n * (1 - E2) + h) * Math.sin(lat)
    };
  }

  /** Longitude, latitude and ellipsoidal height of an ECEF point (Bowring, sub-millimetre here). */
  public static double[] geodetic(double[] p) {
    double lon = Math.atan2(p[1], p[0]);
    double r = Math.hypot(p[0], p[1]);
    double b = A * (1 - F);
    double ep2 = (A * A - b * b) / (b * b);
    double theta = Math.atan2(p[2] * A, r * b);
    double lat =
        Math.atan2(
            p[2] + ep2 * b * Math.pow(Math.sin(theta), 3),
            r - E2 * A * Math.pow(Math.cos(theta), 3));
    double n = A / Math.sqrt(1 - E2 * Math.sin(lat) * Math.sin(lat));
    return new double[] {Math.toDegrees(lon), Math.toDegrees(lat), r / Math.cos(lat) - n};
  }

  /** The unit ellipsoid normal (geodetic up) at an ECEF point near the surface. */
  public static double[] up(double[] p) {
    double[] g = geodetic(p);
    double lon = Math.toRadians(g[0]);
    double lat = Math.toRadians(g[1]);
    return new double[] {
      Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat)
    };
  }

  /**
   * The east-north-up frame at a geodetic point as a column-major 4 × 4 matrix (local metres to
   * ECEF), as 3D Tiles and Cesium's {@code eastNorthUpToFixedFrame} write it.
   */
  public static double[] eastNorthUp(double lonDeg, double latDeg, double h) {
    double lon = Math.toRadians(lonDeg);
    double lat = Math.toRadians(latDeg);
    double[] o = of(lonDeg, latDeg, h);
    return new double[] {
      -Math.sin(lon),
      Math.cos(lon),
      0,
      0,
      -Math.sin(lat) * Math.cos(lon),
      -Math.sin(lat) * Math.sin(lon),
      Math.cos(lat),
      0,
      Math.cos(lat) * Math.cos(lon),
      Math.cos(lat) * Math.sin(lon),
      Math.sin(lat),
      0,
      o[0],
      o[1],
      o[2],
      1
    };
  }

  /** The product {@code a × b} of column-major 4 × 4 matrices. */
  public static double[] multiply(double[] a, double[] b) {
    double[] out = new double[16];
    for (int col = 0; col < 4; col++) {
      for (int row = 0; row < 4; row++) {
        double s = 0;
        for (int k = 0; k < 4; k++) {
          s += a[k * 4 + row] * b[col * 4 + k];
        }
        out[col * 4 + row] = s;
      }
    }
    return out;
  }

  /** A column-major 4 × 4 matrix applied to a point. */
  public static double[] apply(double[] m, double[] p) {
    return new double[] {
      m[0] * p[0] + m[4] * p[1] + m[8] * p[2] + m[12],
      m[1] * p[0] + m[5] * p[1] + m[9] * p[2] + m[13],
      m[2] * p[0] + m[6] * p[1] + m[10] * p[2] + m[14]
    };
  }
}
