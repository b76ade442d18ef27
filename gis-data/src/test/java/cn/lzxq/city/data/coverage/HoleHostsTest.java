package cn.lzxq.city.data.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.data.analysis.common.AnalysisDb;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Scope;
import cn.lzxq.city.data.analysis.common.ScopeResolver;
import cn.lzxq.city.data.analysis.tower.Check;
import cn.lzxq.city.data.analysis.tower.PowerTowerHosts;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;

/**
 * The towers and power towers ranked for a coverage hole, against numbers worked by hand.
 *
 * <p>The hole: a CTCC n78 strip 1,400 × 20 m (x −700…700, y −10…10 m around O), threshold −110 dBm;
 * its interior point is O. The operator's typical sector: the median of its two sectors' EIRP (58
 * and 62 dBm) = 60 dBm at 3,500 MHz, 25 m up, receiver 1.5 m; N_RB 273 (10·log10(12·273) = 35.153
 * dB). NLOS reach (TR 38.901 UMa NLOS', 13.54 + 39.08·log10 d3D + 20·log10 3.5, above the LOS loss
 * there): at 660 m d3D = 660.418 m, PL 134.620 dB, RSRP 60 − 35.153 − 134.620 = −109.773 dBm
 * (reached); at 670 m d3D = 670.412 m, PL 134.875 dB, RSRP −110.028 dBm (not): reach 660 m. From 18
 * m up: at 660 m d3D = 660.206 m, RSRP −109.768 dBm; at 670 m d3D = 670.203 m, −110.023 dBm: reach
 * 660 m too (NLOS' depends on the antenna height only through d3D).
 *
 * <p>The sites are suburban (search radius 250 m, site_rule 15; at most 3 tenants, site_rule 17):
 *
 * <ul>
 *   <li>B1, a telecom tower at (200, 0), 40 m, tenant CMCC: can host;
 *   <li>B2 at (0, 100), 40 m, tenants CMCC, CUCC, CBN: three tenants, cannot host;
 *   <li>B3, a street-light pole (灯杆) at (0, 200), 18 m, tenant CMCC: too short for 25 m, so judged
 *       again with the antenna at its 18 m top: can host;
 *   <li>T1, a 110 kV power tower at (−150, 0), 36 m: room up to 36 − 1.5 = 34.5 m ≥ 25: can host;
 *   <li>T2, 220 kV at (0, −50), 28.0 m: 28.0 − 3.0 = 25.0 m, just enough: can host;
 *   <li>T3, 220 kV at (100, 50), 27.9 m: 24.9 m, just short: cannot host;
 *   <li>T4, 110 kV at (0, 300): beyond the search radius; T5, abandoned, at (50, 0): not in use.
 * </ul>
 *
 * Covered area = the strip within 660 m of the tower. With I(a, b) = ∫ₐᵇ √(660² − u²) du =
 * ½[u√(660² − u²) + 660²·asin(u/660)]ₐᵇ (u the distance across the strip from the tower's line): on
 * the axis I(−10, 10) = 13,199.49 m² per side; a side whose chord passes the strip's end adds 20 m
 * × the distance to the end instead. B1: 20·500 + 13,199.49 = 23,199.49; T1: 20·550 + 13,199.49 =
 * 24,199.49; T2: 2·I(40, 60) = 26,323.11; B3: 2·I(190, 210) = 25,157.53; B2: 2·I(90, 110) =
 * 26,094.16; T3: 20·600 + I(40, 60) = 25,161.56 m². Ranked, those that can host first: T2, B3, T1,
 * B1, then B2, T3.
 */
class HoleHostsTest {

  private static final double X = 384_012.5;
  private static final double Y = 4_040_012.5;
  private static HikariDataSource db;
  private static List<HoleHosts.Host> hosts;

