package cn.lzxq.city.data;

/**
 * The area the service covers, as a longitude/latitude box in OGC CRS84 (degrees).
 *
 * <p>Imports reject coordinates outside it: a point outside is almost always a survey table
 * with X and Y swapped, a wrong zone or a missing false easting.
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

  /** True when the CRS84 position lies inside the box (edges included). */
  public boolean contains(double lon, double lat) {
    return lon >= minLon && lon <= maxLon && lat >= minLat && lat <= maxLat;
  }
}
