package cn.lzxq.city.data.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.data.terrain.DemGrid;
import cn.lzxq.city.data.terrain.DemRaster;
import cn.lzxq.city.data.terrain.DemStore;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A coverage run on the real database: one 3,500 MHz sector (25 m, azimuth 90°, 65°/6.5°,
 * electrical tilt 6°, EIRP 76.5 dBm, n78 100 MHz: 273 RB) over a 2 × 2 km parcel, 25 m cells. The
 * expected values are worked by hand (TR 38.901 UMa, TR 36.814; see PropagationModelTest): 500 m
 * east on boresight, terrain clear, −74.350 dBm; 150 m, −54.790 dBm; behind a 100 m ridge the path
 * is NLOS, −91.679 dBm; with the sector turned to 270°, 500 m east is in its back lobe (25 dB),
 * −96.240 dBm. SINR with one sector is RSRP minus the noise per resource element (−174 + 10·log10
 * 30,000 + 9 = −120.229 dBm).
 */
class CoverageRunTest {

  private static final double X = 384_012.5;
  private static final double Y = 4_040_012.5;
  private static HikariDataSource db;
  private static CoverageRun run;

  @BeforeAll
  static void schema() throws Exception {
    db = TestDatabase.freshSchema("CoverageRun");
    run = new CoverageRun(new ReadExecutor(db, Duration.ofMinutes(1)), db, 2);
    Sql.exec(
        db,
        """
        INSERT INTO organization (code, name, kind) VALUES ('CTCC', '中国电信', 'operator');
        INSERT INTO zoning_parcel (parcel_code, land_use_code, land_use_name, area_m2, geom)
        VALUES ('P1', 'R2', '二类居住用地', 4000000,
                ST_GeomFromText('MULTIPOLYGON Z (((383000 4039000 0, 385000 4039000 0,
                  385000 4041000 0, 383000 4041000 0, 383000 4039000 0)))', 4544));
        """);
    Sql.exec(db, sector(90));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static String sector(double azimuth) {
    return String.format(
        """
        INSERT INTO antenna_sector (fid, site_code, sector_no, operator, technology, band,
          frequency_mhz, azimuth_deg, mech_tilt_deg, elec_tilt_deg, antenna_height_m,
          h_beamwidth_deg, v_beamwidth_deg, gain_dbi, eirp_dbm, geom)
        VALUES (9001, 'S1', 1, 'CTCC', 'NR', 'n78', 3500, %s, 0, 6, 25, 65, 6.5, 24, 76.5,
                ST_SetSRID(ST_MakePoint(%s, %s, 25), 4544))
        """,
        azimuth, X, Y);
  }

  @Test
  void wholeRunOnFlatGroundThenBehindARidgeThenAnUpdateAroundTheEditedSector() throws Exception {
    CoverageSettings flat = new CoverageSettings(25, 1.5, 2_000, 9, 0.5, false);
    CoverageRun.Summary s = run.whole(flat, Duration.ofMinutes(1), CoverageRun.Monitor.NONE);
    assertThat(s.grid().width()).isEqualTo(80);
    assertThat(s.grid().height()).isEqualTo(80);
    assertThat(s.sectors()).isEqualTo(1);
    assertThat(rsrp(500)).isCloseTo(-74.350, within(0.5));
    assertThat(rsrp(150)).isCloseTo(-54.790, within(0.5));
    assertThat(value("sinr", 500)).isCloseTo(-74.350 + 120.229, within(0.5));
    assertThat(server(500)).isEqualTo(9001);

    writeDemWithRidge();
    CoverageSettings terrain = new CoverageSettings(25, 1.5, 600, 9, 0.5, true);
    run.whole(terrain, Duration.ofMinutes(1), CoverageRun.Monitor.NONE);
    assertThat(rsrp(150)).as("in front of the ridge").isCloseTo(-54.790, within(0.5));
    assertThat(rsrp(500)).as("behind the ridge").isCloseTo(-91.679, within(0.5));
    assertThat(rsrp(900)).as("beyond the 600 m radius").isNaN();

    // turn the sector west (a new version): the update recomputes only around it
    Sql.exec(
        db, "UPDATE antenna_sector SET valid_to = now() WHERE fid = 9001 AND valid_to IS NULL");
    Sql.exec(db, sector(270));
    CoverageRun.Summary u = run.update(25, Duration.ofMinutes(1), CoverageRun.Monitor.NONE);
    assertThat(u.whole()).isFalse();
    // the sector ± 600 m: cells 16 … 64 of 80 across
    assertThat(u.region().cols()).isBetween(48, 50);
    assertThat(u.region().col0()).isBetween(15, 17);
    assertThat(rsrp(-500)).as("500 m west, now on boresight").isCloseTo(-74.350, within(0.5));
    // 500 m east is NLOS behind the ridge and in the back lobe: NLOS −113.569 dBm
    assertThat(rsrp(500)).isCloseTo(-113.569, within(0.5));
    // nothing changed since: an update rewrites nothing
    assertThat(run.update(25, Duration.ofMinutes(1), CoverageRun.Monitor.NONE).region()).isNull();
  }

  /** A stored value on the sector's row, {@code east} metres east of it. */
  private static double value(String column, double east) throws Exception {
    try (Connection c = db.getConnection()) {
      StoredGrid g = CoverageStore.current(c, 25.0);
      int col = g.grid().col(X + east);
      int row = g.grid().row(Y);
      CoverageStore.Block b =
          CoverageStore.block(
              c,
              g.id(),
              new CoverageSector.LayerKey("CTCC", "n78"),
              row / CoverageGrid.BLOCK,
              col / CoverageGrid.BLOCK);
      int w = Math.min(CoverageGrid.BLOCK, g.grid().width());
      int i = (row % CoverageGrid.BLOCK) * w + col % CoverageGrid.BLOCK;
      return column.equals("sinr") ? b.sinrDb()[i] : b.rsrpDbm()[i];
    }
  }

  private static double rsrp(double east) throws Exception {
    return value("rsrp", east);
  }

  private static int server(double east) throws Exception {
    try (Connection c = db.getConnection()) {
      StoredGrid g = CoverageStore.current(c, 25.0);
      int col = g.grid().col(X + east);
      int row = g.grid().row(Y);
      return CoverageStore.block(c, g.id(), new CoverageSector.LayerKey("CTCC", "n78"), 0, 0)
          .server()[row * g.grid().width() + col];
    }
  }

  /**
   * A flat DEM at 0 m with a 100 m ridge 200–350 m east of the sector (north-south, bounded by the
   * longitudes of those points on the sector's row).
   */
  private static void writeDemWithRidge() throws Exception {
    double[] sw = lonLat(382_800, 4_038_800);
    double[] ne = lonLat(385_200, 4_041_200);
    double[] from = lonLat(X + 200, Y);
    double[] to = lonLat(X + 350, Y);
    double pixel = 0.0001;
    int w = (int) Math.ceil((ne[0] - sw[0]) / pixel);
    int h = (int) Math.ceil((ne[1] - sw[1]) / pixel);
    DemGrid grid = new DemGrid(sw[0], ne[1], pixel, pixel, w, h);
    float[] heights = new float[w * h];
    for (int r = 0; r < h; r++) {
      for (int c = 0; c < w; c++) {
        double lon = grid.west() + (c + 0.5) * pixel;
        heights[r * w + c] = lon >= from[0] && lon <= to[0] ? 100f : 0f;
      }
    }
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      DemStore.write(c, new DemRaster(grid, heights), "ridge", "test");
      c.commit();
    }
  }

  private static double[] lonLat(double x, double y) throws Exception {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT ST_X(p), ST_Y(p) FROM (SELECT ST_Transform(ST_SetSRID(ST_MakePoint("
                    + x
                    + ", "
                    + y
                    + "), 4544), 4490) AS p) t")) {
      rs.next();
      return new double[] {rs.getDouble(1), rs.getDouble(2)};
    }
  }
}
