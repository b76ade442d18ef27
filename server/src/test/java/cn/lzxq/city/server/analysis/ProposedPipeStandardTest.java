package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Proposed pipes against the standards, one rule class per row, each laid just inside (gap =
 * required − 0.01 m) and just outside (required + 0.01 m) the standard's value. The values are
 * typed here from GB 50289-2016 Tables 4.1.9 / 4.1.14, GB 50028-2006 Tables 6.3.3-1 / 6.3.3-2 and
 * GB 50838-2015 Table 5.1.7 (the clearance yard of analysis/fixture.sql: one existing pipe per
 * class, ground flat at 1950.0 m) — never read from clearance_rule. Gaps are outer wall to outer
 * wall, with the outside diameters and walls of the product standards (never read from pipe_wall).
 */
class ProposedPipeStandardTest extends AnalysisApiTestBase {

  /**
   * An existing yard pipe: its plan line y (local metres), outer half width and outer top
   * elevation, metres. Outside diameters and walls are typed from the product standards: ductile
   * iron DN300 326 mm (GB/T 13295-2019), PVC-U double-wall corrugated DN/ID 400 450 mm (GB/T
   * 18477.1-2007), reinforced concrete DN1000 wall 100 mm (GB/T 11836-2009), steel DN300 323.9 mm
   * (GB/T 3091-2015).
   */
  private record Target(String tag, double y, double halfWidthM, double topM) {}

  private static final Target HEAT_TRENCH = new Target("Y1 heat trench", 3000, 0.6, 1949.0);
  private static final Target CABLE_TRENCH = new Target("Y2 cable trench", 3040, 0.4, 1949.2);
  private static final Target WATER = new Target("Y3 water", 3080, 0.163, 1948.3);
  // invert 1947.0 + inner 0.400 + wall 0.025
  private static final Target STORM = new Target("Y4 storm", 3120, 0.225, 1947.425);
  private static final Target POWER_CONDUIT =
      new Target("Y5 power in conduit", 3160, 0.075, 1949.0);
  private static final Target POWER_DIRECT = new Target("Y6 power direct", 3200, 0.05, 1948.7);
  private static final Target GAS_MB = new Target("Y7 gas MB", 3240, 0.08, 1948.8);
  private static final Target TUNNEL = new Target("Y8 utility tunnel", 3280, 1.5, 1948.0);
  // invert 1946.0 + inner 1.000 + wall 0.100
  private static final Target CONCRETE_STORM = new Target("Y9 concrete storm", 3320, 0.6, 1947.1);
  private static final Target STEEL_HEAT = new Target("Y10 steel heat", 3360, 0.16195, 1948.5);

  /**
   * The proposed pipe's outer section from its product standard (metres): outside diameter and the
   * wall below a drain's invert. Without a material DN is the outside diameter.
   */
  private record Section(String material, double outerM, double wallM) {}

  private static final Section CONCRETE_DN1000 = new Section("T", 1.2, 0.1);
  private static final Section DUCTILE_DN300 = new Section("QM", 0.326, 0.0072);

  /**
   * One rule class: a proposed pipe (network, subtype, pressure class, laying code, DN) against a
   * target, horizontal (parallel in plan) or vertical (crossing above it), and the standard's
   * value.
   */
  private record Case(
      String rule,
      String direction,
      Target target,
      String network,
      String subtype,
      String pressureClass,
      String laying,
      int dn,
      double requiredM,
      Section section) {

    Case(
        String rule,
        String direction,
        Target target,
        String network,
        String subtype,
        String pressureClass,
        String laying,
        int dn,
        double requiredM) {
      this(
          rule,
          direction,
          target,
          network,
          subtype,
          pressureClass,
          laying,
          dn,
          requiredM,
          new Section(null, dn / 1000.0, 0));
    }
  }

