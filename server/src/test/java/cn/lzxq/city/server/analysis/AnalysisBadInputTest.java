package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Bad input gets 400 application/problem+json with a clear bilingual detail; the OpenAPI document.
 */
class AnalysisBadInputTest extends AnalysisApiTestBase {

  @Test
  void scopeProblems() throws Exception {
    assertProblem(get("/api/analysis/clearance"), "a scope is required");
    assertProblem(get("/api/analysis/clearance?bbox=1,2,3"), "bbox needs 4 numbers");
    assertProblem(get("/api/analysis/clearance?bbox=103.7,36.5,103.6,36.6"), "empty bbox");
    assertProblem(
        get("/api/analysis/clearance?bbox=116.3,39.9,116.4,40.0"), "outside the service area");
    // Lat/lon given in CRS84 order with EPSG:4326 (lat,lon) swaps the axes: outside the area.
    assertProblem(
        get("/api/analysis/clearance?bbox-crs=EPSG:4326&bbox=" + FIXTURE_BBOX),
        "outside the service area");
    assertProblem(
        get("/api/analysis/clearance?bbox-crs=EPSG:2000&bbox=" + FIXTURE_BBOX), "CRS not served");
    assertProblem(get("/api/analysis/clearance?bbox-crs=foo&bbox=" + FIXTURE_BBOX), "unknown CRS");
    assertProblem(get("/api/analysis/clearance?bbox=103.55,36.28,103.85,36.72"), "scope too large");
    assertProblem(get("/api/analysis/clearance?road=" + enc("不存在路")), "unknown road");
    assertProblem(get("/api/analysis/cover?project=XM-0000"), "unknown project");
    assertProblem(
        get("/api/analysis/clearance?owner=NOBODY&bbox=" + FIXTURE_BBOX), "unknown owner");
    assertProblem(
        get("/api/analysis/clearance?network=XX&bbox=" + FIXTURE_BBOX), "unknown network");
    assertProblem(
        get("/api/analysis/clearance?asOf=yesterday&bbox=" + FIXTURE_BBOX),
        "asOf is not an ISO 8601");
    assertProblem(get("/api/analysis/clearance?f=kml&bbox=" + FIXTURE_BBOX), "unsupported format");
    // EPSG:4490 is latitude first: the same box in lat,lon order is accepted.
    assertThat(
            get("/api/analysis/clearance?bbox-crs=EPSG:4490&bbox=36.49,103.69,36.51,103.72")
                .statusCode())
        .isEqualTo(200);
  }

  @Test
  void geometryProblems() throws Exception {
    String bowtie =
        "{\"type\":\"Polygon\",\"coordinates\":[[[103.70,36.50],[103.701,36.501],[103.701,36.50],[103.70,36.501],[103.70,36.50]]]}";
    assertProblem(
        post("/api/analysis/excavation", "{\"geometry\":" + bowtie + ",\"depth\":2}"),
        "invalid geometry");
    assertProblem(
        post(
            "/api/analysis/excavation",
            "{\"geometry\":{\"type\":\"MultiPolygon\",\"coordinates\":[]},\"depth\":2}"),
        "empty geometry");
    assertProblem(
        post("/api/analysis/excavation", "{\"geometry\":" + line(0, 0, 10, 0) + ",\"depth\":2}"),
        "geometry type must be MultiPolygon or Polygon, not LineString");
    assertProblem(
        post("/api/analysis/excavation", "{\"geometry\":" + polygon(0, 0, 10, 0, 10, 10) + "}"),
        "depth");
    assertProblem(
        post(
            "/api/analysis/excavation",
            "{\"geometry\":" + polygon(0, 0, 10, 0, 10, 10) + ",\"depth\":-1}"),
        "depth must be");
    assertProblem(
        post(
            "/api/analysis/excavation",
            "{\"geometry\":" + polygon(0, 0, 1000, 0, 1000, 1000, 0, 1000) + ",\"depth\":2}"),
        "pit too large");
    assertProblem(post("/api/analysis/excavation", "not json"), "not valid JSON");
    String far =
        "{\"type\":\"Polygon\",\"coordinates\":[[[116.3,39.9],[116.31,39.9],[116.31,39.91],[116.3,39.9]]]}";
    assertProblem(
        post("/api/analysis/excavation", "{\"geometry\":" + far + ",\"depth\":2}"),
        "outside the service area");
    assertProblem(get("/api/analysis/cross-section?line=103.7,36.5"), "at least two points");
    assertProblem(
        get("/api/analysis/cross-section?line=103.70,36.50,103.75,36.50"), "section line too long");
    assertProblem(
        post(
            "/api/analysis/clearance",
            "{\"geometry\":" + line(0, 0, 10, 0) + ",\"network\":\"JS\",\"dn\":300}"),
        "network, dn and depth are required");
    assertProblem(
        post(
            "/api/analysis/clearance",
            "{\"geometry\":"
                + line(0, 0, 10, 0)
                + ",\"network\":\"JS\",\"dn\":300,\"depth\":1.5,\"laying\":\"XX\"}"),
        "unknown code: laying=XX");
  }

