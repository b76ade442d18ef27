package cn.lzxq.city.tiles.terrain;

/**
 * The geographic tiling of quantized-mesh terrain ({@code "projection": "EPSG:4326"}, {@code
 * "scheme": "tms"}): level {@code z} has {@code 2^(z+1)} columns from 180°W eastwards and {@code
 * 2^z} rows from 90°S northwards, each tile {@code 180 / 2^z} degrees square.
 */
public final class TerrainTiling {

  private TerrainTiling() {}

  /** The tile's width and height in degrees. */
  public static double span(int z) {
    return 180.0 / (1L << z);
  }

  /** Columns at level {@code z}. */
  public static long columns(int z) {
    return 2L << z;
  }

  /** Rows at level {@code z}. */
  public static long rows(int z) {
    return 1L << z;
  }

  /** Whether {@code (z, x, y)} names a tile of the scheme. */
  public static boolean exists(int z, long x, long y) {
    return z >= 0 && z <= 30 && x >= 0 && y >= 0 && x < columns(z) && y < rows(z);
  }

  /** The tile's box: west, south, east, north in degrees. */
  public static double[] bounds(int z, long x, long y) {
    double s = span(z);
    return new double[] {-180 + x * s, -90 + y * s, -180 + (x + 1) * s, -90 + (y + 1) * s};
  }

  /** The column holding longitude {@code lon} (degrees) at level {@code z}. */
  public static long column(int z, double lon) {
    return Math.max(0, Math.min(columns(z) - 1, (long) Math.floor((lon + 180) / span(z))));
  }

  /** The row holding latitude {@code lat} (degrees) at level {@code z}. */
  public static long row(int z, double lat) {
    return Math.max(0, Math.min(rows(z) - 1, (long) Math.floor((lat + 90) / span(z))));
  }

  /**
   * The shallowest level whose vertex spacing, with {@code cells} grid cells per tile side, is at
   * most {@code pixelDeg} degrees: the finest level a raster of that resolution needs.
   */
  public static int levelFor(double pixelDeg, int cells) {
    int z = 0;
    while (z < 30 && span(z) / cells > pixelDeg) {
      z++;
    }
    return z;
  }
}
