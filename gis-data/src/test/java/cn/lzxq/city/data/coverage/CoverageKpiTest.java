package cn.lzxq.city.data.coverage;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.junit.jupiter.api.Test;

/**
 * KPIs and holes against an independent computation in SQL. One CTCC n78 sector S reaching 610 m (a
 * threshold of −140 dBm, below anything within the reach, so covered = a cell centre within 610 m
 * of S), 25 m cells centred on S's multiples of 25 m; parcels around S:
 *
 * <ul>
 *   <li>P1 R2, 1,000 × 1,000 m centred on S: the disc covers all but its four corners — four
 *       planted holes of about 12,000 m²;
 *   <li>P3 R1, 50 × 40 m at 725 m east: uncovered but below the 2,500 m² minimum — no hole;
 *   <li>P4 G, 500 × 100 m from 400 m east and 600 m north: wholly uncovered — a planted hole;
 *   <li>P2 E1 (water, not construction land): uncovered, not built-up — no hole, not in any KPI.
 * </ul>
 *
 * Two districts split the area at the cell edge 12.5 m east of S: W and E (P3, P4 and the east half
 * of P1 in E).
 *
 * <p>The SQL counts cell centres strictly inside the parcels (ST_Contains) and within 610 m of S
 * (ST_DWithin), per GB 50137 major class, per district and over all built-up land, and the corner
 * cells per quadrant; it does not call the code under test.
 */
class CoverageKpiTest {

  private static final double X = 384_012.5;
  private static final double Y = 4_040_012.5;
  private static HikariDataSource db;

  @BeforeAll
  static void scenario() throws Exception {
    db = TestDatabase.freshSchema("CoverageKpi");
    Sql.exec(
        db,
        "INSERT INTO organization (code, name, kind) VALUES ('CTCC', '中国电信', 'operator');"
            + parcel("P1", "R2", -500, -500, 500, 500)
            + parcel("P3", "R1", 700, -20, 750, 20)
            + parcel("P4", "G1", 400, 600, 900, 700)
            + parcel("P2", "E1", -900, -100, -700, 100)
            + district("W", -1000, 12.5)
            + district("E", 12.5, 1000)
            + String.format(
                """
                INSERT INTO antenna_sector (site_code, sector_no, operator, technology, band,
                  frequency_mhz, azimuth_deg, mech_tilt_deg, elec_tilt_deg, antenna_height_m,
                  h_beamwidth_deg, v_beamwidth_deg, gain_dbi, eirp_dbm, geom)
                VALUES ('S1', 1, 'CTCC', 'NR', 'n78', 3500, 90, 0, 6, 25, 65, 6.5, 24, 76.5,
                        ST_SetSRID(ST_MakePoint(%s, %s, 25), 4544));
                UPDATE coverage_target SET threshold_dbm = -140;
                """,
                X, Y));
    new CoverageRun(new ReadExecutor(db, Duration.ofMinutes(1)), db, 2)
        .whole(
            new CoverageSettings(25, 1.5, 610, 9, 0.5, false),
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
        code, code, X + x0, Y - 1000, X + x1, Y + 1000);
  }

  /**
   * Cell centres of the stored grid strictly inside built-up parcels, with class, coverage and
   * district.
   */
  private static final String CELLS =
      """
      WITH g AS (SELECT * FROM coverage_grid WHERE valid_to IS NULL),
      c AS (SELECT ST_SetSRID(ST_MakePoint(g.west + (i + 0.5) * g.cell_m,
                                           g.north - (j + 0.5) * g.cell_m), 4544) AS p
            FROM g, generate_series(0, g.width - 1) i, generate_series(0, g.height - 1) j)
      SELECT substr(z.land_use_code, 1, 1) AS cls,
             ST_DWithin(c.p, ST_SetSRID(ST_MakePoint(%s, %s), 4544), 610) AS covered,
             ST_X(c.p) - %s AS dx, ST_Y(c.p) - %s AS dy, z.parcel_code, d.district_code
      FROM c JOIN zoning_parcel z ON ST_Contains(ST_Force2D(z.geom), c.p)
      LEFT JOIN district d ON ST_Contains(ST_Force2D(d.geom), c.p)
      WHERE z.land_use_code !~ '^E'
      """;

