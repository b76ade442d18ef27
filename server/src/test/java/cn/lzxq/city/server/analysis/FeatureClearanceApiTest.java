package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pipes against the features of GB 50289-2016 Table 4.1.9 that the service holds: building
 * footprints (building) and base-station poles (base_station), just inside and just outside the
 * standard's value, on the yard of analysis/fixture.sql. The values are typed here from the
 * standards (GB 50028-2006 Table 6.3.3-1 / GB 50289-2016 Table 4.1.9: gas MB to a building's outer
 * wall 1.0 m; water to a communication pole's centre 0.5 m), never read from clearance_rule.
 */
class FeatureClearanceApiTest extends AnalysisApiTestBase {

  @Test
  void buildingsAndPolesJustInsideTheStandardAreReportedAndNamed() throws Exception {
    double[] sw = lonLat(2990, 3060);
    double[] ne = lonLat(3110, 3260);
    JsonNode r =
        getJson("/api/analysis/clearance?bbox=" + sw[0] + "," + sw[1] + "," + ne[0] + "," + ne[1]);
    List<String> found = new ArrayList<>();
    for (JsonNode v : r.get("featureViolations")) {
      found.add(
          v.at("/feature/code").asString()
              + ":"
              + v.at("/pipe/fid").asLong()
              + ":"
              + v.get("measuredM").asDouble()
              + ":"
              + v.get("requiredM").asDouble());
    }
    // LZXQ-Y001 stands 0.49 m from water Y3's outer wall (< 0.5 m); LZXQ-Y002 0.51 m (clear).
    // YARD-B1 is 0.99 m from gas MB Y7's outer wall (< 1.0 m); YARD-B2 1.01 m (clear).
    assertThat(found)
        .containsExactly(
            "LZXQ-Y001:" + fid("Y3 water") + ":0.49:0.5",
            "YARD-B1:" + fid("Y7 gas MB") + ":0.99:1.0");
    JsonNode building = r.get("featureViolations").get(1);
    assertThat(building.at("/feature/layer").asString()).isEqualTo("building");
    assertThat(building.at("/feature/type").asString()).isEqualTo("BUILDING");
    assertThat(building.at("/feature/name").asString()).isEqualTo("管线院北楼");
    assertThat(building.at("/pipe/startPoint").asString()).isEqualTo("Y7a");
    assertThat(building.at("/pipe/ownerName").asString()).isEqualTo("兰州新区燃气公司");
    assertThat(building.at("/rule/sourceClause").asString()).contains("GB 50028-2006");
    JsonNode pole = r.get("featureViolations").get(0);
    assertThat(pole.at("/feature/layer").asString()).isEqualTo("base_station");
    assertThat(pole.at("/feature/name").asString()).isEqualTo("管线院北杆");
    assertThat(pole.at("/rule/sourceClause").asString()).contains("GB 50289-2016");
  }

  @Test
  void aPipeNextToAFeatureNoRuleCoversIsListedAsUnchecked() throws Exception {
    // Table 4.1.9 has no utility-tunnel column: a water main laid in a tunnel (ZH) 4.85 m from
    // YARD-B1's wall (outer radius 0.15 m) is within the largest building rule and not checked.
    String body =
        "{\"geometry\":"
            + line(3040, 3255, 3060, 3255)
            + ",\"network\":\"JS\",\"dn\":300,\"depth\":2.0,\"laying\":\"ZH\"}";
    JsonNode r = JSON.readTree(post("/api/analysis/clearance", body).body());
    assertThat(r.get("featureViolations")).isEmpty();
    JsonNode unchecked = r.get("uncheckedFeatures");
    assertThat(unchecked.get("count").asInt()).isEqualTo(1);
    assertThat(unchecked.at("/classes/0/aType").asString()).isEqualTo("BUILDING");
    assertThat(unchecked.at("/classes/0/bType").asString()).isEqualTo("ZH");
    assertThat(unchecked.at("/pairs/0/feature/code").asString()).isEqualTo("YARD-B1");
    assertThat(unchecked.at("/pairs/0/pipe/fid").asLong()).isZero();
    assertThat(unchecked.at("/pairs/0/gapM").asDouble()).isEqualTo(4.85);

    JsonNode fc = JSON.readTree(post("/api/analysis/clearance?f=geojson", body).body());
    List<String> findings = new ArrayList<>();
    for (JsonNode f : fc.get("features")) {
      JsonNode p = f.get("properties");
      findings.add(p.get("finding").asString());
      if (p.get("finding").asString().equals("feature_unchecked")) {
        assertThat(p.get("aType").asString() + "/" + p.get("bType").asString())
            .isEqualTo("BUILDING/ZH");
        assertThat(p.get("count").asInt()).isEqualTo(1);
        assertThat(p.get("reason").asString()).contains("需人工复核");
        assertThat(f.get("geometry").isNull()).isTrue();
      }
    }
    assertThat(findings).containsExactly("feature_unchecked");
  }

  @Test
  void pipesAlongAKerbJustInsideTheStandardAreReportedAndCrossingsAreNot() throws Exception {
    // 纬一路: centreline y = 5 (drawn west to east), carriageway 14 m: kerbs at y = 12 (left of the
    // centreline, code L) and y = -2, no crossing road. GB 50289-2016 Table 4.1.9, 道路侧石边缘: water
    // 1.5 m, gas sub-high-pressure B 2.5 m, telecom 1.5 m. A proposed pipe without a material: DN is
    // the outside diameter (water DN300: outer radius 0.15 m; gas DN200 0.10 m; telecom DN100 0.05 m).
    assertThat(kerb("JS", 300, null, 12 + 1.5 + 0.15 - 0.01)).containsExactly("L:1.49:1.5");
    assertThat(kerb("JS", 300, null, 12 + 1.5 + 0.15 + 0.01)).isEmpty();
    assertThat(kerb("RQ", 200, "SHB", 12 + 2.5 + 0.10 - 0.01)).containsExactly("L:2.49:2.5");
    assertThat(kerb("RQ", 200, "SHB", 12 + 2.5 + 0.10 + 0.01)).isEmpty();
    // under the carriageway, beside the same kerb
    assertThat(kerb("TX", 100, null, 12 - 1.5 - 0.05 + 0.01)).containsExactly("L:1.49:1.5");
    assertThat(kerb("TX", 100, null, 12 - 1.5 - 0.05 - 0.01)).isEmpty();
    // a service across the kerb line is a crossing, not a pipe beside the kerb
    JsonNode across =
        JSON.readTree(
            post(
                    "/api/analysis/clearance",
                    "{\"geometry\":" + line(200, 8, 200, 20) + ",\"network\":\"JS\",\"dn\":100,\"depth\":1.5}")
                .body());
    assertThat(across.get("featureViolations")).isEmpty();
    assertThat(across.at("/uncheckedFeatures/count").asInt()).isZero();
    JsonNode kerb =
        JSON.readTree(post("/api/analysis/clearance", proposed("JS", 300, null, 13.64)).body())
            .get("featureViolations")
            .get(0);
    assertThat(kerb.at("/feature/layer").asString()).isEqualTo("road");
    assertThat(kerb.at("/feature/type").asString()).isEqualTo("KERB");
    assertThat(kerb.at("/feature/name").asString()).isEqualTo("纬一路");
    assertThat(kerb.at("/rule/sourceClause").asString()).contains("GB 50289-2016");
  }

  /** Kerb findings of a proposed pipe along y from x 150 to 250: side:measured:required. */
  private List<String> kerb(String network, int dn, String pressureClass, double y)
      throws Exception {
    List<String> found = new ArrayList<>();
    JsonNode r =
        JSON.readTree(post("/api/analysis/clearance", proposed(network, dn, pressureClass, y)).body());
    for (JsonNode v : r.get("featureViolations")) {
      assertThat(v.at("/feature/type").asString()).isEqualTo("KERB");
      found.add(
          v.at("/feature/code").asString()
              + ":"
              + v.get("measuredM").asDouble()
              + ":"
              + v.get("requiredM").asDouble());
    }
    return found;
  }

  private static String proposed(String network, int dn, String pressureClass, double y)
      throws Exception {
    return "{\"geometry\":"
        + line(150, y, 250, y)
        + ",\"network\":\""
        + network
        + "\",\"dn\":"
        + dn
        + ",\"depth\":1.5"
        + (pressureClass == null ? "" : ",\"pressureClass\":\"" + pressureClass + "\"")
        + "}";
  }
}
