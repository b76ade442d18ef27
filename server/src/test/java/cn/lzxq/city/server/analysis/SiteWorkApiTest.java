package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Excavation impact, cross-section and longitudinal profile on the worked-example fixture. */
class SiteWorkApiTest extends AnalysisApiTestBase {

  @Test
  void excavationHitsThePipesAboveThePitBottomAndNamesWhoToCall() throws Exception {
    // A 10 m × 10 m pit (x 45..55, y −5..5), 2.0 m deep: ground 1950.0 → bottom 1948.0.
    // Water s2 (top 1948.30) and telecom TX (top 1949.05) are above the bottom: hit. Storm B
    // (concrete DN 200, outer top 1947.00 + 0.20 + wall 0.03 = 1947.23) passes 0.77 m below.
    // Hydrant XF1 at (52, −3) stands in the pit.
    // Earthwork 10 × 10 × 2.0 = 200 m³. The pit lies in road parcel LZXQ-S1-01 (100 m² of it).
    String body = "{\"geometry\":" + polygon(45, -5, 55, -5, 55, 5, 45, 5) + ",\"depth\":2.0}";
    HttpResponse<String> response = post("/api/analysis/excavation", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode r = JSON.readTree(response.body());
    assertThat(r.get("pitAreaM2").asDouble())
        .isEqualTo(100.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(r.get("groundM").asDouble()).isEqualTo(1950.0);
    assertThat(r.get("bottomM").asDouble()).isEqualTo(1948.0);
    assertThat(r.get("earthworkM3").asDouble())
        .isEqualTo(200.0, org.assertj.core.data.Offset.offset(0.02));
    assertThat(r.get("hits").findValuesAsString("kind")).containsExactly("pipe", "pipe", "point");
    assertThat(r.at("/hits/0/fid").asLong()).isEqualTo(fid("s2"));
    assertThat(r.at("/hits/0/topM").asDouble()).isEqualTo(1948.3);
    assertThat(r.at("/hits/0/lengthInPitM").asDouble()).isEqualTo(10.0);
    assertThat(r.at("/hits/1/fid").asLong()).isEqualTo(fid("TX"));
    assertThat(r.at("/hits/2/label").asString()).isEqualTo("XF1 消防栓");
    assertThat(r.get("passingBelow").get(0).asLong()).isEqualTo(fid("B"));
    assertThat(r.get("contacts").findValuesAsString("code")).containsExactly("SW", "TXGS");
    assertThat(r.at("/contacts/0/phone").asString()).isEqualTo("0931-1000001");
    assertThat(r.at("/affected/0/code").asString()).isEqualTo("LZXQ-S1-01");
    assertThat(r.at("/affected/0/areaM2").asDouble())
        .isEqualTo(100.0, org.assertj.core.data.Offset.offset(0.01));
  }

  @Test
  void crossSectionListsEachCrossedPipeWithChainageElevationsAndGaps() throws Exception {
    // A 20 m section along x = 40 from y = −10 to y = 10 crosses water s2 at chainage 10.0
    // (ductile iron DN 300: outside 326 mm, wall 7.2 mm by GB/T 13295-2019; outer top 1948.30,
    // centre 1948.137, inner invert 1947.981) and storm B at 11.2 (concrete DN 200, wall 30 mm by
    // GB/T 11836-2009: invert 1947.00, centre 1947.10, outer top 1947.23). Gap along the section:
    // 1.2 − 0.163 − 0.13 = 0.907 m; between the circles in the section plane:
    // √(1.2² + (1948.137 − 1947.10)²) − 0.163 − 0.13 = 1.293 m. Ground 1950.0 throughout.
    double[] a = lonLat(40, -10);
    double[] b = lonLat(40, 10);
    String line = a[0] + "," + a[1] + "," + b[0] + "," + b[1];
    JsonNode r = getJson("/api/analysis/cross-section?line=" + line);
    assertThat(r.get("lengthM").asDouble())
        .isEqualTo(20.0, org.assertj.core.data.Offset.offset(0.01));
    JsonNode pipes = r.get("pipes");
    assertThat(pipes).hasSize(2);
    JsonNode water = pipes.get(0);
    assertThat(water.get("fid").asLong()).isEqualTo(fid("s2"));
    assertThat(water.get("chainageM").asDouble())
        .isEqualTo(10.0, org.assertj.core.data.Offset.offset(0.01));
    assertThat(water.get("topM").asDouble()).isEqualTo(1948.3);
    assertThat(water.get("invertM").asDouble()).isEqualTo(1947.981);
    assertThat(water.get("sizeMm").asInt()).isEqualTo(300);
    assertThat(water.get("typeZh").asString()).isEqualTo("给水");
    assertThat(water.get("ownerName").asString()).isEqualTo("兰州新区供水公司");
    assertThat(water.get("groundM").asDouble()).isEqualTo(1950.0);
    assertThat(water.get("gapToNextM").asDouble())
        .isEqualTo(0.907, org.assertj.core.data.Offset.offset(0.002));
    assertThat(water.get("clearToNextM").asDouble())
        .isEqualTo(1.293, org.assertj.core.data.Offset.offset(0.002));
    JsonNode storm = pipes.get(1);
    assertThat(storm.get("fid").asLong()).isEqualTo(fid("B"));
    assertThat(storm.get("invertM").asDouble()).isEqualTo(1947.0);
    assertThat(storm.get("topM").asDouble()).isEqualTo(1947.23);
    assertThat(r.get("ground").get(0).get("groundM").asDouble()).isEqualTo(1950.0);

    HttpResponse<String> posted =
        post("/api/analysis/cross-section", "{\"geometry\":" + line(40, -10, 40, 10) + "}");
    assertThat(
            JSON.readTree(posted.body()).get("pipes").findValues("fid").stream()
                .map(JsonNode::asLong)
                .toList())
        .containsExactly(fid("s2"), fid("B"));

    HttpResponse<String> svg = get("/api/analysis/cross-section?f=svg&line=" + line);
    assertThat(svg.statusCode()).isEqualTo(200);
    assertThat(svg.headers().firstValue("Content-Type").orElse("")).startsWith("image/svg+xml");
    assertThat(svg.body())
        .startsWith("<svg")
        .contains("class=\"ground\"")
        .contains("data-fid=\"" + fid("s2") + "\"")
        .contains("给水 DN300 1948.30");
    assertThat(get("/api/analysis/cross-section?f=svg&line=" + line).body()).isEqualTo(svg.body());
  }

  @Test
  void profileAlongTheWaterMainGivesDepthsSlopesAndCrossings() throws Exception {
    // Run s1 s2 s3 (line JS-MAIN): nodes JS1 0, JS2 30, JS3 70, JS4 100 m; ground 1950.0, top
    // 1948.30, underside 1948.30 − 0.326 = 1947.974 (ductile iron DN 300), depth 1.70, slope 0.
    // Crossings: DL at 20 m (it clashes: underside of DL 1948.15 − top of the main 1948.30 =
    // −0.15), TX at 50 m (0.65), RQ at 80 m (0.10), storm C at 100 m (it passes under JS4: main
    // underside 1947.974 − C outer top 1946.788 + 0.20 + 0.03 = 0.956).
    JsonNode r = getJson("/api/analysis/profile?lineNo=JS-MAIN");
    assertThat(r.get("lengthM").asDouble()).isEqualTo(100.0);
    assertThat(r.get("points").findValuesAsString("pointNo"))
        .containsExactly("JS1", "JS2", "JS3", "JS4");
    assertThat(r.get("points").findValues("chainageM").stream().map(JsonNode::asDouble).toList())
        .containsExactly(0.0, 30.0, 70.0, 100.0);
    assertThat(r.at("/points/1/depthM").asDouble()).isEqualTo(1.7);
    assertThat(r.at("/points/1/invertM").asDouble()).isEqualTo(1947.974);
    assertThat(r.at("/segments/0/slope").asDouble()).isZero();
    JsonNode x = r.get("crossings");
    assertThat(x.findValues("fid").stream().map(JsonNode::asLong).toList())
        .containsExactly(fid("DL"), fid("TX"), fid("RQ"), fid("C"));
    assertThat(x.findValues("chainageM").stream().map(JsonNode::asDouble).toList())
        .containsExactly(20.0, 50.0, 80.0, 100.0);
    assertThat(x.findValues("verticalClearanceM").stream().map(JsonNode::asDouble).toList())
        .containsExactly(-0.15, 0.65, 0.1, 0.956);
    // The same run given by fids, walked backwards, reads the same figures from the other end.
    JsonNode back =
        getJson("/api/analysis/profile?fids=" + fid("s3") + "," + fid("s2") + "," + fid("s1"));
    assertThat(back.get("points").findValuesAsString("pointNo"))
        .containsExactly("JS4", "JS3", "JS2", "JS1");
    assertThat(back.at("/crossings/0/fid").asLong()).isEqualTo(fid("C"));
    assertThat(back.at("/crossings/0/chainageM").asDouble()).isEqualTo(0.0);
  }
}
