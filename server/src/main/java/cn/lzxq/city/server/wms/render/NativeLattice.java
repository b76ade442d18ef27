package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.server.wms.request.MapWindow;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Where the pixels of a map window lie in the native CRS, for raster layers stored there: a {@value
 * #SIZE} × {@value #SIZE} lattice over the window transformed once by PostGIS, interpolated
 * bilinearly in between (exact for a native window, within a small fraction of a pixel for the
 * served CRSs over a city-sized window).
 */
public final class NativeLattice {

  /** Lattice points per side. */
  static final int SIZE = 9;

  private static final String TO_NATIVE =
      "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(u.x, u.y), ?),"
          + " Find_SRID(current_schema()::text, 'pipe_point', 'geom')) p, u.n FROM"
          + " unnest(?::float8[], ?::float8[]) WITH ORDINALITY AS u(x, y, n)) s ORDER BY n";

  private final double[][] nat;

  private NativeLattice(double[][] nat) {
    this.nat = nat;
  }

  /** The lattice of a window (rows from the top). */
  public static NativeLattice of(Connection c, MapWindow w) throws SQLException {
    int n = SIZE * SIZE;
    Double[] xs = new Double[n];
    Double[] ys = new Double[n];
    for (int k = 0; k < n; k++) {
      double u = (k % SIZE) / (double) (SIZE - 1);
      double v = (k / SIZE) / (double) (SIZE - 1);
      xs[k] = w.bbox().getMinX() + u * w.bbox().getWidth();
      ys[k] = w.bbox().getMaxY() - v * w.bbox().getHeight();
    }
    return new NativeLattice(toNative(c, w.crs().srid(), xs, ys));
  }

  /** Points of a CRS (x = easting/longitude) in the native CRS, metres. */
  public static double[][] toNative(Connection c, int srid, Double[] xs, Double[] ys)
      throws SQLException {
    double[][] out = new double[xs.length][2];
    try (PreparedStatement ps = c.prepareStatement(TO_NATIVE)) {
      ps.setInt(1, srid);
      ps.setArray(2, c.createArrayOf("float8", xs));
      ps.setArray(3, c.createArrayOf("float8", ys));
      try (ResultSet rs = ps.executeQuery()) {
        for (int k = 0; rs.next(); k++) {
          out[k][0] = rs.getDouble(1);
          out[k][1] = rs.getDouble(2);
        }
      }
    }
    return out;
  }

  /**
   * The native point at fractions of the window: {@code u} across from the left, {@code v} down.
   */
  public double[] at(double u, double v) {
    double fu = u * (SIZE - 1);
    double fv = v * (SIZE - 1);
    int i = Math.max(0, Math.min((int) fu, SIZE - 2));
    int j = Math.max(0, Math.min((int) fv, SIZE - 2));
    double a = fu - i;
    double b = fv - j;
    double[] p00 = nat[j * SIZE + i];
    double[] p10 = nat[j * SIZE + i + 1];
    double[] p01 = nat[(j + 1) * SIZE + i];
    double[] p11 = nat[(j + 1) * SIZE + i + 1];
    return new double[] {
      (p00[0] * (1 - a) + p10[0] * a) * (1 - b) + (p01[0] * (1 - a) + p11[0] * a) * b,
      (p00[1] * (1 - a) + p10[1] * a) * (1 - b) + (p01[1] * (1 - a) + p11[1] * a) * b
    };
  }

  /** The native box the lattice spans: min x, min y, max x, max y. */
  public double[] bounds() {
    double[] b = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (double[] p : nat) {
      b[0] = Math.min(b[0], p[0]);
      b[1] = Math.min(b[1], p[1]);
      b[2] = Math.max(b[2], p[0]);
      b[3] = Math.max(b[3], p[1]);
    }
    return b;
  }
}