  @Test
  void unknownIds() throws Exception {
    assertProblem(get("/api/analysis/valve-isolation?fid=999999999"), "unknown segment fid");
    assertProblem(get("/api/analysis/valve-isolation?fid=" + fid("B")), "water, gas and heat");
    assertProblem(get("/api/analysis/valve-isolation"), "give either fid");
    assertProblem(
        get("/api/analysis/trace?fid=" + fid("B") + "&direction=sideways"), "direction must be");
    assertProblem(get("/api/analysis/profile?lineNo=NOPE"), "unknown line number");
    assertProblem(
        get("/api/analysis/profile?fids=" + fid("s1") + "," + fid("s3")), "does not connect");
    assertProblem(get("/api/analysis/zoning/parcels/NOPE/contents"), "unknown parcel");
    double[] p = lonLat(520, 520);
    assertProblem(
        get(
            "/api/analysis/colocation?point="
                + p[0]
                + ","
                + p[1]
                + "&operator=SW&antennaHeight=30"),
        "unknown operator");
    assertProblem(
        get("/api/analysis/colocation?point=" + p[0] + "," + p[1] + "&operator=CTCC"),
        "antennaHeight");
    assertProblem(
        get("/api/analysis/emf?point=" + p[0] + "," + p[1] + "&eirp=60&frequency=20"),
        "frequency must be");
  }

  @Test
  void openApiDocumentCoversTheAnalysisApi() throws Exception {
    JsonNode doc = getJson("/api/openapi.json");
    assertThat(doc.get("openapi").asString()).startsWith("3.");
    for (String path :
        new String[] {
          "/api/analysis/clearance",
          "/api/analysis/collision",
          "/api/analysis/cover",
          "/api/analysis/excavation",
          "/api/analysis/cross-section",
          "/api/analysis/profile",
          "/api/analysis/valve-isolation",
          "/api/analysis/trace",
          "/api/analysis/trench-sharing",
          "/api/analysis/spare-ducts",
          "/api/analysis/colocation",
          "/api/analysis/site-qa",
          "/api/analysis/survey-qa",
          "/api/analysis/emf",
          "/api/analysis/zoning/parcel",
          "/api/analysis/zoning/parcels/{code}/contents",
          "/api/analysis/zoning/statistics"
        }) {
      assertThat(doc.get("paths").has(path)).as(path).isTrue();
    }
    assertThat(doc.at("/paths/~1api~1analysis~1clearance/get/responses/400")).isNotNull();
  }

  private static void assertProblem(HttpResponse<String> r, String detailPart) throws Exception {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    JsonNode p = JSON.readTree(r.body());
    assertThat(p.get("status").asInt()).isEqualTo(400);
    assertThat(p.get("detail").asString()).contains(detailPart).contains(" / ");
  }
}
