package cn.lzxq.city.server.wms.request;

import cn.lzxq.city.data.crs.CrsRef;
import java.awt.geom.AffineTransform;
import org.locationtech.jts.geom.Envelope;

/**
 * The map a request asks for: a window in a CRS (x = easting or longitude, whatever the CRS's axis
 * order), an image size in pixels and the output resolution in dots per inch.
 *
 * @param crs the request CRS
 * @param bbox the window, x = easting/longitude, in CRS units (metres or degrees)
 * @param width image width, pixels
 * @param height image height, pixels
 * @param dpi output resolution, dots per inch (90.714 is the OGC standard 0.28 mm pixel)
 */
public record MapWindow(CrsRef crs, Envelope bbox, int width, int height, double dpi) {

  private static final double EARTH_RADIUS = 6_378_137;
  private static final double METRES_PER_DEGREE = EARTH_RADIUS * Math.PI / 180;

  /** Symbol sizes are given in standard pixels; this is how many output pixels one is. */
  public double symbolScale() {
    return dpi / Params.STANDARD_DPI;
  }

  /** CRS units per pixel along x. */
  public double unitsPerPixel() {
    return bbox.getWidth() / width;
  }

  /**
   * Ground metres per pixel at the window centre (approximate for geographic and Web Mercator
   * CRSs).
   */
  public double metresPerPixel() {
    double units = unitsPerPixel();
    if (crs.geographic()) {
      return units * METRES_PER_DEGREE * Math.cos(Math.toRadians(bbox.centre().y));
    }
    if (crs.srid() == 3857) {
      double lat = Math.atan(Math.sinh(bbox.centre().y / EARTH_RADIUS));
      return units * Math.cos(lat);
    }
    return units;
  }

  /** The scale denominator (1:N) with pixels of 25.4 / dpi millimetres. */
  public double scaleDenominator() {
    return metresPerPixel() / (0.0254 / dpi);
  }

  /** CRS coordinates (x east, y north) to image pixels (x right, y down). */
  public AffineTransform toScreen() {
    double sx = width / bbox.getWidth();
    double sy = height / bbox.getHeight();
    AffineTransform t =
        new AffineTransform(sx, 0, 0, -sy, -bbox.getMinX() * sx, bbox.getMaxY() * sy);
    return t;
  }

  /** The CRS position of the centre of pixel (i, j). */
  public double[] toWorld(double i, double j) {
    return new double[] {
      bbox.getMinX() + (i + 0.5) * bbox.getWidth() / width,
      bbox.getMaxY() - (j + 0.5) * bbox.getHeight() / height
    };
  }

  /** This window grown by {@code pixels} on every side. */
  public Envelope grownBy(double pixels) {
    Envelope e = new Envelope(bbox);
    e.expandBy(pixels * bbox.getWidth() / width, pixels * bbox.getHeight() / height);
    return e;
  }
}
