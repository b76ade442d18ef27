package cn.lzxq.city.tiles.terrain;

/**
 * A regular grid of heights over one terrain tile: {@code size × size} vertices from the south-west
 * corner, rows south to north, the outer rows and columns on the tile's edges.
 *
 * @param west degrees
 * @param south degrees
 * @param east degrees
 * @param north degrees
 * @param size vertices per side, 2 to 256
 * @param heights metres above the ellipsoid, {@code size * size} values, index {@code row * size +
 *     column}
 */
public record TerrainGrid(
    double west, double south, double east, double north, int size, double[] heights) {

  public TerrainGrid {
    if (size < 2 || size > 256 || heights.length != size * size) {
      throw new IllegalArgumentException(
          "a terrain grid needs 2..256 vertices per side and size² heights");
    }
  }

  /** Longitude of grid column {@code i}, degrees. */
  public double lon(int i) {
    return i == size - 1 ? east : west + (east - west) * i / (size - 1);
  }

  /** Latitude of grid row {@code j}, degrees. */
  public double lat(int j) {
    return j == size - 1 ? north : south + (north - south) * j / (size - 1);
  }

  /** Height at column {@code i}, row {@code j}, metres. */
  public double height(int i, int j) {
    return heights[j * size + i];
  }
}
