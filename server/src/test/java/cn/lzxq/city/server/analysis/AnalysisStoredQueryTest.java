package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.wfs.OgcClient;
import cn.lzxq.city.server.wfs.Xml;
import java.net.http.HttpResponse;
import java.util.List;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The clearance and collision checks as WFS 2.0 stored queries (ListStoredQueries,
 * DescribeStoredQueries, GetFeature STOREDQUERY_ID) on the worked-example fixture: the stored query
 * answers exactly what GET /api/analysis/clearance answers for the same bbox (5 violating pairs:
 * rules 103, 225, 213 — see PipeChecksApiTest for the hand-checked figures). The XML POST encodings
 * ({@code <wfs:StoredQuery id="…"><wfs:Parameter name="BBOX">…}) answer exactly what the KVP ones
 * answer.
 */
class AnalysisStoredQueryTest extends AnalysisApiTestBase {

  private static final String WFS = "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=";

  @Test
  void listAndDescribeNameTheAnalysisQueriesWithTheirParameters() throws Exception {
    HttpResponse<String> list = get(WFS + "ListStoredQueries");
    assertThat(list.statusCode()).isEqualTo(200);
    assertThat(list.body())
        .contains("urn:ogc:def:query:OGC-WFS::GetFeatureById")
        .contains("<wfs:StoredQuery id=\"" + AnalysisStoredQueries.CLEARANCE + "\">")
        .contains("<wfs:ReturnFeatureType>city:ClearanceViolation</wfs:ReturnFeatureType>")
        .contains("<wfs:StoredQuery id=\"" + AnalysisStoredQueries.COLLISION + "\">");

    HttpResponse<String> one =
        get(WFS + "DescribeStoredQueries&STOREDQUERY_ID=" + enc(AnalysisStoredQueries.CLEARANCE));
    assertThat(one.statusCode()).isEqualTo(200);
    assertThat(one.body())
        .contains("<wfs:StoredQueryDescription id=\"" + AnalysisStoredQueries.CLEARANCE + "\">")
        .contains("<wfs:Parameter name=\"BBOX\" type=\"xs:string\">")
        .contains("<wfs:Parameter name=\"ASOF\"")
        .doesNotContain("GetFeatureById")
        .doesNotContain(AnalysisStoredQueries.COLLISION);
  }

  @Test
  void getFeatureRunsTheClearanceCheckLikeTheRestApi() throws Exception {
    HttpResponse<String> r =
        get(
            WFS
                + "GetFeature&STOREDQUERY_ID="
                + enc(AnalysisStoredQueries.CLEARANCE)
                + "&BBOX="
                + FIXTURE_BBOX);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type")).hasValue("application/geo+json");
    JsonNode fc = JSON.readTree(r.body());
    JsonNode rest = getJson("/api/analysis/clearance?f=geojson&bbox=" + FIXTURE_BBOX);
    assertThat(fc.get("type").asString()).isEqualTo("FeatureCollection");
    assertThat(fc.get("features")).hasSize(5);
    assertThat(fc.get("features")).isEqualTo(rest.get("features"));
    assertThat(fc.get("features").findValuesAsString("id")).contains("1003", "2016", "2012");
    assertThat(fc.at("/features/0/geometry/type").asString()).isEqualTo("Point");
  }

  @Test
  void collisionQueryAnswersLikeTheRestApi() throws Exception {
    HttpResponse<String> r =
        get(
            WFS
                + "GetFeature&STOREDQUERY_ID="
                + enc(AnalysisStoredQueries.COLLISION)
                + "&BBOX="
                + FIXTURE_BBOX);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode rest = getJson("/api/analysis/collision?f=geojson&bbox=" + FIXTURE_BBOX);
    assertThat(rest.get("features").size()).isPositive();
    assertThat(JSON.readTree(r.body()).get("features")).isEqualTo(rest.get("features"));
  }

  @Test
  void badParametersAreOwsExceptions() throws Exception {
    HttpResponse<String> missing =
        get(WFS + "GetFeature&STOREDQUERY_ID=" + enc(AnalysisStoredQueries.CLEARANCE));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(missing.body()).contains("MissingParameterValue").contains("locator=\"BBOX\"");

    HttpResponse<String> bad =
        get(
            WFS
                + "GetFeature&STOREDQUERY_ID="
                + enc(AnalysisStoredQueries.CLEARANCE)
                + "&BBOX=1,2,x");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("InvalidParameterValue").contains("locator=\"BBOX\"");

    HttpResponse<String> unknown = get(WFS + "GetFeature&STOREDQUERY_ID=urn:nothing");
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(unknown.body())
        .contains("InvalidParameterValue")
        .contains("unknown stored query &apos;urn:nothing&apos;");

    HttpResponse<String> describe = get(WFS + "DescribeStoredQueries&STOREDQUERY_ID=urn:nothing");
    assertThat(describe.statusCode()).isEqualTo(400);
    assertThat(describe.body()).contains("InvalidParameterValue");
  }

