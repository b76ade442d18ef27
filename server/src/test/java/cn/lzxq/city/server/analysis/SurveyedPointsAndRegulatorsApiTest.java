package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Cross-section and excavation at manholes and wells (a line or pit through a surveyed point), duct
 * banks labelled W×H, the excavation protection buffer, and gas regulators as pressure-level
 * boundaries in valve isolation — on the worked-example fixture (analysis/fixture.sql).
 */
class SurveyedPointsAndRegulatorsApiTest extends AnalysisApiTestBase {

  @Test
  void aSectionThroughAValveListsTheMainOnceWithTheSurveyedGround() throws Exception {
    // x = 30 from y = −5 to 5 passes through valve JS2 (30, 0), where s1 and s2 meet, and crosses
    // storm B (y = 1.2): the main is listed once. The ground at a surveyed point is its surveyed
    // value (ground_elev_at divided by zero there: every such section answered 500).
    assertThat(Sql.strings(db, "SELECT ground_elev_at(fx_pt(30, 0, 0), now())"))
        .containsExactly("1950");
    JsonNode r = getJson("/api/analysis/cross-section?line=" + lonLatLine(30, -5, 30, 5));
    List<Long> fids = r.get("pipes").findValues("fid").stream().map(JsonNode::asLong).toList();
    assertThat(fids).hasSize(2);
    assertThat(fids.get(0)).isIn(fid("s1"), fid("s2"));
    assertThat(fids.get(1)).isEqualTo(fid("B"));
    assertThat(r.at("/pipes/0/chainageM").asDouble())
        .isEqualTo(5.0, org.assertj.core.data.Offset.offset(0.001));
    assertThat(r.at("/pipes/0/groundM").asDouble()).isEqualTo(1950.0);
    assertThat(
            r.get("ground").findValues("groundM").stream()
                .map(JsonNode::asDouble)
                .distinct()
                .toList())
        .containsExactly(1950.0);
  }

  @Test
  void aDuctBankIsLabelledWidthByHeight() throws Exception {
    // The telecom duct bank (400 × 300 mm, x 100..300 along y = 4): in the section SVG and in an
    // excavation.
    String svg = get("/api/analysis/cross-section?f=svg&line=" + lonLatLine(200, 0, 200, 8)).body();
    assertThat(svg).contains("400×300").doesNotContain("DN400");
    JsonNode pit = excavation(polygon(195, 2, 205, 2, 205, 6, 195, 6), 2.0, null);
    assertThat(pit.at("/hits/0/fid").asLong()).isEqualTo(fid("duct"));
    assertThat(pit.at("/hits/0/label").asString()).isEqualTo("400×300");
  }

  @Test
  void aPitAroundAValveAnswersWithTheGroundAlongItsEdge() throws Exception {
    // A pit x 25..35, y −3..3 around valve JS2 (ground 1950.0 surveyed there and everywhere).
    JsonNode r = excavation(polygon(25, -3, 35, -3, 35, 3, 25, 3), 2.0, null);
    assertThat(r.get("groundM").asDouble()).isEqualTo(1950.0);
    assertThat(r.get("groundMaxM").asDouble()).isEqualTo(1950.0);
    assertThat(r.get("hits").findValuesAsString("label")).contains("DN300", "JS2 阀门");
    assertThat(r.get("hits").findValues("fid").stream().map(JsonNode::asLong).toList())
        .contains(fid("s1"), fid("s2"), pointFid("JS2"));
  }

  @Test
  void theProtectionBufferListsPipesNearThePitWithTheirDistance() throws Exception {
    // Pit x 10..15, y −3..3. Power DL runs along x = 20 (conduit DN 100, half width 0.05 m): its
    // outer wall is 20 − 0.05 − 15 = 4.95 m from the pit edge. Buffer 4.96 m: near, 4.95 m;
    // 4.94 m: not listed; the default (analysis_setting excavation_protection_m = 3 m): not listed.
    String pit = polygon(10, -3, 15, -3, 15, 3, 10, 3);
    JsonNode near = excavation(pit, 2.0, 4.96);
    assertThat(near.get("nearPipes").findValues("fid").stream().map(JsonNode::asLong).toList())
        .containsExactly(fid("DL"));
    assertThat(near.at("/nearPipes/0/distanceM").asDouble()).isEqualTo(4.95);
    assertThat(near.at("/nearPipes/0/label").asString()).isEqualTo("DN100");
    assertThat(near.get("contacts").findValuesAsString("code")).contains("DLGS");
    assertThat(near.at("/protection/value").asDouble()).isEqualTo(4.96);
    assertThat(excavation(pit, 2.0, 4.94).get("nearPipes")).isEmpty();
    JsonNode byDefault = excavation(pit, 2.0, null);
    assertThat(byDefault.get("nearPipes")).isEmpty();
    assertThat(byDefault.at("/protection/value").asDouble()).isEqualTo(3.0);
    assertThat(
            post(
                    "/api/analysis/excavation",
                    "{\"geometry\":" + pit + ",\"depth\":2,\"bufferM\":-1}")
                .statusCode())
        .isEqualTo(400);
  }

