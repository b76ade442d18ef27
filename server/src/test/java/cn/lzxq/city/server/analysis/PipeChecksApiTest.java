package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Clearance, collision and cover checks on the worked-example fixture (analysis/fixture.sql). */
class PipeChecksApiTest extends AnalysisApiTestBase {

  @Test
  void clearanceFindsTheParallelAndCrossingShortfallsWithTheirRules() throws Exception {
    JsonNode r = getJson("/api/analysis/clearance?bbox=" + FIXTURE_BBOX);

    // Horizontal: the water main (ductile iron DN 300, outside diameter 326 mm by GB/T 13295-2019;
    // three segments s1 s2 s3 along y = 0) and the storm sewer B (reinforced concrete DN 200, wall
    // 30 mm by GB/T 11836-2009: outside 260 mm, along y = 1.2) are 1.20 m apart centre to centre,
    // so outer wall to outer wall 1.20 − 0.326/2 − 0.260/2 = 0.907 m < rule 1003 (sewer/storm to
    // water d > 200 mm: 1.5 m, verified).
    List<JsonNode> horizontal = filter(r.get("violations"), "horizontal");
    assertThat(horizontal).hasSize(3);
    for (JsonNode v : horizontal) {
      assertThat(v.get("measuredM").asDouble()).isEqualTo(0.907);
      assertThat(v.get("requiredM").asDouble()).isEqualTo(1.5);
      assertThat(v.get("centreDistanceM").asDouble()).isEqualTo(1.2);
      assertThat(v.at("/rule/id").asString()).isEqualTo("1003");
      assertThat(v.at("/rule/confidence").asString()).isEqualTo("V");
      assertThat(v.at("/b/fid").asLong()).isEqualTo(fid("B"));
      assertThat(v.at("/a/ownerName").asString()).isEqualTo("兰州新区供水公司");
      assertThat(v.at("/b/ownerName").asString()).isEqualTo("兰州新区排水公司");
    }
    assertThat(horizontal.stream().map(v -> v.at("/a/fid").asLong()).toList())
        .containsExactly(fid("s1"), fid("s2"), fid("s3"));
    // The location is the middle of the shortest plan line between the two centrelines; for
    // parallel pipes PostGIS takes the first closest points, at s1's start: (0, 0.6) (CRS84).
    double[] mid = lonLat(0, 0.6);
    assertThat(horizontal.get(0).at("/geometry/coordinates/0").asDouble())
        .isCloseTo(mid[0], offset(1e-6));
    assertThat(horizontal.get(0).at("/geometry/coordinates/1").asDouble())
        .isCloseTo(mid[1], offset(1e-6));

    // Vertical at crossings (underside of the upper − top of the lower):
    // power DL (conduit DN 100, top 1948.25 → centre 1948.20, underside 1948.15) over water s1
    // (top 1948.30): 1948.15 − 1948.30 = −0.15 m < rule 2016 (power in conduit to water 0.25 m);
    // gas RQ (DN 150, top 1948.55 → underside 1948.40) over water s3 (top 1948.30): 0.10 m < rule
    // 2012 (0.15 m).
    List<JsonNode> vertical = filter(r.get("violations"), "vertical");
    assertThat(vertical).hasSize(2);
    assertThat(vertical.get(0).at("/b/fid").asLong()).isEqualTo(fid("DL"));
    assertThat(vertical.get(0).get("measuredM").asDouble()).isEqualTo(-0.15);
    assertThat(vertical.get(0).at("/rule/id").asString()).isEqualTo("2016");
    assertThat(vertical.get(0).get("upperFid").asLong()).isEqualTo(fid("DL"));
    assertThat(vertical.get(1).at("/b/fid").asLong()).isEqualTo(fid("RQ"));
    assertThat(vertical.get(1).get("measuredM").asDouble()).isEqualTo(0.10);
    assertThat(vertical.get(1).at("/rule/id").asString()).isEqualTo("2012");
    assertThat(vertical.get(1).get("upperFid").asLong()).isEqualTo(fid("RQ"));
    assertThat(r.get("rulesUsed").findValuesAsString("id")).containsExactly("1003", "2016", "2012");
    // Everything else in the fixture passes, e.g. TX over s2: 1948.95 − 1948.30 = 0.65 m ≥ rule
    // 2013 (0.5 m).
    assertThat(r.get("count").asInt()).isEqualTo(5);
  }

