package cn.lzxq.city.data.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Line of sight against the buildings (no DEM: flat ground at 0 m), on the real database. The
 * sector of CoverageRunTest (3,500 MHz, 25 m, azimuth 90°, 65°/6.5°, electrical tilt 6°, EIRP 76.5
 * dBm, n78 273 RB: 35.153 dB per resource element) faces a 40 m building 190–260 m east of it (120
 * m north-south: 3 × 5 cell centres). Worked by hand from TR 38.901 Table 7.4.1-1 and TR 36.814
 * (d'BP 560 m):
 *
 * <ul>
 *   <li>150 m east, in front of the building, LOS (the buildings are modelled, so a clear path is
 *       LOS, not the LOS probability): d3D 151.830 m, PL1 = 28 + 22·2.18136 + 10.881 = 86.871 dB,
 *       depression 8.904° → vertical 2.395 dB: 41.347 − 86.871 − 2.395 = −47.920 dBm (the expected
 *       power of CoverageRunTest, without buildings, is −54.790 dBm);
 *   <li>500 m east, behind it, NLOS: 129.916 dB, vertical 3.110 dB: −91.679 dBm;
 *   <li>500 m east and 400 m north, past its north end, LOS: d2D 640.312 m beyond the breakpoint,
 *       d3D 640.743 m, PL2 = 28 + 40·2.80668 + 10.881 − 9·log10(560² + 23.5²) = 101.674 dB; 38.660°
 *       off boresight (horizontal 4.245 dB) at 2.102° depression (vertical 4.316 dB): −68.889 dBm.
 * </ul>
 *
 * A building edit is recomputed by an update around it; once no building stands, a clear path is
 * LOS with the model's probability again.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CoverageBuildingsTest {

  private static final double X = 384_012.5;
  private static final double Y = 4_040_012.5;
  private static HikariDataSource db;
  private static CoverageRun run;

  @BeforeAll
  static void schema() throws Exception {
    db = TestDatabase.freshSchema("CoverageBuildings");
    run = new CoverageRun(new ReadExecutor(db, Duration.ofMinutes(1)), db, 2);
    Sql.exec(
        db,
        String.format(
            """
            INSERT INTO organization (code, name, kind) VALUES ('CTCC', '中国电信', 'operator');
            INSERT INTO zoning_parcel (parcel_code, land_use_code, land_use_name, area_m2, geom)
            VALUES ('P1', 'R2', '二类居住用地', 4000000,
                    ST_GeomFromText('MULTIPOLYGON Z (((383000 4039000 0, 385000 4039000 0,
                      385000 4041000 0, 383000 4041000 0, 383000 4039000 0)))', 4544));
            INSERT INTO antenna_sector (fid, site_code, sector_no, operator, technology, band,
              frequency_mhz, azimuth_deg, mech_tilt_deg, elec_tilt_deg, antenna_height_m,
              h_beamwidth_deg, v_beamwidth_deg, gain_dbi, eirp_dbm, geom)
            VALUES (9001, 'S1', 1, 'CTCC', 'NR', 'n78', 3500, 90, 0, 6, 25, 65, 6.5, 24, 76.5,
                    ST_SetSRID(ST_MakePoint(%1$s, %2$s, 25), 4544));
            INSERT INTO building (fid, building_code, building_use, height_m, status, geom)
            VALUES (9100, 'B1', 'office', 40, 'existing',
                    ST_GeomFromText('MULTIPOLYGON Z (((%3$s %4$s 0, %5$s %4$s 0, %5$s %6$s 0,
                      %3$s %6$s 0, %3$s %4$s 0)))', 4544));
            """,
            X, Y, X + 190, Y - 60, X + 260, Y + 60));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  @Order(2)
  void aBuildingOnThePathMakesItNlosAndAClearPathIsLos() throws Exception {
    CoverageSettings s = new CoverageSettings(25, 1.5, 1_000, 9, 0.5, true);
    run.whole(s, Duration.ofMinutes(1), CoverageRun.Monitor.NONE);
    assertThat(rsrp(150, 0)).as("in front of the building, LOS").isCloseTo(-47.920, within(0.5));
    assertThat(rsrp(500, 0)).as("behind the building, NLOS").isCloseTo(-91.679, within(0.5));
    assertThat(rsrp(500, 400)).as("past its north end, LOS").isCloseTo(-68.889, within(0.5));

    // the building is pulled down (a new version, demolished): an update around it
    Sql.exec(
        db,
        """
        UPDATE building SET valid_to = now() WHERE fid = 9100 AND valid_to IS NULL;
        INSERT INTO building (fid, building_code, building_use, height_m, status, geom)
        SELECT 9100, building_code, building_use, height_m, 'demolished', geom FROM building
        WHERE fid = 9100;
        """);
    CoverageRun.Summary u = run.update(25, Duration.ofMinutes(1), CoverageRun.Monitor.NONE);
    assertThat(u.whole()).isFalse();
    assertThat(u.region()).isNotNull();
    // without any building standing, a clear path is LOS with the model's probability again:
    // the expected power of CoverageRunTest, −74.350 dBm
    assertThat(rsrp(500, 0)).isCloseTo(-74.350, within(0.5));
  }

  /** The stored RSRP {@code east} and {@code north} metres from the sector. */
  private static double rsrp(double east, double north) throws Exception {
    try (Connection c = db.getConnection()) {
      StoredGrid g = CoverageStore.current(c, 25.0);
      int col = g.grid().col(X + east);
      int row = g.grid().row(Y + north);
      CoverageStore.Block b =
          CoverageStore.block(
              c,
              g.id(),
              new CoverageSector.LayerKey("CTCC", "n78"),
              row / CoverageGrid.BLOCK,
              col / CoverageGrid.BLOCK);
      int w = Math.min(CoverageGrid.BLOCK, g.grid().width());
      return b.rsrpDbm()[(row % CoverageGrid.BLOCK) * w + col % CoverageGrid.BLOCK];
    }
  }

  @Test
  @Order(1)
  void rasterisedAtCellCentres() throws Exception {
    CoverageGrid g = CoverageGrid.covering(383_000, 4_039_000, 385_000, 4_041_000, 25);
    float[] heights =
        new ReadExecutor(db, Duration.ofMinutes(1))
            .read(Duration.ofMinutes(1), tx -> CoverageBuildings.read(tx, g));
    int cells = 0;
    for (int i = 0; i < heights.length; i++) {
      if (heights[i] > 0) {
        cells++;
        assertThat(heights[i]).isEqualTo(40f);
        int col = i % g.width();
        int row = i / g.width();
        assertThat(g.x(col) - X).isBetween(190.0, 260.0);
        assertThat(g.y(row) - Y).isBetween(-60.0, 60.0);
      }
    }
    // centres 200, 225, 250 m east; −50 … +50 m north every 25 m
    assertThat(cells).isEqualTo(15);
  }
}
