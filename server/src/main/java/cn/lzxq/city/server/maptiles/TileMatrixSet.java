package cn.lzxq.city.server.maptiles;

import cn.lzxq.city.data.crs.CrsRef;
import org.locationtech.jts.geom.Envelope;

/**
 * A tile matrix set (OGC 2D Tile Matrix Set 1.0, WMTS 1.0.0 §6.1): a quad tree of square tiles of
 * {@link #TILE_SIZE} pixels whose cell size halves at each level, all sharing one top-left corner.
 *
 * @param id identifier in WMTS and OGC API Tiles ({@code WebMercatorQuad}, …)
 * @param title human-readable title
 * @param crs the set's CRS
 * @param wellKnownScaleSet the WMTS well-known scale set it follows, or null
 * @param uri the OGC registry URI of the definition, or null for a set defined here
 * @param left x (easting or longitude) of the top-left corner, CRS units
 * @param top y (northing or latitude) of the top-left corner, CRS units
 * @param cellSize0 CRS units per pixel at level 0
 * @param width0 tiles across at level 0
 * @param height0 tiles down at level 0
 * @param maxLevel the deepest level served
 * @param metresPerUnit metres per CRS unit (at the equator for degrees), for scale denominators
 */
public record TileMatrixSet(
    String id,
    String title,
    CrsRef crs,
    String wellKnownScaleSet,
    String uri,
    double left,
    double top,
    double cellSize0,
    int width0,
    int height0,
    int maxLevel,
    double metresPerUnit) {

  /** Tile width and height, pixels. */
  public static final int TILE_SIZE = 256;

  /** The OGC standardised rendering pixel, metres (WMTS 1.0.0 §6.1.1). */
  public static final double STANDARD_PIXEL_M = 0.00028;

  /** Dots per inch of the standard pixel (90.714). */
  public static final double STANDARD_DPI = 0.0254 / STANDARD_PIXEL_M;

  /** CRS units per pixel at {@code level}. */
  public double cellSize(int level) {
    return cellSize0 / (1L << level);
  }

  /** Scale denominator of {@code level} for 0.28 mm pixels. */
  public double scaleDenominator(int level) {
    return cellSize(level) * metresPerUnit / STANDARD_PIXEL_M;
  }

  /** Tiles across at {@code level}. */
  public long matrixWidth(int level) {
    return (long) width0 << level;
  }

  /** Tiles down at {@code level}. */
  public long matrixHeight(int level) {
    return (long) height0 << level;
  }

  /** Whether the tile exists in the set. */
  public boolean contains(int level, long row, long col) {
    return level >= 0
        && level <= maxLevel
        && row >= 0
        && col >= 0
        && row < matrixHeight(level)
        && col < matrixWidth(level);
  }

  /** The window of a tile in CRS units (x = easting or longitude), grown by {@code pixels}. */
  public Envelope tileEnvelope(int level, long row, long col, double pixels) {
    double size = cellSize(level);
    double span = size * TILE_SIZE;
    double minX = left + col * span;
    double maxY = top - row * span;
    return new Envelope(
        minX - pixels * size,
        minX + span + pixels * size,
        maxY - span - pixels * size,
        maxY + pixels * size);
  }

  /** The row of the tile holding {@code y} at {@code level} (clamped to the matrix). */
  public long rowOf(int level, double y) {
    long r = (long) Math.floor((top - y) / (cellSize(level) * TILE_SIZE));
    return Math.max(0, Math.min(matrixHeight(level) - 1, r));
  }

  /** The column of the tile holding {@code x} at {@code level} (clamped to the matrix). */
  public long colOf(int level, double x) {
    long c = (long) Math.floor((x - left) / (cellSize(level) * TILE_SIZE));
    return Math.max(0, Math.min(matrixWidth(level) - 1, c));
  }
}
