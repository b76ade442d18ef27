package cn.lzxq.city.data.terrain;

/**
 * A whole DEM in memory: its grid and the heights row by row from the north-west (metres, 1985
 * datum, NaN for no data).
 */
public record DemRaster(DemGrid grid, float[] heights) implements DemGrid.Pixels {

  public DemRaster {
    if (heights.length != (long) grid.width() * grid.height()) {
      throw new IllegalArgumentException(
          "a DEM of " + grid.width() + " x " + grid.height() + " needs as many heights");
    }
  }

  @Override
  public float at(int col, int row) {
    return heights[row * grid.width() + col];
  }

  /** The height at a position, metres (see {@link DemGrid#sample}). */
  public double sample(double lon, double lat) {
    return grid.sample(lon, lat, this);
  }

  /** The lowest and highest height with data, or NaNs when there is none. */
  public double[] range() {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (float h : heights) {
      if (!Float.isNaN(h)) {
        min = Math.min(min, h);
        max = Math.max(max, h);
      }
    }
    return min > max ? new double[] {Double.NaN, Double.NaN} : new double[] {min, max};
  }
}