  private static final List<Case> CASES =
      List.of(
          // GB 50028-2006 Table 6.3.3-1 / GB 50289-2016 Table 4.1.9: gas to a heat trench (热力管沟,
          // outer wall)
          new Case(
              "gas L / heat trench", "horizontal", HEAT_TRENCH, "RQ", "TR", "L", "ZM", 110, 1.0),
          new Case(
              "gas MA / heat trench", "horizontal", HEAT_TRENCH, "RQ", "TR", "MA", "ZM", 160, 1.5),
          new Case(
              "gas SHB / heat trench",
              "horizontal",
              HEAT_TRENCH,
              "RQ",
              "TR",
              "SHB",
              "ZM",
              200,
              2.0),
          new Case(
              "gas SHA / heat trench",
              "horizontal",
              HEAT_TRENCH,
              "RQ",
              "TR",
              "SHA",
              "ZM",
              300,
              4.0),
          // a cable trench is a 管沟 too: gas and drainage
          new Case(
              "gas MB / cable trench",
              "horizontal",
              CABLE_TRENCH,
              "RQ",
              "TR",
              "MB",
              "ZM",
              160,
              1.5),
          new Case(
              "drainage / cable trench",
              "horizontal",
              CABLE_TRENCH,
              "PS",
              "WS",
              null,
              "ZM",
              400,
              1.5),
          // reclaimed water (再生水) to water supply
          new Case("reclaimed / water", "horizontal", WATER, "JS", "ZS", null, "ZM", 200, 0.5),
          // drainage to water d > 200 (verified row)
          new Case(
              "drainage / water d > 200", "horizontal", WATER, "PS", "YS", null, "ZM", 300, 1.5),
          // power and telecom, direct-buried or in conduit, to gas MB (GB 50028-2006 Table 6.3.3-1)
          new Case("power direct / gas MB", "horizontal", GAS_MB, "DL", "GD", null, "ZM", 100, 0.5),
          new Case(
              "power in conduit / gas MB", "horizontal", GAS_MB, "DL", "GD", null, "GM", 150, 1.0),
          new Case(
              "telecom direct / gas MB", "horizontal", GAS_MB, "TX", "XX", null, "ZM", 110, 0.5),
          new Case(
              "telecom in duct / gas MB", "horizontal", GAS_MB, "TX", "XX", null, "GK", 110, 1.0),
          // power direct-buried to power in conduit
          new Case(
              "power direct / power in conduit",
              "horizontal",
              POWER_CONDUIT,
              "DL",
              "GD",
              null,
              "ZM",
              100,
              0.25),
          // GB 50838-2015 Table 5.1.7: utility tunnel (open-cut) to a pipe
          new Case(
              "water / utility tunnel", "horizontal", TUNNEL, "JS", "JP", null, "ZM", 200, 1.0),
          // vertical, GB 50289-2016 Table 4.1.14 and GB 50028-2006 Table 6.3.3-2
          new Case("reclaimed over water", "vertical", WATER, "JS", "ZS", null, "ZM", 200, 0.5),
          new Case("reclaimed over drainage", "vertical", STORM, "JS", "ZS", null, "ZM", 200, 0.4),
          new Case(
              "power direct over power direct",
              "vertical",
              POWER_DIRECT,
              "DL",
              "GD",
              null,
              "ZM",
              100,
              0.5),
          new Case(
              "telecom in conduit over water",
              "vertical",
              WATER,
              "TX",
              "XX",
              null,
              "GM",
              110,
              0.15),
          new Case(
              "telecom direct over water", "vertical", WATER, "TX", "XX", null, "ZM", 110, 0.5),
          new Case(
              "telecom in conduit over gas", "vertical", GAS_MB, "TX", "XX", null, "GM", 110, 0.15),
          new Case(
              "power in conduit over gas (GB 50028 governs)",
              "vertical",
              GAS_MB,
              "DL",
              "GD",
              null,
              "GM",
              150,
              0.15),
          new Case("power direct over gas", "vertical", GAS_MB, "DL", "GD", null, "ZM", 100, 0.5),
          new Case(
              "gas over heat trench", "vertical", HEAT_TRENCH, "RQ", "TR", "MA", "ZM", 160, 0.15),
          new Case(
              "water over utility tunnel", "vertical", TUNNEL, "JS", "JP", null, "ZM", 200, 0.5),
          // outer wall to outer wall (pipe_wall): each material class of the yard and of the
          // proposed pipe
          new Case(
              "water over concrete drain DN1000",
              "vertical",
              CONCRETE_STORM,
              "JS",
              "JP",
              null,
              "ZM",
              300,
              0.4),
          new Case(
              "water / concrete drain DN1000",
              "horizontal",
              CONCRETE_STORM,
              "JS",
              "JP",
              null,
              "ZM",
              300,
              1.5),
          new Case(
              "gas MB / steel heat", "horizontal", STEEL_HEAT, "RQ", "TR", "MB", "ZM", 160, 1.0),
          new Case(
              "water over steel heat", "vertical", STEEL_HEAT, "JS", "JP", null, "ZM", 200, 0.15),
          new Case(
              "proposed concrete drain DN1000 / ductile-iron water",
              "horizontal",
              WATER,
              "PS",
              "YS",
              null,
              "ZM",
              1000,
              1.5,
              CONCRETE_DN1000),
          new Case(
              "proposed ductile-iron water over concrete drain DN1000",
              "vertical",
              CONCRETE_STORM,
              "JS",
              "JP",
              null,
              "ZM",
              300,
              0.4,
              DUCTILE_DN300));

