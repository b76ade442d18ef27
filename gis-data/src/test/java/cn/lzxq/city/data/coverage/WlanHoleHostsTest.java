package cn.lzxq.city.data.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.data.analysis.common.AnalysisDb;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Scope;
import cn.lzxq.city.data.analysis.common.ScopeResolver;
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
 * The mounts ranked for a new access point in a WLAN hole, against numbers worked by hand.
 *
 * <p>The hole: a strip 200 × 50 m of the WLAN layer (x −100…100, y −25…25 around O), threshold −75
 * dBm; its interior point is O. The access points in use are A1 (outdoor, 2.4 GHz, 18 dBm), A2
 * (outdoor, 2.4 GHz, 20 dBm) and A3 (indoor, 5 GHz, 25 dBm); A4 (30 dBm) is abandoned. The typical
 * new access point: the median EIRP 20 dBm on the band most use, 2.4 GHz (channel 6, 2,437 MHz). 20
 * − (−75) = 95 dB of ITU-R P.1411 NLoS: 10^((95 − 19.330) / 40) = 77.939 m in 3D (worked in {@link
 * WlanPathLossTest}); receiver 1.5 m: from 6 m up √(77.939² − 4.5²) = 77.809 m, from 4 m up
 * √(77.939² − 2.5²) = 77.899 m.
 *
 * <p>The mounts (new access point 6 m up, or the top of a lower one):
 *
 * <ul>
 *   <li>P1, a street-light pole (灯杆, a base-station site) 15 m high at (0, 60), 35 m north of the
 *       strip: reach 77.809 m;
 *   <li>T1, a telecom tower (单管塔) 40 m high at (140, 0), 40 m east of its end: reach 77.809 m;
 *   <li>B1, a building 12 m high, 20 × 20 m at x 150…170, y −10…10: on its wall nearest O, (150,
 *       0), 50 m east of the end: reach 77.809 m;
 *   <li>B2, a building 4 m high inside the strip at x −60…−40, y −10…10: on its wall at (−40, 0),
 *       mounted at its 4 m top: reach 77.899 m;
 *   <li>A1, the pole of the outdoor access point at (−130, 0), 30 m west of the end: reach 77.809
 *       m;
 *   <li>not mounts: A2 at (0, −120) (95 m from the strip, beyond reach), A3 (indoor), A4
 *       (abandoned), a planned building B3, an existing building B4 100 m east of the end, and a
 *       110 kV power tower at (0, 40) (no public access point under live lines).
 * </ul>
 *
 * Covered area = the strip within the reach r of the mount. With I(a, b) = ∫ₐᵇ √(r² − u²) du =
 * ½[u√(r² − u²) + r²·asin(u/r)]ₐᵇ: P1 (across the strip's length, chords narrower than its 200 m):
 * 2·I(35, 77.809) = 4,253.06 m². Beyond an end at a (the chord 2√(r² − u²) is the full 50 m up to k
 * = √(r² − 25²) = 73.683 m): 50·(k − a) + 2·I(k, r) with 2·I(73.683, 77.809) = 138.27: T1 (a = 40)
 * 1,822.44, B1 (a = 50) 1,322.44, A1 (a = 30) 2,322.44 m². B2 inside (r = 77.899, k = 73.778): 60 m
 * to the west end at 50 m, 73.778 m east at 50 m, then 2·I(73.778, 77.899) = 138.10: 3,000 +
 * 3,688.92 + 138.10 = 6,827.02 m². Ranked: B2, P1, A1, T1, B1.
 */
class WlanHoleHostsTest {

  private static final double X = 384_012.5;
  private static final double Y = 4_040_012.5;
  private static HikariDataSource db;
  private static List<HoleHosts.Host> hosts;

  @BeforeAll
  static void scenario() throws Exception {
    db = TestDatabase.freshSchema("WlanHoleHosts");
    StringBuilder sql =
        new StringBuilder(
            """
            INSERT INTO organization (code, name, kind) VALUES ('CTCC', '中国电信', 'operator'),
              ('CTT', '中国铁塔', 'tower'), ('SGCC', '国家电网', 'utility');
            """);
    sql.append(site("P1", "灯杆", 15, 0, 60))
        .append(site("T1", "单管塔", 40, 140, 0))
        .append(building("B1", 12, "existing", 150, -10, 170, 10))
        .append(building("B2", 4, "existing", -60, -10, -40, 10))
        .append(building("B3", 20, "planned", 110, -10, 120, 10))
        .append(building("B4", 20, "existing", 200, -10, 220, 10))
        .append(accessPoint("A1", "2.4GHz", 18, "outdoor", "in_use", -130, 0))
        .append(accessPoint("A2", "2.4GHz", 20, "outdoor", "in_use", 0, -120))
        .append(accessPoint("A3", "5GHz", 25, "indoor", "in_use", 0, 10))
        .append(accessPoint("A4", "2.4GHz", 30, "outdoor", "abandoned", 50, 0))
        .append(
            String.format(
                """
                INSERT INTO power_tower (tower_code, line_name, voltage_kv, tower_height_m, owner,
                  status, geom)
                VALUES ('PT1', 'line PT1', 110, 36, 'SGCC', 'in_use',
                        ST_Multi(ST_Force3D(ST_MakeEnvelope(%s, %s, %s, %s, 4544))));
                """,
                X - 5, Y + 35, X + 5, Y + 45));
    Sql.exec(db, sql.toString());
    GeometryFactory f = new GeometryFactory();
    CoverageKpi.Hole hole =
        new CoverageKpi.Hole(
            "WLAN",
            "",
            10_000,
            f.toGeometry(new Envelope(X - 100, X + 100, Y - 25, Y + 25)),
            -75,
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

  private static String site(String code, String type, double heightM, double dx, double dy) {
    return String.format(
        """
        INSERT INTO base_station (site_code, site_name, area_type, tower_type, tower_height_m,
          ground_elev_m, sharing_status, tenants, owner, geom)
        VALUES ('%s', '%s', 'urban', '%s', %s, 0, 'sole', '{CTCC}', 'CTT',
                ST_SetSRID(ST_MakePoint(%s, %s, 0), 4544));
        """,
        code, code, type, heightM, X + dx, Y + dy);
  }

  private static String building(
      String code, double heightM, String status, double x0, double y0, double x1, double y1) {
    return String.format(
        """
        INSERT INTO building (building_code, building_use, height_m, status, geom)
        VALUES ('%s', 'commercial', %s, '%s',
                ST_Multi(ST_Force3D(ST_MakeEnvelope(%s, %s, %s, %s, 4544))));
        """,
        code, heightM, status, X + x0, Y + y0, X + x1, Y + y1);
  }

  private static String accessPoint(
      String code,
      String band,
      double eirpDbm,
      String placement,
      String status,
      double dx,
      double dy) {
    return String.format(
        """
        INSERT INTO wlan_ap (ap_code, ssid, operator, band, mount_height_m, eirp_dbm, placement,
          status, geom)
        VALUES ('%s', 'i-LanzhouNewArea', 'CTCC', '%s', 6, %s, '%s', '%s',
                ST_SetSRID(ST_MakePoint(%s, %s, 0), 4544));
        """,
        code, band, eirpDbm, placement, status, X + dx, Y + dy);
  }

  @Test
  void mountsRankByTheHoleAreaANewAccessPointOnThemWouldCover() {
    assertThat(hosts)
        .extracting(h -> h.rank() + " " + h.candidate().siteCode() + " " + h.layer())
        .containsExactly(
            "1 B2 building",
            "2 P1 base_station",
            "3 A1 wlan_ap",
            "4 T1 base_station",
            "5 B1 building");
    double[] areas = {6_827.02, 4_253.06, 2_322.44, 1_822.44, 1_322.44};
    for (int i = 0; i < areas.length; i++) {
      // the disc is a polygon of 128 segments inscribed in the circle: a little less, within 0.1 %
      assertThat(hosts.get(i).coveredAreaM2())
          .as(hosts.get(i).candidate().siteCode())
          .isLessThanOrEqualTo(areas[i] + 0.01)
          .isCloseTo(areas[i], within(areas[i] * 1e-3));
    }
  }

  @Test
  void eachMountCarriesItsReachHeightTypeAndPlace() {
    for (HoleHosts.Host h : hosts) {
      boolean low = h.candidate().siteCode().equals("B2");
      assertThat(h.antennaHeightM()).isEqualTo(low ? 4.0 : 6.0);
      assertThat(h.reachM()).isCloseTo(low ? 77.899 : 77.809, within(0.001));
      assertThat(h.candidate().canHost()).isTrue();
      assertThat(h.candidate().geometry().json()).contains("\"Point\"");
    }
    assertThat(hosts)
        .extracting(h -> h.candidate().siteCode() + " " + h.candidate().towerType())
        .contains("P1 灯杆", "T1 单管塔", "B1 建筑外墙", "B2 建筑外墙", "A1 热点杆");
    // distances from O to the mount points: B2's wall at 40 m, P1 60, A1 130, T1 140, B1's wall 150
    assertThat(hosts)
        .extracting(h -> h.candidate().distanceM())
        .containsExactly(40.0, 60.0, 130.0, 140.0, 150.0);
  }
}
