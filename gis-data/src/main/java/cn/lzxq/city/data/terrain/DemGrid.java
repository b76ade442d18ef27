package cn.lzxq.city.data.terrain;

/**
 * The georeferencing of a DEM in CGCS2000 longitude/latitude (EPSG:4490): pixel {@code (col, row)}
 * covers longitudes {@code west + col * pixelLon .. west + (col + 1) * pixelLon} and latitudes
 * downwards from {@code north}; its height holds at the pixel centre.
 *
 * @param west longitude of the grid's west edge, degrees
 * @param north latitude of the grid's north edge, degrees
 * @param pixelLon pixel width, degrees
 * @param pixelLat pixel height, degrees
 * @param width columns
 * @param height rows
 */
public record DemGrid(
    double west, double north, double pixelLon, double pixelLat, int width, int height) {

  /** Heights of the pixels: metres, NaN for no data or outside the grid. */
  @FunctionalInterface
  public interface Pixels {
    float at(int col, int row);
  }

  public double east() {
    return west + width * pixelLon;
  }

  public double south() {
    return north - height * pixelLat;
  }

  /** Whether the position lies on the grid. */
  public boolean contains(double lon, double lat) {
    return lon >= west && lon <= east() && lat >= south() && lat <= north;
  }

  /**
   * The height at a position (metres), interpolated bilinearly between the four nearest pixel
   * centres (clamped at the grid's edge); NaN off the grid or where a neighbour has no data and the
   * nearest pixel has none either.
   */
  public double sample(double lon, double lat, Pixels pixels) {
    if (!contains(lon, lat)) {
      return Double.NaN;
    }
    double fx = Math.max(0, Math.min(width - 1, (lon - west) / pixelLon - 0.5));
    double fy = Math.max(0, Math.min(height - 1, (north - lat) / pixelLat - 0.5));
    int c0 = Math.min((int) fx, width - 1);
    int r0 = Math.min((int) fy, height - 1);
    int c1 = Math.min(c0 + 1, width - 1);
    int r1 = Math.min(r0 + 1, height - 1);
    double tx = fx - c0;
    double ty = fy - r0;
    double h00 = pixels.at(c0, r0);
    double h10 = pixels.at(c1, r0);
    double h01 = pixels.at(c0, r1);
    double h11 = pixels.at(c1, r1);
    double h = (h00 * (1 - tx) + h10 * tx) * (1 - ty) + (h01 * (1 - tx) + h11 * tx) * ty;
    if (Double.isNaN(h)) {
      return pixels.at(tx < 0.5 ? c0 : c1, ty < 0.5 ? r0 : r1);
    }
    return h;
  }
}