  private static List<Object[]> cells() throws Exception {
    List<Object[]> out = new ArrayList<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(String.format(CELLS, X, Y, X, Y))) {
      while (rs.next()) {
        out.add(
            new Object[] {
              rs.getString(1),
              rs.getBoolean(2),
              rs.getDouble(3),
              rs.getDouble(4),
              rs.getString(5),
              rs.getString(6)
            });
      }
    }
    return out;
  }

  @Test
  void sharesByClassAndInTotalEqualTheIndependentCount() throws Exception {
    Map<String, long[]> expected = new TreeMap<>();
    for (Object[] c : cells()) {
      for (String key : List.of("all", (String) c[0])) {
        long[] n = expected.computeIfAbsent(key, k -> new long[2]);
        n[0]++;
        n[1] += (Boolean) c[1] ? 1 : 0;
      }
    }
    CoverageKpi.Report r =
        new ReadExecutor(db, Duration.ofMinutes(1)).read(tx -> CoverageKpi.run(tx, 2_500));
    Map<String, CoverageKpi.Share> got = new TreeMap<>();
    r.shares().stream()
        .filter(s -> s.district() == null)
        .forEach(s -> got.put(s.landUseClass() == null ? "all" : s.landUseClass(), s));
    assertThat(got.keySet()).isEqualTo(expected.keySet()).containsExactly("G", "R", "all");
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      CoverageKpi.Share s = got.get(e.getKey());
      assertThat(s.parcelAreaM2()).as(e.getKey()).isEqualTo(e.getValue()[0] * 625.0);
      assertThat(s.coveredAreaM2()).as(e.getKey()).isEqualTo(e.getValue()[1] * 625.0);
      assertThat(s.share()).isEqualTo(e.getValue()[1] / (double) e.getValue()[0]);
    }
    // the targets as data: all built-up land 100 %, green space 90 % (V91)
    assertThat(got.get("all").targetShare()).isEqualTo(1.0);
    assertThat(got.get("all").met()).isFalse();
    assertThat(got.get("G").targetShare()).isEqualTo(0.9);
    assertThat(got.get("G").share()).isZero();
  }

  @Test
  void sharesByDistrictEqualTheIndependentCount() throws Exception {
    Map<String, long[]> expected = new TreeMap<>();
    for (Object[] c : cells()) {
      long[] n = expected.computeIfAbsent((String) c[5], k -> new long[2]);
      n[0]++;
      n[1] += (Boolean) c[1] ? 1 : 0;
    }
    CoverageKpi.Report r =
        new ReadExecutor(db, Duration.ofMinutes(1)).read(tx -> CoverageKpi.run(tx, 2_500));
    Map<String, CoverageKpi.Share> got = new TreeMap<>();
    r.shares().stream()
        .filter(s -> s.district() != null)
        .forEach(
            s -> {
              assertThat(s.landUseClass()).isNull();
              got.put(s.district(), s);
            });
    assertThat(got.keySet()).isEqualTo(expected.keySet()).containsExactly("E", "W");
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      CoverageKpi.Share s = got.get(e.getKey());
      assertThat(s.parcelAreaM2()).as(e.getKey()).isEqualTo(e.getValue()[0] * 625.0);
      assertThat(s.coveredAreaM2()).as(e.getKey()).isEqualTo(e.getValue()[1] * 625.0);
      // against the target for all built-up land: 100 %, which neither district meets
      assertThat(s.targetShare()).isEqualTo(1.0);
      assertThat(s.met()).isFalse();
    }
    // the two districts add up to the whole
    assertThat(expected.get("E")[0] + expected.get("W")[0]).isEqualTo(cells().size());
  }

  @Test
  void everyPlantedHoleAboveTheMinimumAreaIsFoundAndNoOther() throws Exception {
    // independent: P1's uncovered cells per quadrant (the four corners) and P4's
    Map<String, Long> pieces = new TreeMap<>();
    for (Object[] c : cells()) {
      if (!(Boolean) c[1]) {
        String piece =
            c[4].equals("P1")
                ? "P1" + ((Double) c[3] > 0 ? "N" : "S") + ((Double) c[2] > 0 ? "E" : "W")
                : (String) c[4];
        pieces.merge(piece, 625L, Long::sum);
      }
    }
    assertThat(pieces).containsKeys("P1NE", "P1NW", "P1SE", "P1SW", "P3", "P4");
    assertThat(pieces.get("P3")).isLessThan(2_500);
    List<Long> expected =
        pieces.entrySet().stream()
            .filter(e -> e.getValue() >= 2_500)
            .map(Map.Entry::getValue)
            .sorted((a, b) -> Long.compare(b, a))
            .toList();
    assertThat(expected).hasSize(5);
    CoverageKpi.Report r =
        new ReadExecutor(db, Duration.ofMinutes(1)).read(tx -> CoverageKpi.run(tx, 2_500));
    assertThat(r.holes().stream().map(h -> Math.round(h.areaM2())).toList()).isEqualTo(expected);
    for (CoverageKpi.Hole h : r.holes()) {
      assertThat(h.polygon().getArea()).isEqualTo(h.areaM2());
      assertThat(h.operator()).isEqualTo("CTCC");
    }
    // a lower minimum also reports P3's small piece
    assertThat(
            new ReadExecutor(db, Duration.ofMinutes(1))
                .read(tx -> CoverageKpi.run(tx, 600))
                .holes())
        .hasSize(6);
  }
}