  @Test
  void aRegulatorBoundsTheIsolationToTheBurstPressureLevel() throws Exception {
    // A gas line at y = −200: G1 —SHB— GV1 (valve) —SHB— GR (调压箱) —MA— GV2 (valve) —MA— G2.
    Sql.exec(
        db,
        """
        INSERT INTO pipe_point (network, subtype, exp_no, feature, appurtenance, feature_code, ground_elev_m, operable, owner, geom, valid_from) VALUES
          ('RQ', 'TR', 'G1', '直线点', NULL, '53031101', 1950, true, 'RQGS', fx_pt(0, -200, 1950), '2015-01-01'),
          ('RQ', 'TR', 'GV1', NULL, '阀门', '53032204', 1950, true, 'RQGS', fx_pt(20, -200, 1950), '2015-01-01'),
          ('RQ', 'TR', 'GR', NULL, '调压箱', '53032206', 1950, true, 'RQGS', fx_pt(40, -200, 1950), '2015-01-01'),
          ('RQ', 'TR', 'GV2', NULL, '阀门', '53032204', 1950, true, 'RQGS', fx_pt(60, -200, 1950), '2015-01-01'),
          ('RQ', 'TR', 'G2', '直线点', NULL, '53031101', 1950, true, 'RQGS', fx_pt(80, -200, 1950), '2015-01-01');
        INSERT INTO pipe_segment (network, subtype, feature_code, start_point, end_point, start_depth_m, end_depth_m, depth_ref,
                                  dn_mm, material, laying, pressure_class, owner, geom, valid_from, remarks) VALUES
          ('RQ', 'TR', '53031000', 'G1', 'GV1', 1.5, 1.5, 'top', 200, 'G', 'ZM', 'SHB', 'RQGS', fx_line(0, -200, 1948.5, 20, -200, 1948.5), '2015-01-01', 'g1'),
          ('RQ', 'TR', '53031000', 'GV1', 'GR', 1.5, 1.5, 'top', 200, 'G', 'ZM', 'SHB', 'RQGS', fx_line(20, -200, 1948.5, 40, -200, 1948.5), '2015-01-01', 'g2'),
          ('RQ', 'TR', '53031000', 'GR', 'GV2', 1.5, 1.5, 'top', 150, 'PE', 'ZM', 'MA', 'RQGS', fx_line(40, -200, 1948.5, 60, -200, 1948.5), '2015-01-01', 'g3'),
          ('RQ', 'TR', '53031000', 'GV2', 'G2', 1.5, 1.5, 'top', 150, 'PE', 'ZM', 'MA', 'RQGS', fx_line(60, -200, 1948.5, 80, -200, 1948.5), '2015-01-01', 'g4');
        """);
    try {
      // A sub-high-pressure B burst between GV1 and the regulator closes GV1 only: not the medium-A
      // valve GV2.
      JsonNode shb = getJson("/api/analysis/valve-isolation?fid=" + fid("g2"));
      assertThat(shb.get("pressureClass").asString()).isEqualTo("SHB");
      assertThat(shb.get("valvesToClose").findValues("fid").stream().map(JsonNode::asLong).toList())
          .containsExactly(pointFid("GV1"));
      assertThat(
              shb.at("/valvesByPressureClass/SHB").findValues("fid").stream()
                  .map(JsonNode::asLong)
                  .toList())
          .containsExactly(pointFid("GV1"));
      assertThat(shb.get("valvesByPressureClass").has("MA")).isFalse();
      assertThat(shb.get("regulators").findValues("fid").stream().map(JsonNode::asLong).toList())
          .containsExactly(pointFid("GR"));
      assertThat(
              shb.get("isolatedSegments").findValues("fid").stream().map(JsonNode::asLong).toList())
          .containsExactly(fid("g2"));
      // A medium-A burst beyond the regulator closes GV2 only.
      JsonNode ma = getJson("/api/analysis/valve-isolation?fid=" + fid("g3"));
      assertThat(ma.get("valvesToClose").findValues("fid").stream().map(JsonNode::asLong).toList())
          .containsExactly(pointFid("GV2"));
      assertThat(ma.at("/valvesByPressureClass/MA/0/fid").asLong()).isEqualTo(pointFid("GV2"));
      assertThat(ma.get("regulators")).hasSize(1);
    } finally {
      Sql.exec(
          db,
          "DELETE FROM pipe_segment WHERE remarks IN ('g1', 'g2', 'g3', 'g4'); "
              + "DELETE FROM pipe_point WHERE exp_no IN ('G1', 'GV1', 'GR', 'GV2', 'G2')");
    }
  }

  private JsonNode excavation(String pit, double depth, Double bufferM) throws Exception {
    HttpResponse<String> r =
        post(
            "/api/analysis/excavation",
            "{\"geometry\":"
                + pit
                + ",\"depth\":"
                + depth
                + (bufferM == null ? "" : ",\"bufferM\":" + bufferM)
                + "}");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  private static String lonLatLine(double x1, double y1, double x2, double y2) throws Exception {
    double[] a = lonLat(x1, y1);
    double[] b = lonLat(x2, y2);
    return a[0] + "," + a[1] + "," + b[0] + "," + b[1];
  }
}