  @Test
  void clearanceIsTheSameOnEveryRunAndRespectsAsOf() throws Exception {
    String first = get("/api/analysis/clearance?bbox=" + FIXTURE_BBOX).body();
    assertThat(get("/api/analysis/clearance?bbox=" + FIXTURE_BBOX).body()).isEqualTo(first);
    // In 2012 only the old DN 100 water pipe (2010–2015) existed: nothing to clash with.
    JsonNode old = getJson("/api/analysis/clearance?bbox=" + FIXTURE_BBOX + "&asOf=2012-01-01");
    assertThat(old.get("count").asInt()).isZero();
  }

  @Test
  void scopesByRoadOwnerAndNetwork() throws Exception {
    // Every pipe of the five violations lies in the red line of 纬一路 (y −10..20).
    assertThat(getJson("/api/analysis/clearance?road=" + enc("纬一路")).get("count").asInt())
        .isEqualTo(5);
    // The gas company's pipes: only RQ over s3.
    JsonNode gas = getJson("/api/analysis/clearance?owner=RQGS&bbox=" + FIXTURE_BBOX);
    assertThat(gas.get("count").asInt()).isEqualTo(1);
    assertThat(gas.at("/violations/0/rule/id").asString()).isEqualTo("2012");
    // Power pipes only: the DL crossing.
    assertThat(
            getJson("/api/analysis/collision?network=DL&bbox=" + FIXTURE_BBOX).get("count").asInt())
        .isEqualTo(1);
    // Project XM-2027-002's corridor (x 100..300, y 3..5) holds only the duct bank: nothing wrong
    // there.
    assertThat(getJson("/api/analysis/clearance?project=XM-2027-002").get("count").asInt())
        .isZero();
  }

  @Test
  void clearanceOfAProposedPipe() throws Exception {
    // A proposed DN 200 water pipe along y = 3.0 from x = 10 to 90, 1.2 m deep (top 1948.8):
    // to the storm sewer B (y = 1.2): 1.80 − 0.10 − 0.10 = 1.60 m ≥ rule 1002 (1.0 m for d ≤ 200):
    // passes;
    // to the telecom duct bank? it starts at x = 100: 10 m away; it crosses TX (x = 50, top
    // 1949.05,
    // underside 1948.95) and DL and RQ: TX − proposed top 1948.8 = 0.15 m < rule 2013 (0.5 m).
    String body =
        "{\"geometry\":" + line(10, 3, 90, 3) + ",\"network\":\"JS\",\"dn\":200,\"depth\":1.2}";
    HttpResponse<String> response = post("/api/analysis/clearance", body);
    assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
    JsonNode r = JSON.readTree(response.body());
    JsonNode tx = null;
    for (JsonNode v : r.get("violations")) {
      assertThat(v.at("/a/fid").asLong()).isZero();
      if (v.at("/b/fid").asLong() == fid("TX")) {
        tx = v;
      }
    }
    assertThat(tx).isNotNull();
    assertThat(tx.get("measuredM").asDouble()).isEqualTo(0.15);
    assertThat(tx.at("/rule/id").asString()).isEqualTo("2013");
  }

  @Test
  void collisionFindsThePowerCableThroughTheWaterMain() throws Exception {
    // DL centre 1948.20 (radius 0.05) crosses s1 centre 1948.30 − 0.163 = 1948.137 (ductile iron
    // DN 300, outer radius 0.163 m): the centre lines are 0.063 m apart in 3D, the radii add to
    // 0.213 m, so the solids overlap by 0.15 m.
    JsonNode r = getJson("/api/analysis/collision?bbox=" + FIXTURE_BBOX);
    assertThat(r.get("count").asInt()).isEqualTo(1);
    JsonNode c = r.get("collisions").get(0);
    assertThat(c.at("/a/fid").asLong()).isEqualTo(fid("s1"));
    assertThat(c.at("/b/fid").asLong()).isEqualTo(fid("DL"));
    assertThat(c.get("centreDistanceM").asDouble()).isEqualTo(0.063);
    assertThat(c.get("overlapM").asDouble()).isEqualTo(0.15);
    assertThat(c.at("/geometry/coordinates/2").asDouble()).isCloseTo(1948.137, offset(1e-6));
  }

