package cn.lzxq.city.data;

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

  /** True when the CRS84 position lies inside the box (edges included). */
  public boolean contains(double lon, double lat) {
    return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
  }
}
