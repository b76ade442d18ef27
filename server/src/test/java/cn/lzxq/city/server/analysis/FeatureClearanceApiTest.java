package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Pipes against the features of GB 50289-2016 Table 4.1.9 that the service holds: building
 * footprints (building), base-station poles (base_station), kerbs (the carriageway edges of road)
 * high-voltage tower foundations (power_tower, {@link #TOWER_HV_CASES}) and street trees and shrubs
 * (street_tree, {@link #TREE_CASES}), just inside and just outside the standard's value, on
 * analysis/fixture.sql. The values are typed here from the standards (GB 50028-2006 Table 6.3.3-1 /
 * GB 50289-2016 Table 4.1.9: gas MB to a building's outer wall 1.0 m; water to a communication
 * pole's centre 0.5 m; every network to a kerb, {@link #KERB_CASES}), never read from
 * clearance_rule.
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

  /**
   * A proposed pipe beside a feature: network, subtype, pressure class, laying, DN (the outside
   * diameter: no material), and the value of GB 50289-2016 Table 4.1.9 (gas: GB 50028-2006 Table
   * 6.3.3-1) for the feature's column typed here, metres.
   */
  private record Case(
      String network,
      String subtype,
      String pressureClass,
      String laying,
      int dn,
      double standardM) {}

  /** Column 道路侧石边缘 (to the kerb edge). */
  private static final List<Case> KERB_CASES =
      List.of(
          new Case("JS", null, null, null, 300, 1.5), // 给水
          new Case("JS", "ZS", null, null, 200, 1.5), // 再生水
          new Case("PS", null, null, null, 400, 1.5), // 污水、雨水
          new Case("RQ", null, "L", null, 160, 1.5), // 燃气 低压
          new Case("RQ", null, "MA", null, 200, 1.5), // 燃气 中压
          new Case("RQ", null, "SHB", null, 200, 2.5), // 燃气 次高压 B
          new Case("RQ", null, "SHA", null, 300, 2.5), // 燃气 次高压 A
          new Case("RL", null, null, null, 300, 1.5), // 直埋热力
          new Case("DL", null, null, null, 150, 1.5), // 电力
          new Case("TX", null, null, null, 100, 1.5)); // 通信

  /** Column 建(构)筑物 (to the outer wall; 给水 by d ≤ 200 / d > 200, 通信 by laying). */
  private static final List<Case> BUILDING_CASES =
      List.of(
          new Case("JS", null, null, null, 150, 1.0),
          new Case("JS", null, null, null, 300, 3.0),
          new Case("JS", "ZS", null, null, 200, 1.0),
          new Case("PS", null, null, null, 400, 2.5),
          new Case("RQ", null, "L", null, 110, 0.7),
          new Case("RQ", null, "MB", null, 160, 1.0),
          new Case("RQ", null, "MA", null, 200, 1.5),
          new Case("RQ", null, "SHB", null, 200, 5.0),
          new Case("RQ", null, "SHA", null, 300, 13.5),
          new Case("RL", null, null, null, 300, 3.0),
          new Case("DL", null, null, null, 150, 0.6),
          new Case("TX", null, null, "ZM", 100, 1.0),
          new Case("TX", null, null, "GM", 100, 1.5));

  /** Column 地上杆柱 通信照明及 &lt; 10 kV (to the pole centre). */
  private static final List<Case> POLE_CASES =
      List.of(
          new Case("JS", null, null, null, 300, 0.5),
          new Case("JS", "ZS", null, null, 200, 0.5),
          new Case("PS", null, null, null, 400, 0.5),
          new Case("RQ", null, "MB", null, 160, 1.0),
          new Case("RL", null, null, null, 300, 1.0),
          new Case("DL", null, null, null, 150, 1.0),
          new Case("TX", null, null, null, 100, 0.5));

  /**
   * Column 高压铁塔基础边 > 35 kV (to the foundation edge; gas by GB 50028-2006 Table 6.3.3-1). Power and
   * telecom have no value in the table (unchecked).
   */
  private static final List<Case> TOWER_HV_CASES =
      List.of(
          new Case("JS", null, null, null, 300, 3.0),
          new Case("JS", "ZS", null, null, 200, 3.0),
          new Case("PS", null, null, null, 400, 1.5),
          new Case("RQ", null, "L", null, 110, 2.0),
          new Case("RQ", null, "MA", null, 200, 2.0),
          new Case("RQ", null, "SHB", null, 200, 5.0),
          new Case("RQ", null, "SHA", null, 300, 5.0),
          new Case("RL", null, null, null, 300, 3.0));

  /** Column 高压铁塔基础边 ≤ 35 kV. */
  private static final List<Case> TOWER_35_CASES =
      List.of(
          new Case("JS", null, null, null, 300, 3.0),
          new Case("JS", "ZS", null, null, 200, 3.0),
          new Case("PS", null, null, null, 400, 1.5),
          new Case("RQ", null, "MB", null, 160, 1.0),
          new Case("RQ", null, "SHA", null, 300, 1.0),
          new Case("RL", null, null, null, 300, 2.0));

  /**
   * Column 乔木 (to the trunk centre; power and telecom by CJJ 75-97 §6.2.1, telecom by laying; gas
   * by GB 50028-2006 Table 6.3.3-1).
   */
  private static final List<Case> TREE_CASES =
      List.of(
          new Case("JS", null, null, null, 300, 1.5),
          new Case("JS", "ZS", null, null, 200, 1.0),
          new Case("PS", null, null, null, 400, 1.5),
          new Case("RQ", null, "MB", null, 160, 0.75),
          new Case("RQ", null, "SHA", null, 300, 1.2),
          new Case("RL", null, null, null, 300, 1.5),
          new Case("DL", null, null, null, 150, 1.0),
          new Case("TX", null, null, "ZM", 100, 1.0),
          new Case("TX", null, null, "GM", 100, 1.5),
          new Case("RL", null, null, "GG", 600, 1.5)); // 管沟 (a heat trench)

  /** Column 灌木 (to the shrub centre). */
  private static final List<Case> SHRUB_CASES =
      List.of(
          new Case("JS", null, null, null, 300, 1.0),
          new Case("PS", null, null, null, 400, 1.0),
          new Case("RQ", null, "L", null, 110, 0.75),
          new Case("RQ", null, "SHB", null, 200, 1.2),
          new Case("RL", null, null, null, 300, 1.5),
          new Case("DL", null, null, null, 150, 1.0),
          new Case("TX", null, null, null, 100, 1.0));

  @Test
  void pipesBesideAStreetTreeOrShrubJustInsideTheStandardAreReportedAndJustOutsideAreNot()
      throws Exception {
    // YARD-Q1 (a tree) stands at (3240, 3200), YARD-G1 (a shrub) at (3240, 3400); the proposed pipe
    // runs from x 3220 to 3260 north of each, 0.01 m inside or outside the value.
    for (Case c : TREE_CASES) {
      double y = 3200 + c.standardM() + c.dn() / 2000.0;
      assertThat(findings(c, 3220, y - 0.01, 3260))
          .as(c + " inside")
          .containsExactly("YARD-Q1:" + round(c.standardM() - 0.01) + ":" + c.standardM());
      assertThat(findings(c, 3220, y + 0.01, 3260)).as(c + " outside").isEmpty();
    }
    for (Case c : SHRUB_CASES) {
      double y = 3400 + c.standardM() + c.dn() / 2000.0;
      assertThat(findings(c, 3220, y - 0.01, 3260))
          .as(c + " inside")
          .containsExactly("YARD-G1:" + round(c.standardM() - 0.01) + ":" + c.standardM());
      assertThat(findings(c, 3220, y + 0.01, 3260)).as(c + " outside").isEmpty();
    }
    JsonNode tree =
        JSON.readTree(
                post("/api/analysis/clearance", proposed(TREE_CASES.get(0), 3220, 3201.5, 3260))
                    .body())
            .get("featureViolations")
            .get(0);
    assertThat(tree.at("/feature/layer").asString()).isEqualTo("street_tree");
    assertThat(tree.at("/feature/type").asString()).isEqualTo("TREE");
    assertThat(tree.at("/feature/name").asString()).isEqualTo("国槐");
  }

  @Test
  void pipesBesideATowerFoundationJustInsideTheStandardAreReportedAndJustOutsideAreNot()
      throws Exception {
    // YARD-T110's foundation (110 kV) ends at y = 3106 (x 3240..3246), YARD-T35's (35 kV) at y =
    // 3306; the proposed pipe runs from x 3220 to 3270 north of each, 0.01 m inside or outside.
    for (Case c : TOWER_HV_CASES) {
      double y = 3106 + c.standardM() + c.dn() / 2000.0;
      assertThat(findings(c, 3220, y - 0.01, 3270))
          .as(c + " inside")
          .containsExactly("YARD-T110:" + round(c.standardM() - 0.01) + ":" + c.standardM());
      assertThat(findings(c, 3220, y + 0.01, 3270)).as(c + " outside").isEmpty();
    }
    for (Case c : TOWER_35_CASES) {
      double y = 3306 + c.standardM() + c.dn() / 2000.0;
      assertThat(findings(c, 3220, y - 0.01, 3270))
          .as(c + " inside")
          .containsExactly("YARD-T35:" + round(c.standardM() - 0.01) + ":" + c.standardM());
      assertThat(findings(c, 3220, y + 0.01, 3270)).as(c + " outside").isEmpty();
    }
    JsonNode tower =
        JSON.readTree(
                post("/api/analysis/clearance", proposed(TOWER_HV_CASES.get(0), 3220, 3108.5, 3270))
                    .body())
            .get("featureViolations")
            .get(0);
    assertThat(tower.at("/feature/layer").asString()).isEqualTo("power_tower");
    assertThat(tower.at("/feature/type").asString()).isEqualTo("TOWERHV");
    assertThat(tower.at("/feature/name").asString()).isEqualTo("管线院110kV线");
  }

  @Test
  void pipesBesideABuildingOrAPoleJustInsideTheStandardAreReportedAndJustOutsideAreNot()
      throws Exception {
    // YARD-B1's north wall is y = 3250 (x 3040..3060), LZXQ-Y001 stands at (3050, 3080.653); the
    // proposed pipe runs from x 3030 to 3070, north of each, 0.01 m inside or outside the value.
    for (Case c : BUILDING_CASES) {
      double y = 3250 + c.standardM() + c.dn() / 2000.0;
      assertThat(findings(c, 3030, y - 0.01, 3070))
          .as(c + " inside")
          .containsExactly("YARD-B1:" + round(c.standardM() - 0.01) + ":" + c.standardM());
      assertThat(findings(c, 3030, y + 0.01, 3070)).as(c + " outside").isEmpty();
    }
    for (Case c : POLE_CASES) {
      double y = 3080.653 + c.standardM() + c.dn() / 2000.0;
      assertThat(findings(c, 3030, y - 0.01, 3070))
          .as(c + " inside")
          .containsExactly("LZXQ-Y001:" + round(c.standardM() - 0.01) + ":" + c.standardM());
      assertThat(findings(c, 3030, y + 0.01, 3070)).as(c + " outside").isEmpty();
    }
  }

  private static double round(double m) {
    return Math.round(m * 1000) / 1000.0;
  }

  @Test
  void pipesAlongAKerbJustInsideTheStandardAreReportedAndJustOutsideAreNot() throws Exception {
    // 纬一路: centreline y = 5 (drawn west to east), carriageway 14 m: kerbs at y = 12 (left of the
    // centreline, code L) and y = -2, no crossing road. The proposed pipe runs from x 150 to 250,
    // 0.01 m inside or outside the standard's value from the kerb y = 12, on the footway side
    // (north of it) and under the carriageway (south of it).
    for (Case c : KERB_CASES) {
      double reach = c.standardM() + c.dn() / 2000.0;
      String inside = "L:" + round(c.standardM() - 0.01) + ":" + c.standardM();
      assertThat(findings(c, 150, 12 + reach - 0.01, 250))
          .as(c + " footway, inside")
          .containsExactly(inside);
      assertThat(findings(c, 150, 12 + reach + 0.01, 250)).as(c + " footway, outside").isEmpty();
      assertThat(findings(c, 150, 12 - reach + 0.01, 250))
          .as(c + " carriageway, inside")
          .containsExactly(inside);
      assertThat(findings(c, 150, 12 - reach - 0.01, 250))
          .as(c + " carriageway, outside")
          .isEmpty();
    }
  }

  @Test
  void aServiceAcrossTheKerbIsNotBesideItAndAKerbFindingNamesItsRoad() throws Exception {
    // a service from y 8 to 20 crosses the kerb line y = 12: a crossing, not a pipe beside the kerb
    JsonNode across =
        JSON.readTree(
            post(
                    "/api/analysis/clearance",
                    "{\"geometry\":"
                        + line(200, 8, 200, 20)
                        + ",\"network\":\"JS\",\"dn\":100,\"depth\":1.5}")
                .body());
    assertThat(across.get("featureViolations")).isEmpty();
    assertThat(across.at("/uncheckedFeatures/count").asInt()).isZero();
    JsonNode kerb =
        JSON.readTree(
                post("/api/analysis/clearance", proposed(KERB_CASES.get(0), 150, 13.64, 250))
                    .body())
            .get("featureViolations")
            .get(0);
    assertThat(kerb.at("/feature/layer").asString()).isEqualTo("road");
    assertThat(kerb.at("/feature/type").asString()).isEqualTo("KERB");
    assertThat(kerb.at("/feature/code").asString()).isEqualTo("L");
    assertThat(kerb.at("/feature/name").asString()).isEqualTo("纬一路");
    assertThat(kerb.get("measuredM").asDouble()).isEqualTo(1.49);
    assertThat(kerb.at("/rule/sourceClause").asString()).contains("GB 50289-2016");
  }

  /**
   * Feature findings of a proposed pipe along y from x0 to x1: feature code:measured:required
   * (asserting each is a violation).
   */
  private List<String> findings(Case c, double x0, double y, double x1) throws Exception {
    List<String> found = new ArrayList<>();
    JsonNode r = JSON.readTree(post("/api/analysis/clearance", proposed(c, x0, y, x1)).body());
    assertThat(r.get("featureSpecialAssessments")).isEmpty();
    assertThat(r.at("/uncheckedFeatures/count").asInt()).isZero();
    for (JsonNode v : r.get("featureViolations")) {
      found.add(
          v.at("/feature/code").asString()
              + ":"
              + v.get("measuredM").asDouble()
              + ":"
              + v.get("requiredM").asDouble());
    }
    return found;
  }

  private static String proposed(Case c, double x0, double y, double x1) throws Exception {
    return "{\"geometry\":"
        + line(x0, y, x1, y)
        + ",\"network\":\""
        + c.network()
        + "\",\"dn\":"
        + c.dn()
        + ",\"depth\":1.5"
        + (c.subtype() == null ? "" : ",\"subtype\":\"" + c.subtype() + "\"")
        + (c.pressureClass() == null ? "" : ",\"pressureClass\":\"" + c.pressureClass() + "\"")
        + (c.laying() == null ? "" : ",\"laying\":\"" + c.laying() + "\"")
        + "}";
  }
}
