package cn.lzxq.city.server.ogcapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.wfs.OgcClient;
import cn.lzxq.city.server.wfs.SmallCityContextTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** OGC API Features Parts 1-4 black-box on the shared fixture. */
class OgcApiTest extends SmallCityContextTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private OgcClient http;

  @BeforeEach
  void client() {
    http = new OgcClient("http://localhost:" + port);
  }

  private JsonNode json(HttpResponse<String> r) {
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  @Test
  void landingConformanceApiCollectionsAndQueryables() throws Exception {
    JsonNode landing = json(http.get("/ogcapi"));
    assertThat(landing.findValuesAsString("rel"))
        .contains("self", "service-desc", "conformance", "data");
    assertThat(json(http.get("/ogcapi/conformance")).get("conformsTo").toString())
        .contains(
            "ogcapi-features-1/1.0/conf/core",
            "ogcapi-features-2/1.0/conf/crs",
            "ogcapi-features-3/1.0/conf/filter",
            "cql2/1.0/conf/cql2-text",
            "cql2/1.0/conf/cql2-json",
            "ogcapi-features-4/1.0/conf/create-replace-delete");
    assertThat(json(http.get("/ogcapi/api")).get("openapi").asString()).startsWith("3.0");
    JsonNode collections = json(http.get("/ogcapi/collections"));
    assertThat(collections.get("collections")).hasSize(17);
    JsonNode water = json(http.get("/ogcapi/collections/pipe_js"));
    assertThat(water.get("crs").get(0).asString())
        .isEqualTo("http://www.opengis.net/def/crs/OGC/1.3/CRS84");
    assertThat(water.get("storageCrs").asString())
        .isEqualTo("http://www.opengis.net/def/crs/EPSG/0/4544");
    assertThat(
            json(http.get("/ogcapi/collections/pipe_js/queryables"))
                .at("/properties/dn_mm/type")
                .asString())
        .isEqualTo("integer");
    assertThat(http.get("/ogcapi", "f", "html").body()).contains("<html");
    assertThat(http.get("/ogcapi/collections/pipe_js/items", "f", "html").body())
        .contains("<table")
        .contains("管径");
  }

  @Test
  void itemsPageWithNextLinksAndItemById() throws Exception {
    JsonNode page =
        json(
            http.get(
                "/ogcapi/collections/pipe_js/items",
                "limit",
                "2",
                "offset",
                "2",
                "filter",
                "start_point LIKE 'JS%'"));

    assertThat(page.get("numberMatched").asLong()).isEqualTo(5);
    assertThat(page.get("numberReturned").asLong()).isEqualTo(2);
    assertThat(page.get("features").get(0).get("id").asLong()).isEqualTo(103);
    assertThat(page.findValuesAsString("rel")).contains("next", "prev");
    JsonNode item = json(http.get("/ogcapi/collections/pipe_js/items/101"));
    assertThat(item.get("type").asString()).isEqualTo("Feature");
    assertThat(item.at("/geometry/coordinates/0/0").asDouble()).isCloseTo(103.70, offset(1e-7));
    assertThat(http.get("/ogcapi/collections/pipe_js/items/999").statusCode()).isEqualTo(404);
    assertThat(http.get("/ogcapi/collections/nope/items").statusCode()).isEqualTo(404);
    HttpResponse<String> bad = http.get("/ogcapi/collections/pipe_js/items", "limit", "-1");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse(""))
        .contains("application/problem+json");
  }

  @Test
  void crsAndBboxCrsFollowTheEpsgAxisOrder() throws Exception {
    JsonNode lat =
        json(
            http.get(
                "/ogcapi/collections/pipe_js/items",
                "crs",
                "http://www.opengis.net/def/crs/EPSG/0/4490",
                "bbox",
                "36.5017,103.6999,36.5019,103.7011",
                "bbox-crs",
                "http://www.opengis.net/def/crs/EPSG/0/4490"));

    assertThat(lat.get("numberMatched").asLong()).isEqualTo(1);
    assertThat(lat.at("/features/0/id").asLong()).isEqualTo(102);
    assertThat(lat.at("/features/0/geometry/coordinates/0/0").asDouble())
        .as("latitude first")
        .isCloseTo(36.5018, offset(1e-7));
    JsonNode lon =
        json(
            http.get(
                "/ogcapi/collections/pipe_js/items", "bbox", "103.6999,36.5017,103.7011,36.5019"));
    assertThat(lon.at("/features/0/id").asLong()).isEqualTo(102);
  }

  @Test
  void cql2TextAndJsonFilters() throws Exception {
    JsonNode text =
        json(
            http.get(
                "/ogcapi/collections/pipe_js/items",
                "filter",
                "dn_mm >= 300 AND S_INTERSECTS(geom, BBOX(103.6999, 36.5020, 103.7011, 36.5050)) AND road_name LIKE '经%'"));
    JsonNode json =
        json(
            http.get(
                "/ogcapi/collections/pipe_js/items",
                "filter-lang",
                "cql2-json",
                "filter",
                "{\"op\":\"in\",\"args\":[{\"property\":\"dn_mm\"},[100,500]]}"));

    assertThat(text.get("numberMatched").asLong()).isEqualTo(3);
    assertThat(json.get("numberMatched").asLong()).isEqualTo(2);
    assertThat(
            http.get("/ogcapi/collections/pipe_js/items", "filter", "dn_mm = 1; DROP TABLE road")
                .statusCode())
        .isEqualTo(400);
    assertThat(http.get("/ogcapi/collections/pipe_js/items", "filter", "nope = 1").statusCode())
        .isEqualTo(400);
  }

  @Test
  void part4WritesNewVersionsForAuthorisedEditorsOnly() throws Exception {
    String feature =
        "{\"type\":\"Feature\",\"properties\":{\"subtype\":\"JP\",\"feature_code\":\"51041000\",\"start_point\":\"P1\","
            + "\"end_point\":\"P2\",\"depth_ref\":\"top\",\"dn_mm\":110,\"owner\":\"SW\"},\"geometry\":{\"type\":\"LineString\","
            + "\"coordinates\":[[103.71,36.51,1948],[103.711,36.51,1948]]}}";
    assertThat(
            http.send(
                    "POST",
                    "/ogcapi/collections/pipe_js/items",
                    "application/geo+json",
                    feature,
                    null)
                .statusCode())
        .isEqualTo(401);
    assertThat(
            http.send(
                    "POST",
                    "/ogcapi/collections/pipe_js/items",
                    "application/geo+json",
                    feature,
                    "viewer:pw-viewer")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.send(
                    "POST",
                    "/ogcapi/collections/pipe_js/items",
                    "application/geo+json",
                    feature,
                    "editor_rq:pw-editor_rq")
                .statusCode())
        .isEqualTo(403);

    HttpResponse<String> created =
        http.send(
            "POST",
            "/ogcapi/collections/pipe_js/items",
            "application/geo+json",
            feature,
            "editor_sw:pw-editor_sw");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String location = created.headers().firstValue("Location").orElseThrow();
    long fid = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    String path = "/ogcapi/collections/pipe_js/items/" + fid;
    assertThat(json(http.get(path)).at("/properties/dn_mm").asInt()).isEqualTo(110);

    assertThat(
            http.send(
                    "PATCH",
                    path,
                    "application/merge-patch+json",
                    "{\"type\":\"Feature\",\"properties\":{\"dn_mm\":160}}",
                    "editor_sw:pw-editor_sw")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            http.send(
                    "PUT",
                    path,
                    "application/geo+json",
                    feature.replace("110", "200"),
                    "editor_sw:pw-editor_sw")
                .statusCode())
        .isEqualTo(204);
    assertThat(
            Sql.strings(
                db,
                "SELECT dn_mm::text FROM pipe_segment WHERE fid = " + fid + " ORDER BY version_id"))
        .containsExactly("110", "160", "200");
    assertThat(
            http.send("DELETE", path, "application/json", null, "editor_rq:pw-editor_rq")
                .statusCode())
        .isEqualTo(403);
    assertThat(
            http.send("DELETE", path, "application/json", null, "editor_sw:pw-editor_sw")
                .statusCode())
        .isEqualTo(204);
    assertThat(http.get(path).statusCode()).isEqualTo(404);
  }
}
