package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.server.wms.request.MapWindow;
import java.awt.geom.AffineTransform;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Maps coordinates of the CRS the geometries arrive in to image pixels (x right, y down) with a
 * quadratic polynomial per axis. For a request in the native CRS it is the window's affine
 * transform. For another CRS it replaces a per-vertex {@code ST_Transform} in PostGIS (which costs
 * about 12 µs per feature, most of a small-scale map): PostGIS transforms a grid of window points
 * once per map, the polynomial is fitted to them, and it is used only when it reproduces the exact
 * transform within {@link #MAX_ERROR_PX} at a second set of check points; otherwise {@link #fit}
 * answers null and the caller keeps transforming in PostGIS.
 */
public final class ScreenMapping {

  /** Largest error of the fitted polynomial at a check point, pixels. */
  public static final double MAX_ERROR_PX = 0.05;

  private static final int GRID = 5;

  /**
   * Check points outside the service area's reach are not transformed (NULL): no fit for such
   * windows. {@code %s} is the transform of a point {@code p}: bare when the window is known in
   * Java to lie inside the reach ({@link #TRANSFORM}), else behind the reach test ({@link
   * #REACHED}), whose ST_Covers of the transformed reach cost about 0.1 ms of a map's database
   * time.
   */
  private static final String SQL =
      "SELECT ST_X(g), ST_Y(g) FROM (SELECT %s g, n FROM (SELECT ST_SetSRID(ST_MakePoint(u.x, u.y), ?) p,"
          + " u.n FROM unnest(?::float8[], ?::float8[]) WITH ORDINALITY AS u(x, y, n)) u) s ORDER BY n";

  private static final String TRANSFORM = "ST_Transform(p, ?)";
  private static final String REACHED = "CASE WHEN ST_Covers(%s, p) THEN ST_Transform(p, ?) END";

  private final double cx;
  private final double cy;
  private final double norm;
  private final double[] ax;
  private final double[] ay;

  private ScreenMapping(double cx, double cy, double norm, double[] ax, double[] ay) {
    this.cx = cx;
    this.cy = cy;
    this.norm = norm;
    this.ax = ax;
    this.ay = ay;
  }

  /** The mapping of request-CRS coordinates: the window's affine transform. */
  public static ScreenMapping affine(AffineTransform toScreen) {
    return new ScreenMapping(
        0,
        0,
        1,
        new double[] {toScreen.getTranslateX(), toScreen.getScaleX(), 0, 0, 0, 0},
        new double[] {toScreen.getTranslateY(), 0, toScreen.getScaleY(), 0, 0, 0});
  }

  /**
   * The mapping of native-CRS coordinates to the pixels of {@code w}, or null when a quadratic
   * polynomial is not exact enough for this window (very large windows, or near a pole).
   */
  public static ScreenMapping fit(Connection c, MapWindow w, int nativeSrid) throws SQLException {
    int n = GRID * GRID;
    int m = (GRID - 1) * (GRID - 1);
    Double[] px = new Double[n + m];
    Double[] py = new Double[n + m];
    for (int i = 0; i < n + m; i++) {
      double[] p =
          i < n
              ? new double[] {(double) (i % GRID) / (GRID - 1), (double) (i / GRID) / (GRID - 1)}
              : new double[] {
                ((i - n) % (GRID - 1) + 0.5) / (GRID - 1), ((i - n) / (GRID - 1) + 0.5) / (GRID - 1)
              };
      px[i] = w.bbox().getMinX() + p[0] * w.bbox().getWidth();
      py[i] = w.bbox().getMinY() + p[1] * w.bbox().getHeight();
    }
    double[][] nat = new double[n + m][2];
    try (PreparedStatement ps = c.prepareStatement(String.format(SQL, pointTransform(w)))) {
      ps.setInt(1, nativeSrid);
      ps.setInt(2, w.crs().srid());
      ps.setArray(3, c.createArrayOf("float8", px));
      ps.setArray(4, c.createArrayOf("float8", py));
      try (ResultSet rs = ps.executeQuery()) {
        for (int i = 0; rs.next(); i++) {
          nat[i][0] = rs.getDouble(1);
          if (rs.wasNull()) {
            return null;
          }
          nat[i][1] = rs.getDouble(2);
        }
      }
    }
    AffineTransform toScreen = w.toScreen();
    double[] sx = new double[n + m];
    double[] sy = new double[n + m];
    for (int i = 0; i < n + m; i++) {
      sx[i] = px[i] * toScreen.getScaleX() + toScreen.getTranslateX();
      sy[i] = py[i] * toScreen.getScaleY() + toScreen.getTranslateY();
    }
    double cx = nat[n / 2][0];
    double cy = nat[n / 2][1];
    double norm =
        Math.max(1e-12, Math.abs(nat[n - 1][0] - nat[0][0]) + Math.abs(nat[n - 1][1] - nat[0][1]));
    ScreenMapping fitted =
        new ScreenMapping(
            cx,
            cy,
            norm,
            leastSquares(nat, sx, n, cx, cy, norm),
            leastSquares(nat, sy, n, cx, cy, norm));
    for (int i = 0; i < n + m; i++) {
      double ex = fitted.x(nat[i][0], nat[i][1]) - sx[i];
      double ey = fitted.y(nat[i][0], nat[i][1]) - sy[i];
      if (!(Math.hypot(ex, ey) <= MAX_ERROR_PX)) {
        return null;
      }
    }
    return fitted;
  }

  /** Pixel x of a point. */
  public double x(double x, double y) {
    return eval(ax, (x - cx) / norm, (y - cy) / norm);
  }

  /** Pixel y of a point. */
  public double y(double x, double y) {
    return eval(ay, (x - cx) / norm, (y - cy) / norm);
  }

  private static double eval(double[] a, double u, double v) {
    return a[0] + u * (a[1] + a[3] * u + a[4] * v) + v * (a[2] + a[5] * v);
  }

  private static double[] terms(double u, double v) {
    return new double[] {1, u, v, u * u, u * v, v * v};
  }

  /** Coefficients of the quadratic through the first {@code n} points (normal equations, Gauss). */
  private static double[] leastSquares(
      double[][] pts, double[] target, int n, double cx, double cy, double norm) {
    double[][] a = new double[6][7];
    for (int i = 0; i < n; i++) {
      double[] t = terms((pts[i][0] - cx) / norm, (pts[i][1] - cy) / norm);
      for (int r = 0; r < 6; r++) {
        for (int k = 0; k < 6; k++) {
          a[r][k] += t[r] * t[k];
        }
        a[r][6] += t[r] * target[i];
      }
    }
    for (int col = 0; col < 6; col++) {
      int pivot = col;
      for (int r = col + 1; r < 6; r++) {
        if (Math.abs(a[r][col]) > Math.abs(a[pivot][col])) {
          pivot = r;
        }
      }
      double[] tmp = a[col];
      a[col] = a[pivot];
      a[pivot] = tmp;
      for (int r = 0; r < 6; r++) {
        if (r != col && a[col][col] != 0) {
          double f = a[r][col] / a[col][col];
          for (int k = col; k < 7; k++) {
            a[r][k] -= f * a[col][k];
          }
        }
      }
    }
    double[] coef = new double[6];
    for (int r = 0; r < 6; r++) {
      coef[r] = a[r][r] == 0 ? 0 : a[r][6] / a[r][r];
    }
    return coef;
  }

  /** The SQL transform of a check point {@code p}: behind the reach test unless Java knows. */
  private static String pointTransform(MapWindow w) {
    ServiceArea area = ServiceArea.LANZHOU_NEW_AREA;
    int srid = w.crs().srid();
    return area.reachCovers(w.bbox(), srid)
        ? TRANSFORM
        : String.format(REACHED, area.sqlReach(srid));
  }
}