  @Test
  void coverFindsTheShallowSewerUnderTheFootway() throws Exception {
    // Sewer S2 (concrete DN 300, invert 1949.0 → outer top 1949.0 + 0.30 + wall 0.03 = 1949.33) at
    // y = −15, 20 m from the road centreline
    // (carriageway half width 7 m): footway, rule 4 (drainage, footway 0.60 m) with frost
    // governing:
    // required max(0.60, frost depth 1.00) = 1.00 m; cover 1950.0 − 1949.33 = 0.67 m.
    JsonNode r = getJson("/api/analysis/cover?bbox=" + FIXTURE_BBOX);
    assertThat(r.get("count").asInt()).isEqualTo(1);
    JsonNode v = r.get("violations").get(0);
    assertThat(v.at("/pipe/fid").asLong()).isEqualTo(fid("S2"));
    assertThat(v.get("roadPosition").asString()).isEqualTo("footway");
    assertThat(v.get("coverM").asDouble()).isEqualTo(0.67);
    assertThat(v.get("requiredM").asDouble()).isEqualTo(1.00);
    assertThat(v.get("rules").findValuesAsString("id")).containsExactly("4", "frost_depth_m");
    // The water main (cover 1.70) under the carriageway needs max(0.70, 1.00 + 0.15 margin) = 1.15:
    // with a frost depth of 1.60 m it needs 1.75 and all five water segments fail.
    JsonNode deep =
        getJson("/api/analysis/cover?bbox=" + FIXTURE_BBOX + "&network=JS&frostDepth=1.6");
    assertThat(deep.get("count").asInt()).isEqualTo(5);
    assertThat(deep.at("/violations/0/requiredM").asDouble()).isEqualTo(1.75);
  }

  @Test
  void geoJsonIsAFeatureCollectionOfTheViolations() throws Exception {
    HttpResponse<String> r = get("/api/analysis/clearance?f=geojson&bbox=" + FIXTURE_BBOX);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/geo+json");
    JsonNode fc = JSON.readTree(r.body());
    assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
    assertThat(fc.get("features")).hasSize(5);
    assertThat(fc.at("/features/0/geometry/type").asString()).isEqualTo("Point");
    assertThat(fc.at("/features/0/properties/rule/id").asString()).isEqualTo("1003");
  }

  @Test
  void everyReportedViolationIsConfirmedByAnIndependentSqlCheck() throws Exception {
    JsonNode r = getJson("/api/analysis/clearance?bbox=" + FIXTURE_BBOX);
    for (JsonNode v : r.get("violations")) {
      long a = v.at("/a/fid").asLong();
      long b = v.at("/b/fid").asLong();
      String direction = v.get("direction").asString();
      double measured = IndependentCheck.clearance(db, a, b, direction);
      Double standard = IndependentCheck.standardClearance(db, a, b, direction);
      assertThat(v.get("measuredM").asDouble()).as(a + "/" + b).isCloseTo(measured, offset(0.001));
      assertThat(standard)
          .as(a + "/" + b + " " + direction + ": no value in the standards")
          .isNotNull();
      assertThat(v.get("requiredM").asDouble()).as(a + "/" + b).isEqualTo(standard);
      assertThat(measured).isLessThan(standard);
    }
    JsonNode cover = getJson("/api/analysis/cover?bbox=" + FIXTURE_BBOX);
    for (JsonNode v : cover.get("violations")) {
      double measured = IndependentCheck.cover(db, v.at("/pipe/fid").asLong());
      assertThat(v.get("coverM").asDouble()).isCloseTo(measured, offset(0.001));
      assertThat(measured).isLessThan(v.get("requiredM").asDouble());
    }
  }

  private static List<JsonNode> filter(JsonNode violations, String direction) {
    List<JsonNode> out = new ArrayList<>();
    violations.forEach(
        v -> {
          if (v.get("direction").asString().equals(direction)) {
            out.add(v);
          }
        });
    return out;
  }
}
