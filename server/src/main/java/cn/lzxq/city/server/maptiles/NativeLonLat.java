package cn.lzxq.city.server.maptiles;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.sql.SqlTemplate;
import java.util.List;
import java.util.Map;

/**
 * Native-CRS coordinates to CGCS2000 longitude/latitude without a projection library: PostGIS
 * transforms a {@value #CELLS} × {@value #CELLS}-cell grid over the service area (grown by {@value
 * #MARGIN_DEG}°) once, and points are interpolated bilinearly in it (outside the grid, the edge
 * cells are extended). Over cells of about 1.5 km the Gauss-Krüger projection is linear to well
 * under a metre; callers pad boxes by {@link #PAD_DEG} all the same.
 */
final class NativeLonLat {

  /** Padding added to every converted box, degrees (about 1 m). */
  static final double PAD_DEG = 1e-5;

  private static final int CELLS = 32;
  private static final double MARGIN_DEG = 0.1;

  private final double x0;
  private final double y0;
  private final double dx;
  private final double dy;
  private final double[][] lon = new double[CELLS + 1][CELLS + 1];
  private final double[][] lat = new double[CELLS + 1][CELLS + 1];

  private NativeLonLat(List<double[]> rows) {
    for (double[] r : rows) {
      int i = (int) r[0];
      int j = (int) r[1];
      lon[j][i] = r[4];
      lat[j][i] = r[5];
    }
    double[] first = rows.get(0);
    double[] last = rows.get(rows.size() - 1);
    x0 = first[2];
    y0 = first[3];
    dx = (last[2] - x0) / CELLS;
    dy = (last[3] - y0) / CELLS;
  }

  /** Reads the grid of {@code area} for {@code nativeSrid}. */
  static NativeLonLat load(ReadExecutor reads, int nativeSrid, ServiceArea area) {
    List<double[]> rows =
        reads.rows(
            SqlTemplate.load("maptiles/native_grid"),
            Map.of(
                "west", area.minLon(),
                "south", area.minLat(),
                "east", area.maxLon(),
                "north", area.maxLat(),
                "margin", MARGIN_DEG,
                "srid", nativeSrid,
                "n", CELLS),
            rs ->
                new double[] {
                  rs.getInt("i"),
                  rs.getInt("j"),
                  rs.getDouble("x"),
                  rs.getDouble("y"),
                  rs.getDouble("lon"),
                  rs.getDouble("lat")
                });
    return new NativeLonLat(rows);
  }

  /** The lon/lat of a native point: {longitude, latitude} in degrees. */
  double[] toLonLat(double x, double y) {
    double fi = (x - x0) / dx;
    double fj = (y - y0) / dy;
    int i = (int) Math.max(0, Math.min(CELLS - 1, Math.floor(fi)));
    int j = (int) Math.max(0, Math.min(CELLS - 1, Math.floor(fj)));
    double u = fi - i;
    double v = fj - j;
    return new double[] {bilinear(lon, i, j, u, v), bilinear(lat, i, j, u, v)};
  }

  private static double bilinear(double[][] g, int i, int j, double u, double v) {
    return g[j][i] * (1 - u) * (1 - v)
        + g[j][i + 1] * u * (1 - v)
        + g[j + 1][i] * (1 - u) * v
        + g[j + 1][i + 1] * u * v;
  }
}
