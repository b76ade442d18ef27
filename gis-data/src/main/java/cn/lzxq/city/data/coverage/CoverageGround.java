package cn.lzxq.city.data.coverage;

import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.sql.SqlTemplate;
import cn.lzxq.city.data.terrain.DemGrid;
import cn.lzxq.city.data.terrain.DemStore;
import cn.lzxq.city.data.terrain.DemVersion;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * The ground height of every coverage cell from the current DEM: cell centres are mapped to
 * longitude/latitude by interpolating a lattice PostGIS transformed ({@code sql/coverage/lattice}),
 * and the DEM is sampled bilinearly there ({@link DemGrid#sample}). The DEM blocks under the grid
 * are read once.
 */
final class CoverageGround {

  /** Lattice spacing, cells. */
  private static final int STEP = 16;

  private CoverageGround() {}

  /**
   * Heights of the grid's cells, metres, row-major; NaN where the DEM has none. Null when no DEM is
   * imported.
   */
  static float[] read(ReadTransaction tx, CoverageGrid grid, DemVersion dem) throws SQLException {
    if (dem == null) {
      return null;
    }
    int cols = grid.width() / STEP + 2;
    int rows = grid.height() / STEP + 2;
    double[] lon = new double[cols * rows];
    double[] lat = new double[cols * rows];
    tx.queryAll(
        SqlTemplate.load("coverage/lattice"),
        Map.of(
            "west",
            grid.x(0),
            "north",
            grid.y(0),
            "step",
            STEP * grid.cellM(),
            "cols",
            cols,
            "rows",
            rows),
        rs -> {
          int k = rs.getInt("j") * cols + rs.getInt("i");
          lon[k] = rs.getDouble("lon");
          lat[k] = rs.getDouble("lat");
          return null;
        });
    Blocks pixels = new Blocks(tx, dem);
    float[] out = new float[grid.width() * grid.height()];
    for (int r = 0; r < grid.height(); r++) {
      int j = r / STEP;
      double fy = (r - j * STEP) / (double) STEP;
      for (int c = 0; c < grid.width(); c++) {
        int i = c / STEP;
        double fx = (c - i * STEP) / (double) STEP;
        double x = lerp(lon, cols, i, j, fx, fy);
        double y = lerp(lat, cols, i, j, fx, fy);
        out[r * grid.width() + c] = (float) dem.grid().sample(x, y, pixels);
      }
    }
    if (pixels.failure != null) {
      throw pixels.failure;
    }
    return out;
  }

  private static double lerp(double[] v, int cols, int i, int j, double fx, double fy) {
    double top = v[j * cols + i] * (1 - fx) + v[j * cols + i + 1] * fx;
    double bottom = v[(j + 1) * cols + i] * (1 - fx) + v[(j + 1) * cols + i + 1] * fx;
    return top * (1 - fy) + bottom * fy;
  }

  /** DEM pixels read block by block as the sampling reaches them. */
  private static final class Blocks implements DemGrid.Pixels {
    private final ReadTransaction tx;
    private final DemVersion dem;
    private final Map<Long, float[]> blocks = new HashMap<>();
    private SQLException failure;

    Blocks(ReadTransaction tx, DemVersion dem) {
      this.tx = tx;
      this.dem = dem;
    }

    @Override
    public float at(int col, int row) {
      int size = dem.tileSize();
      int br = row / size;
      int bc = col / size;
      float[] b =
          blocks.computeIfAbsent(
              ((long) br << 32) | bc,
              k -> {
                try {
                  float[] read = DemStore.block(tx.connection(), dem.id(), br, bc);
                  return read == null ? new float[0] : read;
                } catch (SQLException e) {
                  failure = e;
                  return new float[0];
                }
              });
      if (b.length == 0) {
        return Float.NaN;
      }
      int w = Math.min(size, dem.grid().width() - bc * size);
      return b[(row - br * size) * w + col - bc * size];
    }
  }
}
