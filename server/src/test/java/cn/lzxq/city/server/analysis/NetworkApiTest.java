package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Valve isolation and network traces on the worked-example fixture. */
class NetworkApiTest extends AnalysisApiTestBase {

  @Test
  void burstOnS2ClosesJs2Js4AndJs6BecauseJs5IsInoperable() throws Exception {
    // Water: JS1 —s1— JS2(valve) —s2— JS3(tee) —s3— JS4(valve); JS3 —s4— JS5(valve, inoperable)
    // —s5— JS6(valve).
    // A burst on s2 walks to JS2 (close), to JS3 and on to JS4 (close) and JS5, which cannot be
    // operated, so on through s5 to JS6 (close). Isolated: s2 s3 s4 s5 = 40 + 30 + 30 + 30 = 130 m.
    // Parcels within 30 m of them: the homes LZXQ-R2-01 and the road LZXQ-S1-01.
    JsonNode r = getJson("/api/analysis/valve-isolation?fid=" + fid("s2"));
    assertThat(r.get("complete").asBoolean()).isTrue();
    assertThat(r.get("valvesToClose").findValues("fid").stream().map(JsonNode::asLong).toList())
        .containsExactly(pointFid("JS2"), pointFid("JS4"), pointFid("JS6"));
    assertThat(r.get("inoperableValves").findValues("fid").stream().map(JsonNode::asLong).toList())
        .containsExactly(pointFid("JS5"));
    assertThat(r.get("isolatedSegments").findValues("fid").stream().map(JsonNode::asLong).toList())
        .containsExactly(fid("s2"), fid("s3"), fid("s4"), fid("s5"));
    assertThat(r.get("isolatedLengthM").asDouble()).isEqualTo(130.0);
    assertThat(r.get("affectedPoints").findValuesAsString("label")).containsExactly("JS3 三通");
    assertThat(r.get("parcelsServed").findValuesAsString("code"))
        .containsExactly("LZXQ-R2-01", "LZXQ-S1-01");
    assertThat(r.get("rules").findValuesAsString("id")).contains("parcel_service_distance_m");

    // With JS2 also out of order the walk passes it to s1 and JS1, a cap: no valve on that side.
    JsonNode worse =
        getJson(
            "/api/analysis/valve-isolation?fid=" + fid("s2") + "&inoperable=" + pointFid("JS2"));
    assertThat(worse.get("valvesToClose").findValues("fid").stream().map(JsonNode::asLong).toList())
        .containsExactly(pointFid("JS4"), pointFid("JS6"));
    assertThat(worse.get("isolatedLengthM").asDouble()).isEqualTo(160.0);

    // As GeoJSON: the valves, segments and points as features.
    HttpResponse<String> geo = get("/api/analysis/valve-isolation?f=geojson&fid=" + fid("s2"));
    JsonNode fc = JSON.readTree(geo.body());
    assertThat(fc.get("features")).hasSize(3 + 4 + 1 + 1);
    assertThat(fc.at("/features/0/properties/kind").asString()).isEqualTo("valve");
    assertThat(fc.at("/features/0/geometry/type").asString()).isEqualTo("Point");
    assertThat(fc.at("/features/3/geometry/type").asString()).isEqualTo("LineString");

    // A burst located by a point 1 m off s2 finds the same segment.
    double[] p = lonLat(50, -1);
    JsonNode byPoint = getJson("/api/analysis/valve-isolation?point=" + p[0] + "," + p[1]);
    assertThat(byPoint.get("burstFid").asLong()).isEqualTo(fid("s2"));
  }

  @Test
  void drainageTracesFollowTheFlowDirection() throws Exception {
    // Storm B flows PS1 → PS2, then C flows PS2 → PS5; sewer S2 is not connected to them.
    JsonNode down = getJson("/api/analysis/trace?direction=downstream&fid=" + fid("B"));
    assertThat(down.get("segments").findValues("fid").stream().map(JsonNode::asLong).toList())
        .containsExactly(fid("B"), fid("C"));
    assertThat(down.get("lengthM").asDouble()).isEqualTo(131.2);
    JsonNode up = getJson("/api/analysis/trace?direction=upstream&fid=" + fid("C"));
    assertThat(up.get("segments").findValues("fid").stream().map(JsonNode::asLong).toList())
        .containsExactly(fid("B"), fid("C"));
    JsonNode upB = getJson("/api/analysis/trace?direction=upstream&fid=" + fid("B"));
    assertThat(upB.get("segments")).hasSize(1);
    JsonNode connected = getJson("/api/analysis/trace?fid=" + fid("s1"));
    assertThat(connected.get("segments")).hasSize(5);
  }
}
