package cn.lzxq.city.data.coverage;

/**
 * The coverage raster's frame in the native CRS: square cells of {@code cellM} metres from the
 * north-west corner, row 0 at the north; a value holds at the cell centre.
 *
 * @param west easting of the west edge, metres
 * @param north northing of the north edge, metres
 * @param cellM cell size, metres
 * @param width columns
 * @param height rows
 */
public record CoverageGrid(double west, double north, double cellM, int width, int height) {

  /** Cells per side of a stored block. */
  public static final int BLOCK = 256;

  public CoverageGrid {
    if (!(cellM > 0 && width > 0 && height > 0)) {
      throw new IllegalArgumentException("a grid needs a positive cell size and extent");
    }
  }

  /**
   * The grid covering a box, its corners snapped outwards to multiples of the cell size.
   *
   * @param minX, minY, maxX, maxY the box, native CRS metres
   */
  public static CoverageGrid covering(
      double minX, double minY, double maxX, double maxY, double cellM) {
    double w = Math.floor(minX / cellM) * cellM;
    double n = Math.ceil(maxY / cellM) * cellM;
    int cols = (int) Math.ceil((maxX - w) / cellM);
    int rows = (int) Math.ceil((n - minY) / cellM);
    return new CoverageGrid(w, n, cellM, Math.max(cols, 1), Math.max(rows, 1));
  }

  public double east() {
    return west + width * cellM;
  }

  public double south() {
    return north - height * cellM;
  }

  /** Easting of a column's centre, metres. */
  public double x(int col) {
    return west + (col + 0.5) * cellM;
  }

  /** Northing of a row's centre, metres. */
  public double y(int row) {
    return north - (row + 0.5) * cellM;
  }

  /** The column holding an easting (may lie outside 0 … width − 1). */
  public int col(double x) {
    return (int) Math.floor((x - west) / cellM);
  }

  /** The row holding a northing (may lie outside 0 … height − 1). */
  public int row(double y) {
    return (int) Math.floor((north - y) / cellM);
  }

  /** Stored blocks across. */
  public int blockCols() {
    return (width + BLOCK - 1) / BLOCK;
  }

  /** Stored blocks down. */
  public int blockRows() {
    return (height + BLOCK - 1) / BLOCK;
  }

  /**
   * A rectangle of cells.
   *
   * @param col0 first column
   * @param row0 first row
   * @param cols columns
   * @param rows rows
   */
  public record Window(int col0, int row0, int cols, int rows) {

    public boolean contains(int col, int row) {
      return col >= col0 && col < col0 + cols && row >= row0 && row < row0 + rows;
    }

    /** Cells in the window. */
    public int size() {
      return cols * rows;
    }
  }

  /**
   * A cell's value of row-major per-cell heights, metres: 0 when there are none (flat ground), NaN
   * off the grid.
   */
  public double heightAt(float[] heights, int col, int row) {
    if (heights == null) {
      return 0;
    }
    if (col < 0 || row < 0 || col >= width || row >= height) {
      return Double.NaN;
    }
    return heights[row * width + col];
  }

  /** The whole grid as a window. */
  public Window all() {
    return new Window(0, 0, width, height);
  }

  /** The cells within a box (native metres), clipped to the grid; null when none. */
  public Window window(double minX, double minY, double maxX, double maxY) {
    int c0 = Math.max(0, col(minX));
    int c1 = Math.min(width - 1, col(maxX));
    int r0 = Math.max(0, row(maxY));
    int r1 = Math.min(height - 1, row(minY));
    return c0 > c1 || r0 > r1 ? null : new Window(c0, r0, c1 - c0 + 1, r1 - r0 + 1);
  }
}
