package cn.lzxq.city.data.analysis.zoning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.lzxq.city.data.analysis.common.AnalysisDb;
import cn.lzxq.city.data.analysis.common.Scope;
import cn.lzxq.city.data.analysis.common.ScopeResolver;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Zoning compliance against values worked out by hand: five 100 m × 100 m parcels (area 10,000 m²)
 * with buildings just at and just past their height limit, floor-area ratio and coverage. A value
 * equal to its limit complies; only the three just past it are findings.
 */
class ZoningComplianceTest {

  private static HikariDataSource db;

  @BeforeAll
  static void fixture() throws Exception {
    db = TestDatabase.freshSchema("ZoningComplianceTest");
    Sql.exec(
        db,
        """
        CREATE FUNCTION t_box(x0 float8, y0 float8, w float8, h float8) RETURNS geometry LANGUAGE sql AS
          $$ SELECT ST_Multi(ST_Force3DZ(ST_MakeEnvelope(383000 + x0, 4041000 + y0, 383000 + x0 + w,
                                                         4041000 + y0 + h, 4544), 1950)) $$;
        INSERT INTO zoning_parcel (parcel_code, land_use_code, land_use_name, area_m2, max_far, max_coverage_pct,
                                   height_limit_m, geom) VALUES
          ('P1', 'R2', '二类居住用地', 10000, 1.5, 30, 24, t_box(0, 0, 100, 100)),
          ('P2', 'B1', '商业用地', 10000, 1.0, 30, 60, t_box(200, 0, 100, 100)),
          ('P3', 'B1', '商业用地', 10000, 1.0, 30, 60, t_box(400, 0, 100, 100)),
          ('P4', 'M1', '一类工业用地', 10000, 1.5, 30, 30, t_box(600, 0, 100, 100)),
          ('P5', 'M1', '一类工业用地', 10000, 1.5, 30, 30, t_box(800, 0, 100, 100));
        INSERT INTO building (building_code, building_use, floors, height_m, status, geom) VALUES
          -- P1: 2,000 m² × 6 floors, 18 m; 100 m² at exactly 24 m (no floors: 24 / 3 = 8 counted);
          -- 110 m² × 2 floors at 24.01 m: FAR (12,000 + 800 + 220) / 10,000 = 1.302 ≤ 1.5, coverage 22.1 %
          ('P1-A', 'residential', 6, 18, 'existing', t_box(10, 10, 40, 50)),
          ('P1-B', 'residential', NULL, 24, 'existing', t_box(60, 10, 10, 10)),
          ('P1-C', 'residential', 2, 24.01, 'planned', t_box(60, 30, 10, 11)),
          -- P2: 2,000 m² × 5 = FAR 1.000 exactly; P3: 2,010 m² × 5 = FAR 1.005
          ('P2-A', 'commercial', 5, 15, 'existing', t_box(210, 10, 50, 40)),
          ('P3-A', 'commercial', 5, 15, 'existing', t_box(410, 10, 50, 40.2)),
          -- P4: 3,000 m² on one floor = coverage 30.00 %; P5: 3,012 m² = 30.12 %
          ('P4-A', 'industrial', 1, 8, 'existing', t_box(610, 10, 60, 50)),
          ('P5-A', 'industrial', 1, 8, 'existing', t_box(810, 10, 60, 50.2)),
          -- demolished: 80 m high and 4,000 m², counted nowhere
          ('P5-X', 'industrial', 20, 80, 'demolished', t_box(810, 62, 80, 30))""");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void findsExactlyTheBuildingAndParcelsPastTheirLimits() {
    ZoningResults.Compliance answer =
        new AnalysisDb(new ReadExecutor(db, Duration.ofSeconds(30)), 4544)
            .run(
                Duration.ofSeconds(30),
                s ->
                    Compliance.check(
                        s,
                        ScopeResolver.resolve(
                            s, Scope.everything(null), Double.POSITIVE_INFINITY)));

    assertThat(answer.parcelsChecked()).isEqualTo(5);
    assertThat(answer.buildingsChecked()).as("the demolished one left out").isEqualTo(7);
    assertThat(answer.findings())
        .extracting(
            ComplianceFinding::kind,
            ComplianceFinding::code,
            ComplianceFinding::parcelCode,
            ComplianceFinding::measured,
            ComplianceFinding::allowed,
            ComplianceFinding::buildings)
        .containsExactly(
            tuple("building_height", "P1-C", "P1", 24.01, 24.0, 1L),
            tuple("parcel_coverage", "P5", "P5", 30.12, 30.0, 1L),
            tuple("parcel_far", "P3", "P3", 1.005, 1.0, 1L));
    assertThat(answer.findings().get(2).floorAreaM2()).isEqualTo(10050.0);
  }
}