  @BeforeAll
  static void scenario() throws Exception {
    db = TestDatabase.freshSchema("HoleHosts");
    StringBuilder sql =
        new StringBuilder(
            """
            INSERT INTO organization (code, name, kind) VALUES ('CTCC', '中国电信', 'operator'),
              ('CMCC', '中国移动', 'operator'), ('CUCC', '中国联通', 'operator'),
              ('CBN', '中国广电', 'operator'), ('CTT', '中国铁塔', 'tower'),
              ('SGCC', '国家电网', 'utility');
            """);
    sql.append(site("B1", "单管塔", 40, 200, 0, "CMCC"))
        .append(site("B2", "单管塔", 40, 0, 100, "CMCC", "CUCC", "CBN"))
        .append(site("B3", "灯杆", 18, 0, 200, "CMCC"))
        .append(site("S9", "单管塔", 40, 3_000, 3_000, "CTCC"))
        .append(sector(1, 58))
        .append(sector(2, 62))
        .append(powerTower("T1", 110, 36, -150, 0, "in_use"))
        .append(powerTower("T2", 220, 28.0, 0, -50, "in_use"))
        .append(powerTower("T3", 220, 27.9, 100, 50, "in_use"))
        .append(powerTower("T4", 110, 36, 0, 300, "in_use"))
        .append(powerTower("T5", 110, 36, 50, 0, "abandoned"));
    Sql.exec(db, sql.toString());
    GeometryFactory f = new GeometryFactory();
    CoverageKpi.Hole hole =
        new CoverageKpi.Hole(
            "CTCC",
            "n78",
            28_000,
            f.toGeometry(new Envelope(X - 700, X + 700, Y - 10, Y + 10)),
            -110,
            null);
    assertThat(hole.polygon().getInteriorPoint().getCoordinate()).isEqualTo(new Coordinate(X, Y));
    AnalysisDb analysis = new AnalysisDb(new ReadExecutor(db, Duration.ofMinutes(1)), 4544);
    hosts =
        analysis.run(
            Duration.ofMinutes(1),
            s -> {
              ResolvedScope now =
                  ScopeResolver.resolve(s, Scope.everything(null), Double.POSITIVE_INFINITY);
              return HoleHosts.rank(
                  s, now, hole, new CoverageSettings(25, 1.5, 2_000, 9, 0.5, false));
            });
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static String site(
      String code, String type, double heightM, double dx, double dy, String... tenants) {
    return String.format(
        """
        INSERT INTO base_station (site_code, site_name, area_type, tower_type, tower_height_m,
          ground_elev_m, sharing_status, tenants, owner, geom)
        VALUES ('%s', '%s', 'suburban', '%s', %s, 0, 'sole', '{%s}', 'CTT',
                ST_SetSRID(ST_MakePoint(%s, %s, 0), 4544));
        """,
        code, code, type, heightM, String.join(",", tenants), X + dx, Y + dy);
  }

  private static String sector(int no, double eirpDbm) {
    return String.format(
        """
        INSERT INTO antenna_sector (site_code, sector_no, operator, technology, band,
          frequency_mhz, azimuth_deg, mech_tilt_deg, elec_tilt_deg, antenna_height_m,
          h_beamwidth_deg, v_beamwidth_deg, gain_dbi, eirp_dbm, geom)
        VALUES ('S9', %d, 'CTCC', 'NR', 'n78', 3500, %d, 0, 6, 25, 65, 6.5, 24, %s,
                ST_SetSRID(ST_MakePoint(%s, %s, 25), 4544));
        """,
        no, no * 120, eirpDbm, X + 3_000, Y + 3_000);
  }

  /** A tower whose foundation is a 10 × 10 m square centred on (dx, dy) from O. */
  private static String powerTower(
      String code, double kv, double heightM, double dx, double dy, String status) {
    return String.format(
        """
        INSERT INTO power_tower (tower_code, line_name, voltage_kv, tower_height_m, owner, status,
          geom)
        VALUES ('%s', 'line %s', %s, %s, 'SGCC', '%s',
                ST_Multi(ST_Force3D(ST_MakeEnvelope(%s, %s, %s, %s, 4544))));
        """,
        code, code, kv, heightM, status, X + dx - 5, Y + dy - 5, X + dx + 5, Y + dy + 5);
  }

  private static Check check(HoleHosts.Host h, String name) {
    return h.candidate().checks().stream().filter(c -> c.name().equals(name)).findFirst().get();
  }

  @Test
  void towersAndPowerTowersAreRankedThoseThatCanHostFirstByTheHoleAreaTheyWouldCover() {
    assertThat(hosts)
        .extracting(h -> h.candidate().siteCode())
        .containsExactly("T2", "B3", "T1", "B1", "B2", "T3");
    assertThat(hosts).extracting(HoleHosts.Host::rank).containsExactly(1, 2, 3, 4, 5, 6);
    assertThat(hosts)
        .extracting(HoleHosts.Host::layer)
        .containsExactly(
            "power_tower",
            "base_station",
            "power_tower",
            "base_station",
            "base_station",
            "power_tower");
    assertThat(hosts)
        .extracting(h -> h.candidate().canHost())
        .containsExactly(true, true, true, true, false, false);
    assertThat(hosts)
        .extracting(HoleHosts.Host::antennaHeightM)
        .containsExactly(25.0, 18.0, 25.0, 25.0, 25.0, 25.0);
    // the disc is a 128-gon: at most 0.2 m short of 660 m, ≤ 8 m² per host
    double[] byHand = {26_323.11, 25_157.53, 24_199.49, 23_199.49, 26_094.16, 25_161.56};
    for (int i = 0; i < byHand.length; i++) {
      assertThat(hosts.get(i).coveredAreaM2())
          .as(hosts.get(i).candidate().siteCode())
          .isCloseTo(byHand[i], within(10.0));
      assertThat(hosts.get(i).reachM()).isEqualTo(660.0);
    }
  }

  @Test
  void aPowerTowerHostsWhenTheAntennaStaysItsVoltageClassSafetyDistanceBelowTheTop() {
    HoleHosts.Host t1 = hosts.get(2);
    HoleHosts.Host t2 = hosts.get(0);
    HoleHosts.Host t3 = hosts.get(5);
    assertThat(t2.candidate().towerType()).isEqualTo(PowerTowerHosts.TOWER_TYPE);
    assertThat(t2.candidate().tenants()).isEmpty();
    assertThat(t2.candidate().distanceM()).isEqualTo(50.0);
    assertThat(t3.candidate().distanceM()).isCloseTo(111.80, within(0.01));
    // GB 26859-2011 Table 1: 110 kV 1.5 m, 220 kV 3.0 m
    assertThat(check(t1, "live_clearance").rule().value()).isEqualTo(1.5);
    assertThat(check(t2, "live_clearance").rule().value()).isEqualTo(3.0);
    assertThat(check(t2, "live_clearance").rule().table()).isEqualTo("power_tower_mount_rule");
    assertThat(check(t2, "live_clearance").ok()).isTrue();
    assertThat(check(t3, "live_clearance").ok()).isFalse();
    assertThat(check(t3, "live_clearance").detail()).contains("24.90 m");
    assertThat(check(t3, "zoning").ok()).isTrue();
    // B2 fails on its tenants only
    HoleHosts.Host b2 = hosts.get(4);
    assertThat(b2.candidate().checks())
        .filteredOn(c -> !c.ok())
        .extracting(Check::name)
        .containsExactly("tenants");
  }

  @Test
  void aStreetLightPoleOffersItsTopWhenOnlyItsHeightFallsShort() {
    HoleHosts.Host b3 = hosts.get(1);
    assertThat(b3.candidate().towerType()).isEqualTo("灯杆");
    assertThat(b3.candidate().canHost()).isTrue();
    assertThat(check(b3, "height").detail()).contains("antenna needs 18.0 m");
    assertThat(b3.reachM()).isEqualTo(660.0);
  }
}
