package cn.lzxq.city.data.coverage;

/**
 * Line of sight from one antenna over the terrain of the coverage grid, by the XDraw approximation
 * (Franklin and Ray, 1994): cells are visited ring by ring outwards, and the highest obstruction
 * along the ray to a cell is interpolated from the two cells of the previous ring the ray crosses.
 * One pass costs one step per cell of the window, instead of one walk along the path per cell.
 *
 * <p>The horizon of a cell is the greatest tangent (rise over run) of the surface (terrain, and the
 * roofs of the buildings when they are modelled) between the antenna and the cell; the cell is
 * visible when the tangent to the receiver above it is at least that. Cells off the grid or without
 * height do not obstruct. Reused per thread: not thread-safe.
 */
final class Horizon {

  private static final float NOTHING = -1e9f;

  private final int radius;
  private final int side;
  private final float[] horizon;
  private final float[] through;
  private final float[] inverseRun;

  /** A window of {@code radiusCells} cells each side of the antenna's cell, of {@code cellM} m. */
  Horizon(int radiusCells, double cellM) {
    this.radius = radiusCells;
    this.side = 2 * radiusCells + 1;
    this.horizon = new float[side * side];
    this.through = new float[side * side];
    this.inverseRun = new float[side * side];
    for (int dy = -radius; dy <= radius; dy++) {
      for (int dx = -radius; dx <= radius; dx++) {
        double run = Math.sqrt((double) dx * dx + (double) dy * dy) * cellM;
        inverseRun[(dy + radius) * side + dx + radius] = run == 0 ? 0 : (float) (1 / run);
      }
    }
  }

  /** 1 / the horizontal distance between the centres of the antenna's cell and a cell, 1/m. */
  float inverseRun(int dx, int dy) {
    return inverseRun[(dy + radius) * side + dx + radius];
  }

  int radius() {
    return radius;
  }

  /**
   * Computes the horizons around an antenna.
   *
   * @param surface heights of the grid's cells (ground, or ground plus buildings), metres,
   *     row-major ({@code grid.width()} wide)
   * @param grid the grid
   * @param col antenna cell column
   * @param row antenna cell row
   * @param antennaM antenna elevation, metres
   */
  void compute(float[] surface, CoverageGrid grid, int col, int row, double antennaM) {
    int centre = radius * side + radius;
    horizon[centre] = NOTHING;
    through[centre] = NOTHING;
    for (int k = 1; k <= radius; k++) {
      for (int d = -k; d <= k; d++) {
        visit(d, -k, k, surface, grid, col, row, antennaM);
        visit(d, k, k, surface, grid, col, row, antennaM);
        if (d != -k && d != k) {
          visit(-k, d, k, surface, grid, col, row, antennaM);
          visit(k, d, k, surface, grid, col, row, antennaM);
        }
      }
    }
  }

  /** The horizon tangent of the cell at offset (dx, dy) from the antenna's cell. */
  float at(int dx, int dy) {
    return horizon[(dy + radius) * side + dx + radius];
  }

  private void visit(
      int dx,
      int dy,
      int k,
      float[] surface,
      CoverageGrid grid,
      int col,
      int row,
      double antennaM) {
    int i = (dy + radius) * side + dx + radius;
    float h;
    if (k == 1) {
      h = NOTHING;
    } else if (Math.abs(dx) >= Math.abs(dy)) {
      h = parent(dx - Integer.signum(dx), dy * (k - 1) / (double) k, true);
    } else {
      h = parent(dy - Integer.signum(dy), dx * (k - 1) / (double) k, false);
    }
    horizon[i] = h;
    int c = col + dx;
    int r = row + dy;
    float slope = NOTHING;
    if (c >= 0 && r >= 0 && c < grid.width() && r < grid.height()) {
      float g = surface[r * grid.width() + c];
      if (!Float.isNaN(g)) {
        slope = (float) ((g - antennaM) * inverseRun[i]);
      }
    }
    through[i] = Math.max(h, slope);
  }

  /** The interpolated obstruction on the previous ring: fixed coordinate and the crossing. */
  private float parent(int fixed, double t, boolean xFixed) {
    int p0 = (int) Math.floor(t);
    double f = t - p0;
    float v0 = throughAt(fixed, p0, xFixed);
    if (f < 1e-9) {
      return v0;
    }
    return (float) (v0 * (1 - f) + throughAt(fixed, p0 + 1, xFixed) * f);
  }

  private float throughAt(int fixed, int p, boolean xFixed) {
    int dx = xFixed ? fixed : p;
    int dy = xFixed ? p : fixed;
    return through[(dy + radius) * side + dx + radius];
  }
}
