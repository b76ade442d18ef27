package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The clearance and collision checks as WFS 2.0 stored queries (ListStoredQueries,
 * DescribeStoredQueries, GetFeature STOREDQUERY_ID) on the worked-example fixture: the stored
 * query answers exactly what GET /api/analysis/clearance answers for the same bbox (5 violating
 * pairs: rules 103, 225, 213 — see PipeChecksApiTest for the hand-checked figures).
 */
class AnalysisStoredQueryTest extends AnalysisApiTestBase {

  private static final String WFS = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=";

  @Test
  void listAndDescribeNameTheAnalysisQueriesWithTheirParameters() throws Exception {
    HttpResponse<String> list = get(WFS + "ListStoredQueries");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body()).contains("urn:ogc:def:query:OGC-WFS::GetFeatureById")
        .contains("<wfs:StoredQuery id=\"" + AnalysisStoredQueries.CLEARANCE + "\">")
        .contains("<wfs:ReturnFeatureType>city:ClearanceViolation</wfs:ReturnFeatureType>")
        .contains("<wfs:StoredQuery id=\"" + AnalysisStoredQueries.COLLISION + "\">");

    HttpResponse<String> one = get(WFS + "DescribeStoredQueries&STOREDQUERY_ID=" + enc(AnalysisStoredQueries.CLEARANCE));
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body()).contains("<wfs:StoredQueryDescription id=\"" + AnalysisStoredQueries.CLEARANCE + "\">")
        .contains("<wfs:Parameter name=\"BBOX\" type=\"xs:string\">").contains("<wfs:Parameter name=\"ASOF\"")
        .doesNotContain("GetFeatureById").doesNotContain(AnalysisStoredQueries.COLLISION);
  }

  @Test
  void getFeatureRunsTheClearanceCheckLikeTheRestApi() throws Exception {
    HttpResponse<String> r = get(WFS + "GetFeature&STOREDQUERY_ID=" + enc(AnalysisStoredQueries.CLEARANCE) + "&BBOX="
        + FIXTURE_BBOX);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/geo+json");
    JsonNode fc = JSON.readTree(r.body());
    JsonNode rest = getJson("/api/analysis/clearance?f=geojson&bbox=" + FIXTURE_BBOX);
    assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
    assertThat(fc.get("features")).hasSize(5);
    assertThat(fc.get("features")).isEqualTo(rest.get("features"));
    assertThat(fc.get("features").findValuesAsString("id")).contains("103", "225", "213");
    assertThat(fc.at("/features/0/geometry/type").asString()).isEqualTo("Point");
  }

  @Test
  void collisionQueryAnswersLikeTheRestApi() throws Exception {
    HttpResponse<String> r = get(WFS + "GetFeature&STOREDQUERY_ID=" + enc(AnalysisStoredQueries.COLLISION) + "&BBOX="
        + FIXTURE_BBOX);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode rest = getJson("/api/analysis/collision?f=geojson&bbox=" + FIXTURE_BBOX);
    assertThat(rest.get("features").size()).isPositive();
    assertThat(JSON.readTree(r.body()).get("features")).isEqualTo(rest.get("features"));
  }

  @Test
  void badParametersAreOwsExceptions() throws Exception {
    HttpResponse<String> missing = get(WFS + "GetFeature&STOREDQUERY_ID=" + enc(AnalysisStoredQueries.CLEARANCE));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("MissingParameterValue").contains("locator=\"BBOX\"");

    HttpResponse<String> bad = get(WFS + "GetFeature&STOREDQUERY_ID=" + enc(AnalysisStoredQueries.CLEARANCE) + "&BBOX=1,2,x");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("InvalidParameterValue").contains("locator=\"BBOX\"");

    HttpResponse<String> unknown = get(WFS + "GetFeature&STOREDQUERY_ID=urn:nothing");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body()).contains("InvalidParameterValue").contains("unknown stored query &apos;urn:nothing&apos;");

    HttpResponse<String> describe = get(WFS + "DescribeStoredQueries&STOREDQUERY_ID=urn:nothing");
    assertThat(describe.statusCode()).isEqualTo(400);
    assertThat(describe.body()).contains("InvalidParameterValue");
  }
}
