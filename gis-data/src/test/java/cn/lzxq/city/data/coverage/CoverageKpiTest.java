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
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * KPIs and holes against an independent computation in SQL and by hand. One CTCC n78 sector S
 * reaching 610 m (a threshold of −140 dBm, below anything within the reach, so covered = a cell
 * centre within 610 m of S), 25 m cells centred on S's multiples of 25 m; parcels around S:
 *
 * <ul>
 *   <li>P1 R2, 1,000 × 1,000 m centred on S: the disc covers all but its four corners — four
 *       planted holes of about 12,000 m²;
 *   <li>P3 R1, 50 × 40 m at 725 m east: uncovered but below the 2,500 m² minimum — no hole;
 *   <li>P4 G1, 500 × 100 m from 400 m east and 600 m north: wholly uncovered — a planted hole;
 *   <li>P5 B1, 200 × 150 m from 300 to 100 m west and 550 to 700 m north: only its four cells at
 *       575 m north and 125–200 m west are within 610 m — the other 31 are a planted hole;
 *   <li>P6 B (a major class only), 100 × 100 m from 700 to 600 m south-west: beyond the reach — a
 *       planted hole;
 *   <li>P7 G1, 70 × 20 m from 790 to 860 m east and 310 to 290 m south: the three centres 800, 825
 *       and 850 m east at 300 m south (854–940 m from S), uncovered: 1,875 m², the largest piece of
 *       25 m cells below the 2,500 m² minimum — the control just below, no hole;
 *   <li>P8 G1, 95 × 20 m from 790 to 885 m east and 410 to 390 m south: the four centres 800–875 m
 *       east at 400 m south (894–962 m from S), uncovered: 2,500 m², exactly the minimum (a hole is
 *       one of at least the minimum) — the control at the minimum, a hole; with a minimum of 2,501
 *       m² it is none;
 *   <li>P2 E1 (water, not construction land): uncovered, not built-up — no hole, not in any KPI.
 * </ul>
 *
 * Two districts split the area at the cell edge 12.5 m east of S: W and E (P3, P4, P7, P8 and the
 * east half of P1 in E).
 *
 * <p>The SQL counts cell centres strictly inside the parcels (ST_Contains) and within 610 m of S
 * (ST_DWithin), grouped by GB 50137 major class, medium class, district and each class within each
 * district (GROUPING SETS), and the corner cells per quadrant; it does not call the code under
 * test. The targets are data: V91's rows and three the test adds (R1, district E, CTCC's B in W).
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
            + parcel("P5", "B1", -300, 550, -100, 700)
            + parcel("P6", "B", -700, -700, -600, -600)
            + parcel("P2", "E1", -900, -100, -700, 100)
            + parcel("P7", "G1", 790, -310, 860, -290)
            + parcel("P8", "G1", 790, -410, 885, -390)
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
                INSERT INTO coverage_target (network, operator, land_use_class, district,
                                             threshold_dbm, target_share, source_clause)
                VALUES ('cellular', NULL, 'R1', NULL, -140, 0.5, 'test: a medium class'),
                       ('cellular', NULL, NULL, 'E', -140, 0.8, 'test: a district'),
                       ('cellular', 'CTCC', 'B', 'W', -140, 0.05, 'test: operator, class, district');
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

  /** Cell centres of the stored grid. */
  private static final String CENTRES =
      """
      WITH g AS (SELECT * FROM coverage_grid WHERE valid_to IS NULL),
      c AS (SELECT ST_SetSRID(ST_MakePoint(g.west + (i + 0.5) * g.cell_m,
                                           g.north - (j + 0.5) * g.cell_m), 4544) AS p
            FROM g, generate_series(0, g.width - 1) i, generate_series(0, g.height - 1) j)
      """;

  /**
   * Cell centres of the stored grid strictly inside built-up parcels, with class, coverage and
   * district.
   */
  private static final String CELLS =
      CENTRES
          + """
          SELECT substr(z.land_use_code, 1, 1) AS cls,
                 ST_DWithin(c.p, ST_SetSRID(ST_MakePoint(%s, %s), 4544), 610) AS covered,
                 ST_X(c.p) - %s AS dx, ST_Y(c.p) - %s AS dy, z.parcel_code, d.district_code
          FROM c JOIN zoning_parcel z ON ST_Contains(ST_Force2D(z.geom), c.p)
          LEFT JOIN district d ON ST_Contains(ST_Force2D(d.geom), c.p)
          WHERE z.land_use_code !~ '^E'
          """;

  /**
   * Built-up cells and covered cells per figure: in total, per major class, per medium class (codes
   * of a letter and a digit or more), per district and per class within each district.
   */
  private static final String FIGURES =
      CENTRES
          + """
          , cell AS (
            SELECT left(z.land_use_code, 1) AS major,
                   CASE WHEN length(z.land_use_code) >= 2 THEN left(z.land_use_code, 2) END AS medium,
                   d.district_code AS district,
                   ST_DWithin(c.p, ST_SetSRID(ST_MakePoint(%s, %s), 4544), 610) AS covered
            FROM c JOIN zoning_parcel z ON ST_Contains(ST_Force2D(z.geom), c.p)
            LEFT JOIN district d ON ST_Contains(ST_Force2D(d.geom), c.p)
            WHERE z.land_use_code !~ '^E')
          SELECT coalesce(medium, major, 'all') || '|' || coalesce(district, 'all') AS figure,
                 count(*) AS cells, count(*) FILTER (WHERE covered) AS covered
          FROM cell
          GROUP BY GROUPING SETS ((), (major), (medium), (district), (major, district),
                                  (medium, district))
          HAVING NOT (GROUPING(medium) = 0 AND medium IS NULL)
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

  /** The independent counts: figure ("class|district", "all" for none) → {cells, covered}. */
  private static Map<String, long[]> expectedFigures() throws Exception {
    Map<String, long[]> out = new TreeMap<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(String.format(FIGURES, X, Y))) {
      while (rs.next()) {
        out.put(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)});
      }
    }
    return out;
  }

  private static Map<String, CoverageKpi.Share> figures() throws Exception {
    CoverageKpi.Report r =
        new ReadExecutor(db, Duration.ofMinutes(1)).read(tx -> CoverageKpi.run(tx, 2_500));
    Map<String, CoverageKpi.Share> got = new TreeMap<>();
    for (CoverageKpi.Share s : r.shares()) {
      String key =
          (s.landUseClass() == null ? "all" : s.landUseClass())
              + "|"
              + (s.district() == null ? "all" : s.district());
      assertThat(got.put(key, s)).as("one figure %s", key).isNull();
    }
    return got;
  }

  @Test
  void everyFigureByMajorAndMediumClassAndDistrictEqualsTheIndependentCount() throws Exception {
    Map<String, long[]> expected = expectedFigures();
    Map<String, CoverageKpi.Share> got = figures();
    assertThat(got.keySet())
        .isEqualTo(expected.keySet())
        .containsExactlyInAnyOrder(
            "all|all", "B|all", "B1|all", "G|all", "G1|all", "R|all", "R1|all", "R2|all", "all|E",
            "G|E", "G1|E", "R|E", "R1|E", "R2|E", "all|W", "B|W", "B1|W", "R|W", "R2|W");
    for (Map.Entry<String, long[]> e : expected.entrySet()) {
      CoverageKpi.Share s = got.get(e.getKey());
      assertThat(s.parcelAreaM2()).as(e.getKey()).isEqualTo(e.getValue()[0] * 625.0);
      assertThat(s.coveredAreaM2()).as(e.getKey()).isEqualTo(e.getValue()[1] * 625.0);
      assertThat(s.share()).as(e.getKey()).isEqualTo(e.getValue()[1] / (double) e.getValue()[0]);
      assertThat(s.operator()).isEqualTo("CTCC");
    }
    // by hand: P1 (R2) holds the centres (25i, 25j), |i|, |j| ≤ 19: 1,521; within 610 m those with
    // i² + j² ≤ 595 (24.4² = 595.36): 1,481
    assertThat(got.get("R2|all").parcelAreaM2()).isEqualTo(1_521 * 625.0);
    assertThat(got.get("R2|all").coveredAreaM2()).isEqualTo(1_481 * 625.0);
    // of them east of 12.5 m (i ≥ 1, district E): 19 × 39 = 741, 721 within 610 m
    assertThat(got.get("R2|E").parcelAreaM2()).isEqualTo(741 * 625.0);
    assertThat(got.get("R2|E").coveredAreaM2()).isEqualTo(721 * 625.0);
    // P3 (R1) holds one centre (725, 0), beyond 610 m; P5 (B1) 7 × 5 = 35, of which 4 covered
    // (j = 23, i = −8…−5); P6 (B) 3 × 3 = 9, none covered
    assertThat(got.get("R1|all").parcelAreaM2()).isEqualTo(625.0);
    assertThat(got.get("R1|all").coveredAreaM2()).isZero();
    assertThat(got.get("B1|W").parcelAreaM2()).isEqualTo(35 * 625.0);
    assertThat(got.get("B1|W").coveredAreaM2()).isEqualTo(4 * 625.0);
    assertThat(got.get("B|all").parcelAreaM2()).isEqualTo(44 * 625.0);
    assertThat(got.get("B|all").coveredAreaM2()).isEqualTo(4 * 625.0);
  }

  @Test
  void eachFigureIsMeasuredAgainstTheMostSpecificTargetRow() throws Exception {
    Map<String, CoverageKpi.Share> got = figures();
    // V91: all built-up land 100 %, G 90 %; the test's rows: R1 50 %, district E 80 %, CTCC's B in
    // W 5 %. A medium class takes its major class's row; a class row governs before a district row
    Map<String, Double> target = new TreeMap<>();
    target.putAll(Map.of("all|all", 1.0, "B|all", 1.0, "B1|all", 1.0, "G|all", 0.9));
    target.putAll(Map.of("G1|all", 0.9, "R|all", 1.0, "R1|all", 0.5, "R2|all", 1.0));
    target.putAll(Map.of("all|E", 0.8, "G|E", 0.9, "G1|E", 0.9, "R|E", 0.8, "R1|E", 0.5));
    target.putAll(Map.of("R2|E", 0.8, "all|W", 1.0, "B|W", 0.05, "B1|W", 0.05, "R|W", 1.0));
    target.put("R2|W", 1.0);
    assertThat(got.keySet()).isEqualTo(target.keySet());
    for (Map.Entry<String, Double> e : target.entrySet()) {
      CoverageKpi.Share s = got.get(e.getKey());
      assertThat(s.targetShare()).as(e.getKey()).isEqualTo(e.getValue());
      assertThat(s.thresholdDbm()).isEqualTo(-140);
      assertThat(s.met()).as(e.getKey()).isEqualTo(s.share() >= e.getValue());
    }
    // B1 in W: 4 of 35 cells (11.4 %) meets 5 %; B in W: 4 of 44 (9.1 %) too; R1: 0 of 1 misses 50
    // %
    assertThat(got.get("B1|W").met()).isTrue();
    assertThat(got.get("B|W").met()).isTrue();
    assertThat(got.get("R1|all").met()).isFalse();
    assertThat(got.get("all|all").met()).isFalse();
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
    assertThat(pieces)
        .containsKeys("P1NE", "P1NW", "P1SE", "P1SW", "P3", "P4", "P5", "P6", "P7", "P8");
    assertThat(pieces.get("P3")).isLessThan(2_500);
    List<Long> expected =
        pieces.entrySet().stream()
            .filter(e -> e.getValue() >= 2_500)
            .map(Map.Entry::getValue)
            .sorted((a, b) -> Long.compare(b, a))
            .toList();
    assertThat(expected).hasSize(8);
    // by hand: P5's 31 uncovered cells, P6's 9; the controls P7 (3 cells) and P8 (4 cells)
    assertThat(pieces.get("P5")).isEqualTo(31 * 625L);
    assertThat(pieces.get("P6")).isEqualTo(9 * 625L);
    assertThat(pieces.get("P7")).isEqualTo(1_875L);
    assertThat(pieces.get("P8")).isEqualTo(2_500L);
    CoverageKpi.Report r = kpi(2_500);
    assertThat(r.holes().stream().map(h -> Math.round(h.areaM2())).toList()).isEqualTo(expected);
    for (CoverageKpi.Hole h : r.holes()) {
      assertThat(h.polygon().getArea()).isEqualTo(h.areaM2());
      assertThat(h.operator()).isEqualTo("CTCC");
    }
    // the control at the minimum (P8, 2,500 m²) is a hole, the one just below (P7, 1,875 m²) not
    assertThat(holeAt(r, 825, -400)).isEqualTo(2_500.0);
    assertThat(holeAt(r, 825, -300)).isNull();
    // a minimum 1 m² above P8 drops it and nothing else; one of 1,875 m² adds P7
    CoverageKpi.Report above = kpi(2_501);
    assertThat(above.holes()).hasSize(7);
    assertThat(holeAt(above, 825, -400)).isNull();
    CoverageKpi.Report atP7 = kpi(1_875);
    assertThat(atP7.holes()).hasSize(9);
    assertThat(holeAt(atP7, 825, -300)).isEqualTo(1_875.0);
    // a lower minimum also reports P3's single cell
    assertThat(kpi(600).holes()).hasSize(10);
  }

  private static CoverageKpi.Report kpi(double minHoleAreaM2) throws Exception {
    return new ReadExecutor(db, Duration.ofMinutes(1))
        .read(tx -> CoverageKpi.run(tx, minHoleAreaM2));
  }

  /** The area of the reported hole holding the point (dx, dy) from S, m², or null. */
  private static Double holeAt(CoverageKpi.Report r, double dx, double dy) {
    Point p = new GeometryFactory().createPoint(new Coordinate(X + dx, Y + dy));
    return r.holes().stream()
        .filter(h -> h.polygon().contains(p))
        .map(CoverageKpi.Hole::areaM2)
        .findFirst()
        .orElse(null);
  }
}
