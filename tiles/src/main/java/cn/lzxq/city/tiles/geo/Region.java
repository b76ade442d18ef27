package cn.lzxq.city.tiles.geo;

/**
 * A 3D Tiles {@code region} bounding volume: a longitude/latitude rectangle on the WGS84 ellipsoid
 * with a height range (EPSG:4979).
 *
 * @param west west longitude in radians
 * @param south south latitude in radians
 * @param east east longitude in radians
 * @param north north latitude in radians
 * @param minHeight lowest height in metres
 * @param maxHeight highest height in metres
 */
public record Region(
    double west, double south, double east, double north, double minHeight, double maxHeight) {

  public Region {
    if (!(west < east) || !(south < north) || !(minHeight <= maxHeight)) {
      throw new IllegalArgumentException(
          "empty region "
              + west
              + " "
              + south
              + " "
              + east
              + " "
              + north
              + " "
              + minHeight
              + " "
              + maxHeight);
    }
  }

  /** A region from degrees (longitude, latitude) and metres. */
  public static Region ofDegrees(
      double west, double south, double east, double north, double minHeight, double maxHeight) {
    return new Region(
        Math.toRadians(west),
        Math.toRadians(south),
        Math.toRadians(east),
        Math.toRadians(north),
        minHeight,
        maxHeight);
  }

  /** The six values in tileset.json order. */
  public double[] toArray() {
    return new double[] {west, south, east, north, minHeight, maxHeight};
  }

  /** The centre of the rectangle at height 0: the origin of the tile's local frame. */
  public GeoPoint centre() {
    return new GeoPoint(Math.toDegrees((west + east) / 2), Math.toDegrees((south + north) / 2), 0);
  }

  /** Whether a longitude/latitude (radians) lies in the rectangle, edges included. */
  public boolean containsRad(double lon, double lat) {
    return lon >= west && lon <= east && lat >= south && lat <= north;
  }

  /**
   * This rectangle grown by {@code metres} on every side (heights unchanged), on the WGS84
   * ellipsoid.
   */
  public Region expandedBy(double metres) {
    double lat = Math.max(Math.abs(south), Math.abs(north));
    double dLat = metres / 6_335_439.0;
    double dLon = metres / (6_378_137.0 * Math.cos(lat));
    return new Region(west - dLon, south - dLat, east + dLon, north + dLat, minHeight, maxHeight);
  }

  /** Width (east-west) in metres at the centre latitude, on the WGS84 equatorial radius. */
  public double widthMetres() {
    return (east - west) * 6_378_137.0 * Math.cos((south + north) / 2);
  }
}
