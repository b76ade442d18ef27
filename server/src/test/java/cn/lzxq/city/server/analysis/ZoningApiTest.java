package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Zoning queries on the worked-example fixture. */
class ZoningApiTest extends AnalysisApiTestBase {

  @Test
  void parcelAtAPointWithItsIndicators() throws Exception {
    double[] p = lonLat(560, 560);
    JsonNode r = getJson("/api/analysis/zoning/parcel?point=" + p[0] + "," + p[1]);
    assertThat(r.at("/parcel/parcelCode").asString()).isEqualTo("LZXQ-R2-02");
    assertThat(r.at("/parcel/landUseName").asString()).isEqualTo("二类居住用地");
    assertThat(r.at("/parcel/maxFar").asDouble()).isEqualTo(2.5);
    assertThat(r.at("/parcel/heightLimitM").asDouble()).isEqualTo(54.0);
    assertThat(r.at("/parcel/emfSensitive").asBoolean()).isTrue();
    double[] nowhere = lonLat(2000, 2000);
    assertThat(
            getJson("/api/analysis/zoning/parcel?point=" + nowhere[0] + "," + nowhere[1])
                .get("parcel")
                .isNull())
        .isTrue();
  }

  @Test
  void whatLiesInsideTheHomesParcel() throws Exception {
    // LZXQ-R2-01 is x 60..120, y 20..80: water s4 runs in it from y 20 to 30 (10 m) and s5 from
    // y 30 to 60 (30 m): 40 m of water pipe in two segments; valves JS5 and JS6 stand in it, and
    // the gas point RQ2 at (80, 20) lies on its southern edge, which counts as inside.
    JsonNode r = getJson("/api/analysis/zoning/parcels/LZXQ-R2-01/contents");
    assertThat(r.at("/contents/0/kind").asString()).isEqualTo("pipe");
    assertThat(r.at("/contents/0/key").asString()).isEqualTo("JS");
    assertThat(r.at("/contents/0/count").asLong()).isEqualTo(2);
    assertThat(r.at("/contents/0/lengthM").asDouble()).isEqualTo(40.0);
    assertThat(r.at("/contents/1/kind").asString()).isEqualTo("point");
    assertThat(r.at("/contents/1/count").asLong()).isEqualTo(2);
    assertThat(r.at("/contents/2/key").asString()).isEqualTo("RQ");
    assertThat(r.get("contents")).hasSize(3);
  }

  @Test
  void landUseStatisticsByClass() throws Exception {
    // In the fixture: R 3600 + 4200 = 7800 m², S 12000, B 4225, A 10000: total 34025 m²;
    // R's share 7800 / 34025 = 22.92 %.
    JsonNode r = getJson("/api/analysis/zoning/statistics?bbox=" + FIXTURE_BBOX);
    assertThat(r.get("totalAreaM2").asDouble()).isEqualTo(34025.0);
    JsonNode residential = null;
    for (JsonNode c : r.get("classes")) {
      if (c.get("major").asString().equals("R") && c.get("code").isNull()) {
        residential = c;
      }
    }
    assertThat(residential).isNotNull();
    assertThat(residential.get("parcels").asLong()).isEqualTo(2);
    assertThat(residential.get("areaM2").asDouble()).isEqualTo(7800.0);
    assertThat(residential.get("sharePct").asDouble()).isEqualTo(22.92);
    assertThat(residential.get("nameZh").asString()).isEqualTo("居住用地");
  }
}
