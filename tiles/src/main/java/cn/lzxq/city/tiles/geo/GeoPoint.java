package cn.lzxq.city.tiles.geo;

/**
 * A geodetic position on the WGS84 / CGCS2000 ellipsoid.
 *
 * @param lon longitude in degrees, east positive
 * @param lat latitude in degrees, north positive
 * @param height height in metres: above the ellipsoid in absolute mode, or relative to the ground
 *     surface (ground = 0, pipes negative) in the default ground-relative mode
 */
public record GeoPoint(double lon, double lat, double height) {

  public GeoPoint {
    if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180) || !Double.isFinite(height)) {
      throw new IllegalArgumentException(
          "invalid geodetic position " + lon + ", " + lat + ", " + height);
    }
  }

  /** Longitude in radians. */
  public double lonRad() {
    return Math.toRadians(lon);
  }

  /** Latitude in radians. */
  public double latRad() {
    return Math.toRadians(lat);
  }

  /** The same horizontal position at another height (metres). */
  public GeoPoint withHeight(double h) {
    return new GeoPoint(lon, lat, h);
  }
}
