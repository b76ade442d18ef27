package cn.lzxq.city.data.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The WLAN layer of a coverage run on the real database, on flat ground with 10 m cells centred on
 * the access points. A1 (fid 9101): outdoor, 2.4 GHz (channel 6), 20 dBm, 6 m up, at S; A2 (9102):
 * indoor, 2.4 GHz, 20 dBm, 6 m up, 150 m east and 150 m north of S. Values worked by hand from
 * ITU-R P.1411-10 §4.1.1 (see {@link WlanPathLossTest}): from A1, −40.931 dBm at 10 m, −67.359 at
 * 50 m, −79.347 at 100 m; (70 m, 30 m) away −74.629 (covered at −75), (60 m, 50 m) −75.065 (not).
 * From A2 at 30 m, the indoor loss of 15.8 dB (V170) off: 20 − 15.8 − 78.608 = −74.408 dBm. SNR =
 * RSSI − (−174 + 73.010 + 9) = RSSI + 91.990.
 *
 * <p>KPIs and holes against SQL written independently: a cell is covered when its centre lies
 * within 77.809 m of A1 or 31.063 m of A2 (the horizontal reach of −75 dBm: 3D 77.939 and 31.387 m,
 * solved by hand from the same formula). Parcels: P1 R2, 410 × 410 m centred on S (an uncovered
 * ring, one hole); P2 B1, 100 × 100 m at 300–400 m west (wholly uncovered: a hole of 10,000 m²); P3
 * G1, 30 × 30 m at 280–310 m east (uncovered, below 2,500 m²: no hole). Districts W and E split at
 * 95 m west of S: P2 in W, most of P1 in E.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WlanCoverageTest {

  private static final double X = 384_005;
  private static final double Y = 4_040_005;
  private static HikariDataSource db;
  private static CoverageRun run;
  private static CoverageRun.Summary first;

  @BeforeAll
  static void scenario() throws Exception {
    db = TestDatabase.freshSchema("WlanCoverage");
    run = new CoverageRun(new ReadExecutor(db, Duration.ofMinutes(1)), db, 2);
    Sql.exec(
        db,
        "INSERT INTO organization (code, name, kind) VALUES ('CTCC', '中国电信', 'operator');"
            + parcel("P1", "R2", -205, -205, 205, 205)
            + parcel("P2", "B1", -395, -45, -295, 55)
            + parcel("P3", "G1", 275, 295, 305, 325)
            + district("W", -405, -95)
            + district("E", -95, 405)
            + ap(9101, "outdoor", 0, 0)
            + ap(9102, "indoor", 150, 150));
    first =
        run.whole(
            new CoverageSettings(10, 1.5, 610, 9, 0.5, false),
            Duration.ofMinutes(1),
            CoverageRun.Monitor.NONE);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static String parcel(
      String code, String use, double x0, double y0, double x1, double y1) {
    return String.format(
        """
        INSERT INTO zoning_parcel (parcel_code, land_use_code, land_use_name, area_m2, geom)
        VALUES ('%s', '%s', '%s', %s, ST_Multi(ST_Force3D(ST_MakeEnvelope(%s, %s, %s, %s, 4544))));
        """,
        code, use, use, (x1 - x0) * (y1 - y0), X + x0, Y + y0, X + x1, Y + y1);
  }

  private static String district(String code, double x0, double x1) {
    return String.format(
        """
        INSERT INTO district (district_code, name, geom)
        VALUES ('%s', '%s', ST_Multi(ST_Force3D(ST_MakeEnvelope(%s, %s, %s, %s, 4544))));
        """,
        code, code, X + x0, Y - 505, X + x1, Y + 505);
  }

  private static String ap(long fid, String placement, double dx, double dy) {
    return String.format(
        """
        INSERT INTO wlan_ap (fid, ap_code, ssid, operator, band, mount_height_m, eirp_dbm,
                             placement, geom)
        VALUES (%d, 'A%d', 'i-LanzhouNewArea', 'CTCC', '2.4GHz', 6, 20, '%s',
                ST_SetSRID(ST_MakePoint(%s, %s, 0), 4544));
        """,
        fid, fid, placement, X + dx, Y + dy);
  }

  /** The stored values of the WLAN layer at the cell dx, dy metres from S. */
  private static CoverageStore.Block cell(double dx, double dy) throws Exception {
    try (Connection c = db.getConnection()) {
      StoredGrid s = CoverageStore.current(c, 10.0);
      CoverageGrid g = s.grid();
      int col = g.col(X + dx);
      int row = g.row(Y + dy);
      CoverageStore.Block b =
          CoverageStore.block(
              c,
              s.id(),
              CoverageSector.LayerKey.WLAN,
              row / CoverageGrid.BLOCK,
              col / CoverageGrid.BLOCK);
      int bw = Math.min(CoverageGrid.BLOCK, g.width() - col / CoverageGrid.BLOCK * 256);
      int i = (row % CoverageGrid.BLOCK) * bw + col % CoverageGrid.BLOCK;
      return new CoverageStore.Block(
          new float[] {b.rsrpDbm()[i]}, new float[] {b.sinrDb()[i]}, new int[] {b.server()[i]});
    }
  }

  private static double rssi(double dx, double dy) throws Exception {
    return cell(dx, dy).rsrpDbm()[0];
  }

  @Test
  @Order(1)
  void rssiOfOneAccessPointAt10And50And100MetresEqualsTheHandWorkedValues() throws Exception {
    assertThat(first.accessPoints()).isEqualTo(2);
    assertThat(first.sectors()).isZero();
    assertThat(first.layers())
        .singleElement()
        .satisfies(
            st -> {
              assertThat(st.operator()).isEqualTo("WLAN");
              assertThat(st.thresholdDbm()).isEqualTo(-75.0);
            });
    assertThat(rssi(10, 0)).isCloseTo(-40.931, within(0.05));
    assertThat(rssi(50, 0)).isCloseTo(-67.359, within(0.05));
    assertThat(rssi(100, 0)).isCloseTo(-79.347, within(0.05));
    // omnidirectional: the same all round
    assertThat(rssi(0, -50)).isCloseTo(-67.359, within(0.05));
    assertThat(rssi(-50, 0)).isCloseTo(-67.359, within(0.05));
    assertThat(cell(50, 0).server()[0]).isEqualTo(9101);
    assertThat((double) cell(50, 0).sinrDb()[0]).isCloseTo(-67.359 + 91.990, within(0.05));
  }

  @Test
  @Order(2)
  void justInsideAndJustOutsideTheThreshold() throws Exception {
    assertThat(rssi(70, 30)).isCloseTo(-74.629, within(0.05)).isGreaterThanOrEqualTo(-75);
    assertThat(rssi(60, 50)).isCloseTo(-75.065, within(0.05)).isLessThan(-75);
  }

  @Test
  @Order(3)
  void anIndoorAccessPointReachesTheStreetThroughItsWalls() throws Exception {
    assertThat(rssi(180, 150)).isCloseTo(-74.408, within(0.05));
    assertThat(cell(180, 150).server()[0]).isEqualTo(9102);
  }

  /** Built-up cells: class, covered (independently), parcel and district. */
  private static List<Object[]> cells() throws Exception {
    String sql =
        String.format(
            """
            WITH g AS (SELECT * FROM coverage_grid WHERE valid_to IS NULL),
            c AS (SELECT ST_SetSRID(ST_MakePoint(g.west + (i + 0.5) * g.cell_m,
                                                 g.north - (j + 0.5) * g.cell_m), 4544) AS p
                  FROM g, generate_series(0, g.width - 1) i, generate_series(0, g.height - 1) j)
            SELECT substr(z.land_use_code, 1, 1),
                   ST_DWithin(c.p, ST_SetSRID(ST_MakePoint(%s, %s), 4544), 77.809)
                   OR ST_DWithin(c.p, ST_SetSRID(ST_MakePoint(%s, %s), 4544), 31.063),
                   z.parcel_code, d.district_code
            FROM c JOIN zoning_parcel z ON z.geom && c.p AND ST_Contains(ST_Force2D(z.geom), c.p)
            LEFT JOIN district d ON d.geom && c.p AND ST_Contains(ST_Force2D(d.geom), c.p)
            WHERE z.land_use_code !~ '^E'
            """,
            X, Y, X + 150, Y + 150);
    List<Object[]> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        out.add(new Object[] {rs.getString(1), rs.getBoolean(2), rs.getString(3), rs.getString(4)});
      }
    }
    return out;
  }

  @Test
  @Order(4)
  void kpisByClassAndDistrictEqualTheIndependentCount() throws Exception {
    Map<String, long[]> expected = new TreeMap<>();
    for (Object[] c : cells()) {
      for (String key : List.of("all", "class " + c[0], "district " + c[3])) {
        long[] n = expected.computeIfAbsent(key, k -> new long[2]);
        n[0]++;
        n[1] += (Boolean) c[1] ? 1 : 0;
      }
    }
    CoverageKpi.Report r =
        new ReadExecutor(db, Duration.ofMinutes(1)).read(tx -> CoverageKpi.run(tx, 2_500));
    Map<String, CoverageKpi.Share> got = new TreeMap<>();
    for (CoverageKpi.Share s : r.shares()) {
      assertThat(s.operator()).isEqualTo("WLAN");
      if (s.landUseClass() != null && (s.landUseClass().length() > 1 || s.district() != null)) {
        continue; // medium classes and classes within districts: CoverageKpiTest
      }
      got.put(
          s.district() != null
              ? "district " + s.district()
              : s.landUseClass() != null ? "class " + s.landUseClass() : "all",
          s);
    }
    assertThat(got.keySet())
        .isEqualTo(expected.keySet())
        .containsExactly("all", "class B", "class G", "class R", "district E", "district W");
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      CoverageKpi.Share s = got.get(e.getKey());
      assertThat(s.parcelAreaM2()).as(e.getKey()).isEqualTo(e.getValue()[0] * 100.0);
      assertThat(s.coveredAreaM2()).as(e.getKey()).isEqualTo(e.getValue()[1] * 100.0);
      // the WLAN target (V170): −75 dBm over all built-up land, green space included — the 90 %
      // of the cellular G row does not apply to WLAN
      assertThat(s.thresholdDbm()).isEqualTo(-75.0);
      assertThat(s.targetShare()).isEqualTo(1.0);
      assertThat(s.met()).isFalse();
    }
    assertThat(expected.get("class B")[1]).isZero();
  }

  @Test
  @Order(5)
  void holesAboveTheMinimumAreaAreFoundWithTheirDistrictAndNoOther() throws Exception {
    long ring = 0;
    long p2 = 0;
    long p3 = 0;
    for (Object[] c : cells()) {
      if (!(Boolean) c[1]) {
        switch ((String) c[2]) {
          case "P1" -> ring += 100;
          case "P2" -> p2 += 100;
          default -> p3 += 100;
        }
      }
    }
    assertThat(p2).isEqualTo(10_000);
    assertThat(p3).isEqualTo(900);
    CoverageKpi.Report r =
        new ReadExecutor(db, Duration.ofMinutes(1)).read(tx -> CoverageKpi.run(tx, 2_500));
    assertThat(r.holes())
        .extracting(h -> Math.round(h.areaM2()), CoverageKpi.Hole::district)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(ring, "E"),
            org.assertj.core.groups.Tuple.tuple(p2, "W"));
    assertThat(r.holes()).allSatisfy(h -> assertThat(h.thresholdDbm()).isEqualTo(-75.0));
  }

  @Test
  @Order(6)
  void anUpdateAfterAnAccessPointIsTakenOutOfServiceRecomputesAroundIt() throws Exception {
    Sql.exec(db, "UPDATE wlan_ap SET status = 'abandoned' WHERE fid = 9102");
    CoverageRun.Summary s = run.update(10, Duration.ofMinutes(1), CoverageRun.Monitor.NONE);
    assertThat(s.whole()).isFalse();
    // now only A1 reaches there: 234.35 m, 20 − (40 · 2.369868 + 19.330) = −94.124 dBm
    assertThat(rssi(180, 150)).isCloseTo(-94.124, within(0.05));
    assertThat(cell(180, 150).server()[0]).isEqualTo(9101);
    assertThat(rssi(50, 0)).isCloseTo(-67.359, within(0.05));
  }
}
