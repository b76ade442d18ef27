package cn.lzxq.city.server.wms.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.server.wms.request.MapWindow;
import com.zaxxer.hikari.HikariDataSource;
import java.awt.geom.AffineTransform;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The fitted native-CRS-to-pixel polynomial against PostGIS's own transform: at 1:1,000 to 1:50,000
 * in Web Mercator and in CGCS2000 geographic it puts native points where ST_Transform plus the
 * window's affine transform puts them (within the fit's bound), and a window too large for a
 * quadratic is refused so the renderer keeps transforming in PostGIS.
 */
class ScreenMappingTest {

  private static final int NATIVE = 4544;

  @Test
  void webMercatorWindowsAtBenchmarkScalesMapLikePostgis() throws Exception {
    try (HikariDataSource db = TestDatabase.freshSchema("ScreenMappingTest");
        Connection c = db.getConnection()) {
      for (double scale : new double[] {1_000, 10_000, 50_000}) {
        double units = scale * 0.00028 / Math.cos(Math.toRadians(36.55));
        Envelope bbox =
            new Envelope(11544000, 11544000 + 1024 * units, 4369000, 4369000 + 768 * units);
        MapWindow w = new MapWindow(CrsRef.epsg(3857), bbox, 1024, 768, 90.714);
        ScreenMapping m = ScreenMapping.fit(c, w, NATIVE);
        assertThat(m).as("1:%s", scale).isNotNull();
        assertSamePixels(c, w, m);
      }
    }
  }

  @Test
  void geographicWindowMapsLikePostgis() throws Exception {
    try (HikariDataSource db = TestDatabase.freshSchema("ScreenMappingTest");
        Connection c = db.getConnection()) {
      MapWindow w =
          new MapWindow(
              CrsRef.epsg(4490), new Envelope(103.68, 103.72, 36.49, 36.52), 800, 600, 90.714);
      ScreenMapping m = ScreenMapping.fit(c, w, NATIVE);
      assertThat(m).isNotNull();
      assertSamePixels(c, w, m);
    }
  }

  @Test
  void continentalWindowIsRefused() throws Exception {
    try (HikariDataSource db = TestDatabase.freshSchema("ScreenMappingTest");
        Connection c = db.getConnection()) {
      MapWindow w =
          new MapWindow(
              CrsRef.epsg(3857),
              new Envelope(10_000_000, 13_000_000, 3_000_000, 6_000_000),
              4096,
              4096,
              90.714);
      assertThat(ScreenMapping.fit(c, w, NATIVE)).isNull();
    }
  }

  /** Native points spread over the window (not the fit's grid) land where PostGIS puts them. */
  private static void assertSamePixels(Connection c, MapWindow w, ScreenMapping m)
      throws Exception {
    AffineTransform toScreen = w.toScreen();
    String sql =
        "SELECT ST_X(n), ST_Y(n), ST_X(ST_Transform(n, ?)), ST_Y(ST_Transform(n, ?)) FROM (SELECT"
            + " ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), ?), ?) n) s";
    for (double fx : new double[] {0.03, 0.31, 0.62, 0.97}) {
      for (double fy : new double[] {0.07, 0.44, 0.81}) {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
          ps.setInt(1, w.crs().srid());
          ps.setInt(2, w.crs().srid());
          ps.setDouble(3, w.bbox().getMinX() + fx * w.bbox().getWidth());
          ps.setDouble(4, w.bbox().getMinY() + fy * w.bbox().getHeight());
          ps.setInt(5, w.crs().srid());
          ps.setInt(6, NATIVE);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            double px = rs.getDouble(3) * toScreen.getScaleX() + toScreen.getTranslateX();
            double py = rs.getDouble(4) * toScreen.getScaleY() + toScreen.getTranslateY();
            assertThat(m.x(rs.getDouble(1), rs.getDouble(2)))
                .isCloseTo(px, within(ScreenMapping.MAX_ERROR_PX));
            assertThat(m.y(rs.getDouble(1), rs.getDouble(2)))
                .isCloseTo(py, within(ScreenMapping.MAX_ERROR_PX));
          }
        }
      }
    }
  }
}
