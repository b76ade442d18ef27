package cn.lzxq.city.data;

import org.locationtech.jts.geom.Envelope;

/**
 * The area the service covers, as a longitude/latitude box in OGC CRS84 (degrees).
 *
 * <p>Imports reject coordinates outside it: a point outside is almost always a survey table with X
 * and Y swapped, a wrong zone or a missing false easting.
 *
 * @param minLon western edge, degrees east
 * @param minLat southern edge, degrees north
 * @param maxLon eastern edge, degrees east
 * @param maxLat northern edge, degrees north
 */
public record ServiceArea(double minLon, double minLat, double maxLon, double maxLat) {

  /** Lanzhou New Area (DOMAIN.md §6): 103.55–103.85°E, 36.28–36.72°N. */
  public static final ServiceArea LANZHOU_NEW_AREA = new ServiceArea(103.55, 36.28, 103.85, 36.72);

  public ServiceArea {
    if (!(minLon < maxLon && minLat < maxLat)) {
      throw new IllegalArgumentException("empty service area");
    }
  }

  /**
   * Degrees added on every side for {@link #sqlReach(int)}: request windows are clipped to the area
   * grown by this much before they are transformed into the native CRS.
   */
  public static final double REACH_MARGIN_DEG = 2;

  /**
   * An SQL expression (constants only, no parameters) of the area grown by {@value
   * #REACH_MARGIN_DEG}° as a polygon in {@code srid}: the part of the world a request window is
   * clipped to before it is transformed into the native CRS, so a whole-world window (GDAL's
   * default WMS request, a 1e308 BBOX) never leaves the native projection's domain.
   */
  public String sqlReach(int srid) {
    double m = REACH_MARGIN_DEG;
    String box =
        "ST_MakeEnvelope("
            + (minLon - m)
            + ", "
            + (minLat - m)
            + ", "
            + (maxLon + m)
            + ", "
            + (maxLat + m)
            + ", 4326)";
    return srid == 4326 ? box : "ST_Transform(" + box + ", " + srid + ")";
  }

  /**
   * True when a box of the given CRS is known, without PostGIS, to lie inside the area's reach
   * ({@link #sqlReach}): for longitude/latitude boxes (EPSG:4326, EPSG:4490; x = longitude) and Web
   * Mercator (EPSG:3857). False for other CRSs and for boxes reaching outside, which are then
   * clipped to the reach in SQL (about 0.3 ms of planning per statement, the transform of the reach
   * and the intersection being evaluated while planning).
   */
  public boolean reachCovers(Envelope box, int srid) {
    double m = REACH_MARGIN_DEG;
    double[] min = lonLat(box.getMinX(), box.getMinY(), srid);
    double[] max = lonLat(box.getMaxX(), box.getMaxY(), srid);
    return min != null
        && min[0] >= minLon - m
        && min[1] >= minLat - m
        && max[0] <= maxLon + m
        && max[1] <= maxLat + m;
  }

  private static final double WEB_MERCATOR_RADIUS = 6_378_137;

  /** Degrees of a position of a geographic or Web Mercator CRS, null for any other CRS. */
  private static double[] lonLat(double x, double y, int srid) {
    return switch (srid) {
      case 4326, 4490 -> new double[] {x, y};
      case 3857 ->
          new double[] {
            Math.toDegrees(x / WEB_MERCATOR_RADIUS),
            Math.toDegrees(Math.atan(Math.sinh(y / WEB_MERCATOR_RADIUS)))
          };
      default -> null;
    };
  }

  /** True when the CRS84 position lies inside the box (edges included). */
  public boolean contains(double lon, double lat) {
    return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
  }
}