  private HttpResponse<String> postXml(String body) throws Exception {
    return new OgcClient("http://localhost:" + port)
        .send("POST", "/wfs", "text/xml", "<?xml version=\"1.0\"?>" + body, null);
  }

  private static String getFeatureXml(String storedQueryId, String parameters) {
    return "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">"
        + "<wfs:StoredQuery id=\""
        + storedQueryId
        + "\">"
        + parameters
        + "</wfs:StoredQuery></wfs:GetFeature>";
  }

  @Test
  void xmlPostStoredQueriesAnswerLikeKvp() throws Exception {
    for (String id : List.of(AnalysisStoredQueries.CLEARANCE, AnalysisStoredQueries.COLLISION)) {
      HttpResponse<String> kvp =
          get(WFS + "GetFeature&STOREDQUERY_ID=" + enc(id) + "&BBOX=" + FIXTURE_BBOX);
      HttpResponse<String> xml =
          postXml(
              getFeatureXml(
                  id, "<wfs:Parameter name=\"BBOX\">" + FIXTURE_BBOX + "</wfs:Parameter>"));

      assertThat(xml.statusCode()).as(xml.body()).isEqualTo(200);
      assertThat(xml.headers().firstValue("Content-Type")).hasValue("application/geo+json");
      assertThat(JSON.readTree(xml.body()).get("features"))
          .isEqualTo(JSON.readTree(kvp.body()).get("features"));
      assertThat(JSON.readTree(xml.body()).get("features").size()).isPositive();
    }
  }

  @Test
  void xmlPostListAndDescribeNameTheAnalysisQueries() throws Exception {
    String ns = " service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\"";
    HttpResponse<String> list = postXml("<wfs:ListStoredQueries" + ns + "/>");
    HttpResponse<String> one =
        postXml(
            "<wfs:DescribeStoredQueries"
                + ns
                + "><wfs:StoredQueryId>"
                + AnalysisStoredQueries.COLLISION
                + "</wfs:StoredQueryId></wfs:DescribeStoredQueries>");
    Schema wfs = Xml.schema("http://schemas.opengis.net/wfs/2.0/wfs.xsd", null);

    assertThat(list.statusCode()).isEqualTo(200);
    Xml.validate(wfs, list.body());
    assertThat(
            Xml.text(
                list.body(),
                "//wfs:StoredQuery[@id='"
                    + AnalysisStoredQueries.CLEARANCE
                    + "']/wfs:ReturnFeatureType"))
        .isEqualTo("city:ClearanceViolation");
    assertThat(list.body()).isEqualTo(get(WFS + "ListStoredQueries").body());
    assertThat(one.statusCode()).isEqualTo(200);
    Xml.validate(wfs, one.body());
    assertThat(Xml.count(one.body(), "//wfs:StoredQueryDescription")).isEqualTo(1);
    assertThat(
            Xml.count(
                one.body(),
                "//wfs:StoredQueryDescription[@id='"
                    + AnalysisStoredQueries.COLLISION
                    + "']/wfs:Parameter[@name='BBOX']"))
        .isEqualTo(1);
    assertThat(one.body())
        .isEqualTo(
            get(WFS
                    + "DescribeStoredQueries&STOREDQUERY_ID="
                    + enc(AnalysisStoredQueries.COLLISION))
                .body());
  }

  @Test
  void xmlPostBadStoredQueriesAreOwsExceptions() throws Exception {
    HttpResponse<String> missing = postXml(getFeatureXml(AnalysisStoredQueries.CLEARANCE, ""));
    assertThat(missing.statusCode()).isEqualTo(400);
    assertThat(Xml.text(missing.body(), "//ows:Exception/@exceptionCode"))
        .isEqualTo("MissingParameterValue");
    assertThat(Xml.text(missing.body(), "//ows:Exception/@locator")).isEqualTo("BBOX");

    HttpResponse<String> unknown = postXml(getFeatureXml("urn:nothing", ""));
    assertThat(unknown.statusCode()).isEqualTo(400);
    assertThat(Xml.text(unknown.body(), "//ows:Exception/@exceptionCode"))
        .isEqualTo("InvalidParameterValue");
    assertThat(Xml.text(unknown.body(), "//ows:Exception/@locator")).isEqualTo("STOREDQUERY_ID");

    HttpResponse<String> mixed =
        postXml(
            "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\">"
                + "<wfs:Query typeNames=\"city:pipe_js\"/><wfs:StoredQuery id=\""
                + AnalysisStoredQueries.CLEARANCE
                + "\">"
                + "<wfs:Parameter name=\"BBOX\">"
                + FIXTURE_BBOX
                + "</wfs:Parameter></wfs:StoredQuery></wfs:GetFeature>");
    assertThat(mixed.statusCode()).isEqualTo(400);
    assertThat(Xml.text(mixed.body(), "//ows:Exception/@exceptionCode"))
        .isEqualTo("InvalidParameterValue");
  }
}
