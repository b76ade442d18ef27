package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Trench sharing and spare ducts on the worked-example fixture. */
class CoConstructionApiTest extends AnalysisApiTestBase {

  @Test
  void theWaterRenewalAndTheTelecomDuctCanShareATrenchInJune2027() throws Exception {
    // XM-2027-001 (water, corridor x 0..200, y −2..1: 3 m wide, 2.0 m deep, Apr–Jun 2027) and
    // XM-2027-002 (telecom, x 100..300, y 3..5: 2 m wide, 1.2 m deep, Jun–Sep 2027) are 2 m apart
    // (≤ 5 m, analysis_setting trench_share_distance_m) and both on site in June: they run side by
    // side for 100 m (x 100..200); one trench saves 100 × 2 (narrower) × 1.2 (shallower) = 240 m³.
    // XM-2028-003 (gas) is close to both but only in 2028.
    JsonNode r = getJson("/api/analysis/trench-sharing");
    assertThat(r.get("distanceM").asDouble()).isEqualTo(5.0);
    assertThat(r.at("/rule/id").asString()).isEqualTo("trench_share_distance_m");
    assertThat(r.get("candidates")).hasSize(1);
    JsonNode c = r.get("candidates").get(0);
    assertThat(c.at("/a/projectCode").asString()).isEqualTo("XM-2027-001");
    assertThat(c.at("/b/projectCode").asString()).isEqualTo("XM-2027-002");
    assertThat(c.at("/a/ownerName").asString()).isEqualTo("兰州新区供水公司");
    assertThat(c.at("/b/ownerName").asString()).isEqualTo("兰州新区通信管道公司");
    assertThat(c.get("gapM").asDouble()).isEqualTo(2.0);
    assertThat(c.get("overlapStart").asString()).isEqualTo("2027-06-01");
    assertThat(c.get("overlapEnd").asString()).isEqualTo("2027-06-30");
    assertThat(c.get("sharedLengthM").asDouble()).isEqualTo(100.0);
    assertThat(c.at("/a/widthM").asDouble()).isEqualTo(3.0);
    assertThat(c.at("/b/widthM").asDouble()).isEqualTo(2.0);
    assertThat(c.get("excavationSavedM3").asDouble()).isEqualTo(240.0);
    // The telecom duct bank along y = 4 (12 holes, 4 used) is also in the answer: 8 spare holes.
    assertThat(r.at("/spareDucts/0/fid").asLong()).isEqualTo(fid("duct"));
    assertThat(r.at("/spareDucts/0/spareHoles").asInt()).isEqualTo(8);
  }

  @Test
  void spareDuctsAlongAProjectCorridor() throws Exception {
    JsonNode r = getJson("/api/analysis/spare-ducts?project=XM-2027-002");
    assertThat(r.get("ducts")).hasSize(1);
    assertThat(r.at("/ducts/0/totalHoles").asInt()).isEqualTo(12);
    assertThat(r.at("/ducts/0/usedHoles").asInt()).isEqualTo(4);
    assertThat(r.at("/ducts/0/lengthM").asDouble()).isEqualTo(200.0);
    assertThat(getJson("/api/analysis/spare-ducts?project=XM-2027-002&network=DL").get("ducts"))
        .isEmpty();
  }
}
