package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Tower co-location, network QA and EMF distance on the worked-example fixture. */
class TowerApiTest extends AnalysisApiTestBase {

  @Test
  void aTelecomSiteNextToAOneTenantTowerShouldShareIt() throws Exception {
    // Proposed China Telecom site at (520, 520), antenna 30 m, n78 3500 MHz, EIRP 60 dBm, urban:
    // search radius 150 m (site_rule 14). LZXQ-0001 at (500, 500) is √(20² + 20²) = 28.28 m away,
    // 40 m tall, one tenant (CMCC) < 3 (rule 17), CMCC antennas at 38 m are 8 m above (≥ 1 m, rule
    // 18):
    // it can host. LZXQ-0002 (44.72 m) already has three tenants, China Telecom among them, and
    // China Unicom's antennas hang at 30 m, the height asked for (< 1 m apart, rule 18).
    double[] p = lonLat(520, 520);
    JsonNode r =
        getJson(
            "/api/analysis/colocation?point="
                + p[0]
                + ","
                + p[1]
                + "&operator=CTCC&antennaHeight=30&band=n78&frequency=3500&eirp=60&areaType=urban");
    assertThat(r.get("verdict").asString()).isEqualTo("share");
    assertThat(r.get("sharedSite").asString()).isEqualTo("LZXQ-0001");
    assertThat(r.get("searchRadiusM").asDouble()).isEqualTo(150.0);
    JsonNode first = r.get("candidates").get(0);
    assertThat(first.get("distanceM").asDouble()).isEqualTo(28.28, offset(0.01));
    assertThat(first.get("canHost").asBoolean()).isTrue();
    JsonNode second = r.get("candidates").get(1);
    assertThat(second.get("siteCode").asString()).isEqualTo("LZXQ-0002");
    assertThat(second.get("canHost").asBoolean()).isFalse();
    assertThat(failed(second)).containsExactly("tenants", "operator", "vertical_separation");
    assertThat(r.get("candidates")).hasSize(2);
    // QA of the position: the nearest site is 28.28 m away, under the urban minimum 150 m (rule 2).
    assertThat(r.at("/siteFlags/0/name").asString()).isEqualTo("site_spacing");
    assertThat(r.at("/siteFlags/0/ok").asBoolean()).isFalse();
    assertThat(r.at("/siteFlags/0/rule/id").asString()).isEqualTo("2");
    // EMF: 60 dBm = 1000 W; limit at 3500 MHz = 3500/7500 = 0.4667 W/m² (rule 20), one project
    // may use 1/5 (rule 21): d = √(1000 / (4π × 0.4667 × 0.2)) = 29.20 m. The homes LZXQ-R2-02
    // begin at (540, 530): √(20² + 10²) = 22.36 m away, inside it (but outside the 22 m protection
    // distance).
    JsonNode emf = r.get("emf");
    assertThat(emf.get("complianceDistanceM").asDouble()).isEqualTo(29.2, offset(0.01));
    assertThat(emf.get("eirpW").asDouble()).isEqualTo(1000.0);
    assertThat(emf.get("sensitiveParcels")).hasSize(1);
    assertThat(emf.at("/sensitiveParcels/0/parcelCode").asString()).isEqualTo("LZXQ-R2-02");
    assertThat(emf.at("/sensitiveParcels/0/distanceM").asDouble()).isEqualTo(22.36, offset(0.01));
    assertThat(emf.at("/sensitiveParcels/0/withinCompliance").asBoolean()).isTrue();
    assertThat(emf.at("/sensitiveParcels/0/withinProtection").asBoolean()).isFalse();
    assertThat(emf.get("rules").findValuesAsString("id")).containsExactly("20", "21", "22");
  }

  @Test
  void chinaMobileCannotShareWhereItAlreadyIsSoANewTowerIsNeeded() throws Exception {
    double[] p = lonLat(520, 520);
    JsonNode r =
        getJson(
            "/api/analysis/colocation?point="
                + p[0]
                + ","
                + p[1]
                + "&operator=CMCC&antennaHeight=30");
    assertThat(r.get("verdict").asString()).isEqualTo("new_tower");
    assertThat(r.get("areaType").asString()).as("from the nearest site").isEqualTo("urban");
    assertThat(failed(r.get("candidates").get(0))).containsExactly("operator");
    assertThat(r.get("emf").isNull()).isTrue();
  }

  @Test
  void emfDistanceAt2600MegahertzUsesTheFlatLimit() throws Exception {
    // 2600 MHz: limit 0.4 W/m² (rule 19) × 0.2 → d = √(1000 / (4π × 0.08)) = 31.54 m.
    double[] p = lonLat(500, 500);
    JsonNode r =
        getJson("/api/analysis/emf?point=" + p[0] + "," + p[1] + "&eirp=60&frequency=2600");
    assertThat(r.get("complianceDistanceM").asDouble()).isEqualTo(31.54, offset(0.01));
    assertThat(r.get("limitWm2").asDouble()).isEqualTo(0.4);
    assertThat(r.get("rules").findValuesAsString("id")).containsExactly("19", "21", "22");
  }

  @Test
  void siteQaFlagsSpacingHeightsTiltsSectorsAndTheTowerInTheSchool() throws Exception {
    JsonNode r = getJson("/api/analysis/site-qa?bbox=" + FIXTURE_BBOX);
    java.util.List<String> flags = new java.util.ArrayList<>();
    r.get("flags")
        .forEach(
            f ->
                flags.add(
                    f.get("siteCode").asString()
                        + ":"
                        + f.get("flag").asString()
                        + ":"
                        + f.get("measured").asDouble()
                        + ":"
                        + f.at("/rule/id").asString()));
    // LZXQ-0001 and -0002 are 60 m apart < 150 m (rule 2). LZXQ-0002 has CUCC n78 sectors at 0° and
    // 50° (< 65°, rule 12), and its CMCC 2600 MHz sectors (60 dBm) need 31.54 m from sensitive land
    // (rule 19 × rule 21) while the homes LZXQ-R2-02 are 30 m north of it. LZXQ-0003 has an 8 m
    // antenna (< 10 m, rule 8), total downtilt 1 + 0 = 1°
    // (< 2°, rule 10), and stands inside the school parcel LZXQ-A33-01 (distance 0 < 22 m, rule
    // 22);
    // its 55 dBm, 3500 MHz sector needs √(316.2 / (4π × 0.4667 × 0.2)) = 16.42 m from sensitive
    // land.
    assertThat(flags)
        .containsExactly(
            "LZXQ-0001:too_close:60.0:2",
            "LZXQ-0002:sector_spacing:50.0:12",
            "LZXQ-0002:sensitive_parcel_within_emf_distance:30.0:19",
            "LZXQ-0003:antenna_too_low:8.0:8",
            "LZXQ-0003:downtilt_too_small:1.0:10",
            "LZXQ-0003:sensitive_parcel_within_emf_distance:0.0:20",
            "LZXQ-0003:sensitive_parcel_within_protection:0.0:22");
    assertThat(r.at("/flags/5/limit").asDouble()).isEqualTo(16.42, offset(0.01));
    assertThat(r.at("/flags/2/limit").asDouble()).isEqualTo(31.54, offset(0.01));
  }

  private static java.util.List<String> failed(JsonNode candidate) {
    java.util.List<String> out = new java.util.ArrayList<>();
    candidate
        .get("checks")
        .forEach(
            c -> {
              if (!c.get("ok").asBoolean()) {
                out.add(c.get("name").asString());
              }
            });
    return out;
  }
}
