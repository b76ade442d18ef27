package cn.lzxq.city.data.tileset;

/**
 * Earth-centred, earth-fixed coordinates on the CGCS2000 ellipsoid (the same as WGS 84 to 0.1 mm
 * here), the frame of 3D Tiles: geodetic positions to ECEF, and the ellipsoid normal at a point.
 */
public final class Ecef {

  static final double A = 6_378_137.0;
  static final double F = 1 / 298.257222101;
  static final double B = A * (1 - F);
  static final double E2 = F * (2 - F);

  private Ecef() {}

  /** ECEF metres of longitude, latitude (degrees) and ellipsoidal height (metres). */
  public static double[] of(double lonDeg, double latDeg, double h) {
    double lon = Math.toRadians(lonDeg), lat = Math.toRadians(latDeg);
    double n = A / Math.sqrt(1 - E2 * Math.sin(lat) * Math.sin(lat));
    return new double[] {
      (n + h) * Math.cos(lat) * Math.cos(lon),
      (n + h) * Math.cos(lat) * Math.sin(lon),
      (n * (1 - E2) + h) * Math.sin(lat)
    };
  }

  /** The unit ellipsoid normal at (near) an ECEF point: the gradient of x²/a² + y²/a² + z²/b². */
  public static double[] normal(double[] p) {
    double x = p[0] / (A * A), y = p[1] / (A * A), z = p[2] / (B * B);
    double len = Math.sqrt(x * x + y * y + z * z);
    return new double[] {x / len, y / len, z / len};
  }

  /** Longitude and latitude (degrees) of an ECEF point near the surface. */
  public static double[] lonLat(double[] p) {
    return new double[] {
      Math.toDegrees(Math.atan2(p[1], p[0])),
      Math.toDegrees(Math.atan2(p[2], Math.hypot(p[0], p[1]) * (1 - E2)))
    };
  }
}