  @Test
  void everyRuleClassJustInsideIsAViolationAndJustOutsidePasses() throws Exception {
    List<String> wrong = new ArrayList<>();
    for (Case c : CASES) {
      JsonNode inside = check(c, c.requiredM() - 0.01);
      JsonNode outside = check(c, c.requiredM() + 0.01);
      JsonNode v = violationWith(inside, c.target());
      if (v == null
          || Math.abs(v.get("requiredM").asDouble() - c.requiredM()) > 1e-9
          || Math.abs(v.get("measuredM").asDouble() - (c.requiredM() - 0.01)) > 0.002
          || !v.get("direction").asString().equals(c.direction())) {
        wrong.add(c.rule() + " inside: " + (v == null ? "no violation" : v));
      }
      if (violationWith(outside, c.target()) != null) {
        wrong.add(c.rule() + " outside: " + violationWith(outside, c.target()));
      }
    }
    assertThat(wrong).as("rule classes answered differently from the standard").isEmpty();
  }

  @Test
  void highPressureGasBeyondTheTablesIsFlaggedForSpecialAssessment() throws Exception {
    // GB 50289-2016 Table 4.1.9 stops at 1.6 MPa; high-pressure A gas next to water is never passed
    // silently: below the sub-high-pressure A value (1.5 m) it is a violation, above it is listed
    // for special assessment (需专项论证).
    Case ha = new Case("gas HA / water", "horizontal", WATER, "RQ", "TR", "HA", "ZM", 300, 1.5);
    JsonNode inside = check(ha, 1.4);
    assertThat(violationWith(inside, WATER)).isNotNull();
    JsonNode outside = check(ha, 1.6);
    assertThat(violationWith(outside, WATER)).isNull();
    assertThat(outside.get("specialAssessments")).hasSize(1);
    assertThat(outside.at("/specialAssessments/0/b/fid").asLong()).isEqualTo(fid(WATER.tag()));
    assertThat(outside.at("/specialAssessments/0/measuredM").asDouble()).isEqualTo(1.6);
  }

