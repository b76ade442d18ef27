package cn.lzxq.city.tiles.geo;

/**
 * A reference ellipsoid with geodetic ↔ earth-centred earth-fixed (ECEF, EPSG:4978) conversion.
 *
 * <p>{@link #WGS84} is the one CesiumJS uses. CGCS2000 has the same semi-major axis and a
 * flattening that differs in the 11th digit, i.e. below 0.1 mm at the surface, so CGCS2000
 * longitudes and latitudes are used as WGS84 ones.
 *
 * @param a semi-major axis in metres
 * @param f flattening
 */
public record Ellipsoid(double a, double f) {

  /** WGS84: a = 6 378 137 m, 1/f = 298.257223563. */
  public static final Ellipsoid WGS84 = new Ellipsoid(6_378_137.0, 1 / 298.257223563);

  /** First eccentricity squared. */
  public double e2() {
    return f * (2 - f);
  }

  /** Semi-minor axis in metres. */
  public double b() {
    return a * (1 - f);
  }

  /** ECEF position (metres) of a geodetic point. */
  public Vec3 toEcef(GeoPoint p) {
    double lon = p.lonRad();
    double lat = p.latRad();
    double sinLat = Math.sin(lat);
    double n = a / Math.sqrt(1 - e2() * sinLat * sinLat);
    double r = (n + p.height()) * Math.cos(lat);
    return new Vec3(r * Math.cos(lon), r * Math.sin(lon), (n * (1 - e2()) + p.height()) * sinLat);
  }

  /**
   * Geodetic position of an ECEF point, by Bowring's method iterated to below 1e-12 rad
   * (sub-millimetre for any point within 100 km of the surface).
   */
  public GeoPoint toGeodetic(Vec3 ecef) {
    double x = ecef.x(), y = ecef.y(), z = ecef.z();
    double p = Math.hypot(x, y);
    double lon = Math.atan2(y, x);
    double e2 = e2();
    double lat = Math.atan2(z, p * (1 - e2));
    double height = 0;
    for (int i = 0; i < 10; i++) {
      double sinLat = Math.sin(lat);
      double n = a / Math.sqrt(1 - e2 * sinLat * sinLat);
      height = p / Math.cos(lat) - n;
      double next = Math.atan2(z, p * (1 - e2 * n / (n + height)));
      boolean done = Math.abs(next - lat) < 1e-13;
      lat = next;
      if (done) {
        break;
      }
    }
    double sinLat = Math.sin(lat);
    double n = a / Math.sqrt(1 - e2 * sinLat * sinLat);
    height = Math.abs(lat) < Math.toRadians(80) ? p / Math.cos(lat) - n : z / sinLat - n * (1 - e2);
    return new GeoPoint(Math.toDegrees(lon), Math.toDegrees(lat), height);
  }

  /** Unit vector of the ellipsoid normal (geodetic up) at a position. */
  public Vec3 up(GeoPoint p) {
    double lon = p.lonRad(), lat = p.latRad();
    return new Vec3(Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat));
  }

  /**
   * The east-north-up → ECEF transform at a position: columns east, north, up and the ECEF origin,
   * column-major. This is what tileset.json {@code transform} expects.
   */
  public Matrix4 enuToEcef(GeoPoint origin) {
    double lon = origin.lonRad(), lat = origin.latRad();
    Vec3 east = new Vec3(-Math.sin(lon), Math.cos(lon), 0);
    Vec3 north =
        new Vec3(-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat));
    return Matrix4.fromAxes(east, north, up(origin), toEcef(origin));
  }
}
