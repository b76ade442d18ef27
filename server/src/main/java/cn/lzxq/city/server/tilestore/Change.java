package cn.lzxq.city.server.tilestore;

/**
 * One change-log row: a layer's geometries changed inside a longitude/latitude box (or an operator
 * truncated its tiles there).
 *
 * @param seq position in this server's change log (increasing; see {@link ChangeLog})
 * @param layer catalog layer name
 * @param west degrees
 * @param south degrees
 * @param east degrees
 * @param north degrees
 * @param minZoom first 2D zoom level concerned ({@link #allLevels} when the change is an edit)
 * @param maxZoom last 2D zoom level concerned
 */
public record Change(
    long seq,
    String layer,
    double west,
    double south,
    double east,
    double north,
    int minZoom,
    int maxZoom) {

  /** An edit: every zoom level, 3D Tiles and terrain too. */
  public Change(long seq, String layer, double west, double south, double east, double north) {
    this(seq, layer, west, south, east, north, 0, Integer.MAX_VALUE);
  }

  /** This change at another position of the log. */
  public Change at(long position) {
    return new Change(position, layer, west, south, east, north, minZoom, maxZoom);
  }

  /** Whether the change concerns every tile (an edit), not only some 2D levels. */
  public boolean allLevels() {
    return minZoom == 0 && maxZoom == Integer.MAX_VALUE;
  }

  /** Whether the change concerns 2D tiles of {@code zoom}. */
  public boolean concerns(int zoom) {
    return zoom >= minZoom && zoom <= maxZoom;
  }
}