  @Test
  void pairsNoRuleCoversAreReportedAsUncheckedWithCounts() throws Exception {
    // Industrial pipes (工业) have no row in the standards' tables: an industrial pipe 1 m from the
    // water main is listed as unchecked (需人工复核), not passed silently.
    Case gy = new Case("industrial / water", "horizontal", WATER, "GY", null, null, "ZM", 200, 0);
    JsonNode r = check(gy, 1.0);
    assertThat(r.get("count").asInt()).isZero();
    assertThat(r.at("/unchecked/count").asInt()).isEqualTo(1);
    assertThat(r.at("/unchecked/classes/0/direction").asString()).isEqualTo("horizontal");
    assertThat(
            List.of(
                r.at("/unchecked/classes/0/aType").asString(),
                r.at("/unchecked/classes/0/bType").asString()))
        .containsExactly("GY", "JS");
    assertThat(r.at("/unchecked/classes/0/count").asInt()).isEqualTo(1);
    assertThat(r.at("/unchecked/pairs/0/b/fid").asLong()).isEqualTo(fid(WATER.tag()));
    assertThat(r.at("/unchecked/pairs/0/gapM").asDouble()).isEqualTo(1.0);
  }

  @Test
  void waterJustAboveAConcreteDrainCrownIsMeasuredToTheOuterWall() throws Exception {
    // GB 50289-2016 Table 4.1.14: drainage to water 0.40 m, outer wall to outer wall. The concrete
    // DN1000 drain's inner crown is 1947.0; its wall (GB/T 11836-2009) is 0.10 m. Water 0.45 m
    // above the inner crown is 0.35 m above the outer crown: a violation. 0.51 m above it clears.
    Case c = CASES.stream().filter(k -> k.target() == CONCRETE_STORM).findFirst().orElseThrow();
    JsonNode near = check(c, 0.45 - 0.10);
    JsonNode v = violationWith(near, CONCRETE_STORM);
    assertThat(v).as(near.toString()).isNotNull();
    assertThat(v.get("measuredM").asDouble()).isCloseTo(0.35, within(0.002));
    assertThat(v.get("requiredM").asDouble()).isEqualTo(0.4);
    assertThat(violationWith(check(c, 0.51 - 0.10), CONCRETE_STORM)).isNull();
  }

  /** POSTs the case's proposed pipe laid at {@code gap} metres from the target (wall to wall). */
  private JsonNode check(Case c, double gap) throws Exception {
    double outerM = c.section().outerM();
    String geometry;
    double top;
    if (c.direction().equals("horizontal")) {
      double y = c.target().y() + c.target().halfWidthM() + outerM / 2 + gap;
      geometry = line(3010, y, 3090, y);
      top = 1949.0;
    } else {
      geometry = line(3050, c.target().y() - 10, 3050, c.target().y() + 10);
      top = c.target().topM() + gap + outerM;
    }
    // a drain's depth is to its inner invert: the outer top less the wall and the inner diameter
    double depth = 1950.0 - (c.network().equals("PS") ? top - (outerM - c.section().wallM()) : top);
    String body =
        "{\"geometry\":"
            + geometry
            + ",\"network\":\""
            + c.network()
            + "\",\"dn\":"
            + c.dn()
            + ",\"depth\":"
            + Math.round(depth * 1e6) / 1e6
            + ",\"laying\":\""
            + c.laying()
            + "\""
            + (c.subtype() == null ? "" : ",\"subtype\":\"" + c.subtype() + "\"")
            + (c.pressureClass() == null ? "" : ",\"pressureClass\":\"" + c.pressureClass() + "\"")
            + (c.section().material() == null
                ? ""
                : ",\"material\":\"" + c.section().material() + "\"")
            + "}";
    HttpResponse<String> response = post("/api/analysis/clearance", body);
    assertThat(response.statusCode()).as(c.rule() + ": " + response.body()).isEqualTo(200);
    return JSON.readTree(response.body());
  }

  private static JsonNode violationWith(JsonNode answer, Target target) throws Exception {
    long fid = fid(target.tag());
    for (JsonNode v : answer.get("violations")) {
      if (v.at("/b/fid").asLong() == fid || v.at("/a/fid").asLong() == fid) {
        return v;
      }
    }
    return null;
  }
}
