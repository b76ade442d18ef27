package cn.lzxq.city.server.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.StringJoiner;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Hostile and careless input over every protocol (WMS, WFS KVP and XML, OGC API with CQL2 text and
 * JSON, 3D Tiles, the analysis API): the cases issue 15 lists, each with its exact answer, then
 * {@value #FUZZED} requests drawn with a fixed seed from pools of valid and broken values. No
 * answer may be a 500 or a 503, a 501 only as OperationNotSupported, every error must be in its
 * protocol's form, and no error body may carry internal text (PostgreSQL messages, PROJ errors,
 * Java exception names). Also: bodies over the limit (413 in each protocol's form) and CORS. Own
 * context: a 1 MB body limit, and the 3D Tiles fixture so that every protocol has data.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ProtocolFuzzTest {

  static final long SEED = 20_261_207L;
  static final int FUZZED = 1_500;
  private static final String NUL = "\u0000";
  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String EDITOR = "fuzz_editor:pw-fuzz";
  private static final List<String> INTERNAL_TEXT =
      List.of(
          "org.postgresql",
          "PSQLException",
          "SQLException",
          "SQLState",
          "java.lang.",
          "springframework",
          "Point outside of projection domain",
          "Cannot find SRID",
          "ERROR: ",
          "\tat ",
          "constraint",
          "Exception:",
          "NullPointer");
  private static HikariDataSource db;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("ProtocolFuzzTest", registry, "/tiles3d/fixture.sql");
    registry.add("city.http.max-request-body", () -> "1MB");
    Sql.exec(
        db,
        "INSERT INTO app_user (username, password_hash, role, organization) VALUES ('fuzz_editor', '"
            + PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("pw-fuzz")
            + "', 'editor', 'SW')");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /** The protocol whose error form an answer must have. */
  enum Form {
    WMS,
    OWS,
    PROBLEM
  }

  /** One request: method, path with encoded query, body (null for none), credentials. */
  record Req(
      Form form,
      String method,
      String pathAndQuery,
      String contentType,
      String body,
      boolean editor) {}

  /** One listed case with its exact answer. */
  record Expect(Req req, int status, String code) {}

  // ---- the listed cases ---------------------------------------------------------------------

  @Test
  void theListedCasesAnswerInTheirProtocolsForm() throws Exception {
    String map =
        "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=pipe_js,zoning_parcel&STYLES=&FORMAT=image/png&WIDTH=256&HEIGHT=128";
    List<Expect> cases =
        List.of(
            // GDAL's default WMS: request, the whole world in the layer's first CRS: it renders
            new Expect(wms(map + "&CRS=EPSG:4490&BBOX=-90,-180,90,180"), 200, null),
            new Expect(
                wms(map + "&CRS=EPSG:3857&BBOX=-20037508.34,-20037508.34,20037508.34,20037508.34"),
                200,
                null),
            new Expect(wms(map + "&CRS=EPSG:4326&BBOX=-90,-180,90,180"), 200, null),
            new Expect(wms(map + "&CRS=CRS:84&BBOX=-180,-90,180,90"), 200, null),
            new Expect(wms(map + "&CRS=EPSG:4544&BBOX=-1e7,-1e7,1e7,1e7"), 200, null),
            new Expect(
                wms(map.replace("1.3.0", "1.1.1") + "&SRS=EPSG:4326&BBOX=-180,-90,180,90"),
                200,
                null),
            new Expect(
                wms(
                    "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=pipe_js&QUERY_LAYERS=pipe_js&STYLES=&WIDTH=256"
                        + "&HEIGHT=128&CRS=EPSG:4490&BBOX=-90,-180,90,180&I=10&J=10&INFO_FORMAT=application/json"),
                200,
                null),
            new Expect(
                wms(map + "&CRS=EPSG:4490&BBOX=NaN,NaN,NaN,NaN"), 400, "InvalidParameterValue"),
            new Expect(
                wms(map + "&CRS=EPSG:4490&BBOX=-Infinity,-Infinity,Infinity,Infinity"),
                400,
                "InvalidParameterValue"),
            new Expect(
                wms(map + "&CRS=EPSG:3857&BBOX=-1e308,-1e308,1e308,1e308"),
                400,
                "InvalidParameterValue"),
            new Expect(
                wms(
                    map
                        + "&CRS=EPSG:4490&BBOX=36.5,103.7,36.6,103.8&CQL_FILTER="
                        + enc("road_name='" + NUL + "x'")),
                400,
                "InvalidParameterValue"),
            new Expect(
                wms("SERVICE=WMS&VERSION=1.3.0&REQUEST=Frobnicate"), 501, "OperationNotSupported"),
            new Expect(wfs("REQUEST=Frobnicate"), 501, "OperationNotSupported"),
            new Expect(
                wfs("REQUEST=GetFeature&TYPENAMES=pipe_js&SORTBY=nope"),
                400,
                "InvalidParameterValue"),
            new Expect(
                wfs("REQUEST=GetFeature&TYPENAMES=pipe_js&SORTBY=nope%20DESC"),
                400,
                "InvalidParameterValue"),
            new Expect(
                wfsPost(
                    getFeature(
                        "pipe_js",
                        "",
                        "<fes:SortBy><fes:SortProperty><fes:ValueReference>nope"
                            + "</fes:ValueReference></fes:SortProperty></fes:SortBy>")),
                400,
                "InvalidParameterValue"),
            new Expect(
                wfs("REQUEST=GetFeature&TYPENAMES=pipe_js&BBOX=NaN,NaN,NaN,NaN"),
                400,
                "InvalidParameterValue"),
            new Expect(
                wfs(
                    "REQUEST=GetFeature&TYPENAMES=pipe_js&BBOX=-Infinity,-Infinity,Infinity,Infinity"),
                400,
                "InvalidParameterValue"),
            new Expect(
                wfs("REQUEST=GetFeature&TYPENAMES=pipe_js&BBOX=-1e308,-1e308,1e308,1e308"),
                400,
                "InvalidParameterValue"),
            new Expect(
                wfs(
                    "REQUEST=GetFeature&TYPENAMES=pipe_js&BBOX=-90,-180,90,180,urn:ogc:def:crs:EPSG::4326"),
                200,
                null),
            new Expect(
                wfs(
                    "REQUEST=GetFeature&TYPENAMES=pipe_js&FILTER="
                        + enc(
                            "<Filter><PropertyIsEqualTo><ValueReference>"
                                + "road_name</ValueReference><Literal>x"
                                + NUL
                                + "</Literal></PropertyIsEqualTo></Filter>")),
                400,
                null),
            new Expect(rest("GET", "/3dtiles/%00/tileset.json"), 400, null),
            new Expect(
                wfsPost(
                    getFeature(
                        "pipe_js",
                        "<fes:Filter><fes:BBOX><fes:ValueReference>geom</fes:ValueReference>"
                            + "<gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4326\"><gml:lowerCorner>NaN NaN</gml:lowerCorner>"
                            + "<gml:upperCorner>NaN NaN</gml:upperCorner></gml:Envelope></fes:BBOX></fes:Filter>",
                        "")),
                400,
                null),
            new Expect(
                wfs(
                    "REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=abc"),
                404,
                "NotFound"),
            new Expect(
                wfs(
                    "REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=nope.5"),
                404,
                "NotFound"),
            new Expect(
                wfs(
                    "REQUEST=GetFeature&STOREDQUERY_ID=urn:ogc:def:query:OGC-WFS::GetFeatureById&ID=pipe_js.987654"),
                404,
                "NotFound"),
            new Expect(
                wfsPost(
                    "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" "
                        + XMLNS
                        + "><wfs:StoredQuery id=\""
                        + "urn:ogc:def:query:OGC-WFS::GetFeatureById\"><wfs:Parameter name=\"id\">not-an-id</wfs:Parameter></wfs:StoredQuery>"
                        + "</wfs:GetFeature>"),
                404,
                "NotFound"),
            new Expect(
                rest(
                    "GET",
                    "/ogcapi/collections/pipe_js/items?filter="
                        + enc("road_name LIKE '%" + NUL + "%'")),
                400,
                null),
            new Expect(
                rest("GET", "/ogcapi/collections/pipe_js/items?bbox=NaN,NaN,NaN,NaN"), 400, null),
            new Expect(
                rest("GET", "/ogcapi/collections/pipe_js/items?bbox=-180,-90,180,90"), 200, null),
            new Expect(rest("GET", "/ogcapi/collections/pipe_js/items/abc"), 404, null),
            new Expect(rest("GET", "/error"), 404, null),
            new Expect(rest("GET", "/3dtiles/nope/tileset.json"), 404, null));
    List<String> wrong = new ArrayList<>();
    for (Expect e : cases) {
      HttpResponse<String> r = send(e.req());
      String problem = formProblem(e.req(), r);
      if (r.statusCode() != e.status()
          || (e.status() >= 400 && problem != null)
          || (e.code() != null && !r.body().contains("\"" + e.code() + "\""))) {
        wrong.add(
            e.req().method()
                + " "
                + e.req().pathAndQuery()
                + " → "
                + r.statusCode()
                + " (want "
                + e.status()
                + " "
                + e.code()
                + ")"
                + (problem == null ? "" : " " + problem)
                + ": "
                + abbreviate(r.body()));
      }
      if (e.status() == 200
          && e.req().form() == Form.WMS
          && e.req().pathAndQuery().contains("GetMap")) {
        assertThat(r.headers().firstValue("Content-Type"))
            .as(e.req().pathAndQuery())
            .hasValue("image/png");
      }
    }
    assertThat(wrong).as("listed cases answered wrongly").isEmpty();
  }

  // ---- request bodies and CORS ----------------------------------------------------------------

  @Test
  void bodiesOverTheLimitAreRefusedInEachProtocolsForm() throws Exception {
    byte[] big = new byte[1_100_000];
    java.util.Arrays.fill(big, (byte) ' ');
    record Target(String path, String contentType, boolean editor, String form) {}
    for (Target t :
        List.of(
            new Target("/wfs", "text/xml", false, "ows:ExceptionReport"),
            new Target("/wms", "text/xml", false, "ServiceExceptionReport"),
            new Target(
                "/ogcapi/collections/pipe_js/items",
                "application/geo+json",
                true,
                "\"status\":413"),
            new Target("/api/analysis/excavation", "application/json", false, "\"status\":413"))) {
      // WMS reads no POST body but form parameters (Tomcat's form limit): a chunked XML body there
      // is never read
      for (boolean chunked : t.path().equals("/wms") ? List.of(false) : List.of(false, true)) {
        HttpRequest.Builder b =
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + t.path()))
                .timeout(Duration.ofSeconds(60))
                .header("Content-Type", t.contentType())
                .POST(
                    chunked
                        ? HttpRequest.BodyPublishers.ofInputStream(
                            () -> new java.io.ByteArrayInputStream(big))
                        : HttpRequest.BodyPublishers.ofByteArray(big));
        if (t.editor()) {
          b.header(
              "Authorization",
              "Basic "
                  + Base64.getEncoder().encodeToString(EDITOR.getBytes(StandardCharsets.UTF_8)));
        }
        HttpResponse<String> r = CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode())
            .as(t.path() + (chunked ? " chunked" : " with Content-Length") + ": " + r.body())
            .isEqualTo(413);
        assertThat(r.body()).as(t.path()).contains(t.form());
      }
    }
  }

  @Test
  void everyReadEndpointAnswersBrowsersOfOtherOriginsWhileReadsArePublic() throws Exception {
    for (String path :
        List.of(
            "/wms?SERVICE=WMS&REQUEST=GetCapabilities",
            "/wfs?SERVICE=WFS&REQUEST=GetCapabilities",
            "/ogcapi/collections",
            "/3dtiles/pipes/tileset.json",
            "/api/layers",
            "/ows?SERVICE=WFS&REQUEST=GetCapabilities")) {
      HttpResponse<String> r =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Origin", "https://portal.example.cn")
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().allValues("Access-Control-Allow-Origin"))
          .as(path)
          .containsExactly("*");
      assertThat(r.headers().firstValue("Access-Control-Allow-Credentials")).as(path).isEmpty();
      HttpResponse<String> preflight =
          CLIENT.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Origin", "https://portal.example.cn")
                  .header("Access-Control-Request-Method", "GET")
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofString());
      assertThat(preflight.statusCode()).as("preflight " + path).isEqualTo(200);
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
          .as(path)
          .hasValueSatisfying(m -> assertThat(m).contains("GET"));
    }
  }

  // ---- the fuzz -----------------------------------------------------------------------------

  @Test
  void fuzzedRequestsNeverAnswer500Or503AndErrorsKeepTheirForm() throws Exception {
    Random random = new Random(SEED);
    List<String> wrong = new ArrayList<>();
    int[] byClass = new int[6];
    for (int i = 0; i < FUZZED; i++) {
      Req req = new Fuzz(random).next();
      HttpResponse<String> r = send(req);
      byClass[r.statusCode() / 100]++;
      String problem = null;
      if (r.statusCode() == 500 || r.statusCode() == 503) {
        problem = "status " + r.statusCode();
      } else if (r.statusCode() == 501 && !r.body().contains("OperationNotSupported")) {
        problem = "501 that is not OperationNotSupported";
      } else if (r.statusCode() >= 400) {
        problem = formProblem(req, r);
      }
      if (problem != null) {
        wrong.add(
            "#"
                + i
                + " "
                + req.method()
                + " "
                + req.pathAndQuery()
                + (req.body() == null ? "" : " body " + abbreviate(req.body()))
                + " → "
                + r.statusCode()
                + " "
                + problem
                + ": "
                + abbreviate(r.body()));
      }
    }
    assertThat(byClass[2]).as("a fair share of the requests is valid").isGreaterThan(FUZZED / 10);
    assertThat(byClass[4]).as("and a fair share is refused").isGreaterThan(FUZZED / 10);
    assertThat(wrong)
        .as("%d of %d fuzzed requests answered wrongly", wrong.size(), FUZZED)
        .isEmpty();
  }

  /** Null when an error answer has its protocol's form and no internal text; else what is wrong. */
  private static String formProblem(Req req, HttpResponse<String> r) {
    String type = r.headers().firstValue("Content-Type").orElse("");
    String body = r.body();
    for (String s : INTERNAL_TEXT) {
      if (body.contains(s)) {
        return "internal text '" + s + "'";
      }
    }
    if (r.statusCode() < 400) {
      return null;
    }
    return switch (req.form()) {
      case WMS ->
          body.contains("<ServiceExceptionReport") || type.startsWith("image/")
              ? null
              : "not a ServiceExceptionReport";
      case OWS -> body.contains("ExceptionReport") ? null : "not an OWS ExceptionReport";
      case PROBLEM ->
          type.startsWith("application/problem+json") ? null : "not problem+json (" + type + ")";
    };
  }

  private HttpResponse<String> send(Req req) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + req.pathAndQuery()))
            .timeout(Duration.ofSeconds(60))
            .method(
                req.method(),
                req.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(req.body()));
    if (req.contentType() != null) {
      b.header("Content-Type", req.contentType());
    }
    if (req.editor()) {
      b.header(
          "Authorization",
          "Basic " + Base64.getEncoder().encodeToString(EDITOR.getBytes(StandardCharsets.UTF_8)));
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String abbreviate(String s) {
    String t = s.replace('\n', ' ');
    return t.length() > 300 ? t.substring(0, 300) + "…" : t;
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static Req wms(String query) {
    return new Req(Form.WMS, "GET", "/wms?" + query, null, null, false);
  }

  private static Req wfs(String query) {
    return new Req(Form.OWS, "GET", "/wfs?SERVICE=WFS&VERSION=2.0.0&" + query, null, null, false);
  }

  private static Req wfsPost(String xml) {
    return new Req(Form.OWS, "POST", "/wfs", "text/xml", xml, false);
  }

  private static Req rest(String method, String path) {
    return new Req(Form.PROBLEM, method, path, null, null, false);
  }

  static final String XMLNS =
      "xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\""
          + " xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:city=\"http://lzxq.cn/city\"";

  static String getFeature(String typeName, String filter, String sortBy) {
    return "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" count=\"20\" "
        + XMLNS
        + "><wfs:Query typeNames=\"city:"
        + typeName
        + "\">"
        + filter
        + sortBy
        + "</wfs:Query></wfs:GetFeature>";
  }

  /** Draws requests from pools of valid and broken values. */
  static final class Fuzz {

    static final String[] LAYERS = {
      "pipe_js",
      "pipe_rq",
      "pipe_ps",
      "pipe_dl",
      "pipe_point",
      "base_station",
      "antenna_sector",
      "zoning_parcel",
      "road",
      "construction_project",
      "nope",
      "",
      "pipe_js,nope",
      "'; DROP TABLE pipe_segment;--",
      NUL,
      "city:pipe_js",
      "pipe_js,pipe_rq,pipe_point"
    };
    static final String[] CRS = {
      "EPSG:4490",
      "EPSG:3857",
      "EPSG:4326",
      "CRS:84",
      "EPSG:4544",
      "EPSG:4523",
      "EPSG:9999",
      "urn:ogc:def:crs:EPSG::4490",
      "garbage",
      "",
      "EPSG:",
      "EPSG:-1"
    };
    static final String[] BBOX = {
      "36.54,103.70,36.56,103.72",
      "103.70,36.54,103.72,36.56",
      "-90,-180,90,180",
      "-180,-90,180,90",
      "-20037508.34,-20037508.34,20037508.34,20037508.34",
      "400000,4040000,402000,4042000",
      "NaN,NaN,NaN,NaN",
      "-Infinity,-Infinity,Infinity,Infinity",
      "-1e308,-1e308,1e308,1e308",
      "1e308,1e308,-1e308,-1e308",
      "0,0,0,0",
      "1,2,3",
      "a,b,c,d",
      "",
      "36.54,103.70,36.56,103.72,urn:ogc:def:crs:EPSG::4490",
      "-90,-180,90,180,EPSG:4326",
      "36.54,103.70,36.56,103.72,EPSG:9999",
      "1e-320,1e-320,2e-320,2e-320",
      "-0,-0,0,0",
      "36.5,103.7,36.5,103.7"
    };
    static final String[] SIZE = {
      "256", "256", "1", "0", "-1", "100000", "abc", "4096", "", "2147483648"
    };
    static final String[] CQL = {
      "road_name='x'",
      "road_name='" + NUL + "x'",
      "road_name LIKE '%" + NUL + "%'",
      "dn_mm > 300",
      "nope = 1",
      "((((",
      "dn_mm > 'abc'",
      "INTERSECTS(geom, POINT(103.71 36.55))",
      "INTERSECTS(geom, POINT(NaN NaN))",
      "BBOX(geom, -180, -90, 180, 90)",
      "1=1",
      "road_name IN ('a','b')",
      "dn_mm BETWEEN 100 AND 'x'",
      "owner = 'SW' AND",
      "S_INTERSECTS(geom, POLYGON((-180 -90, 180 -90, 180 90, -180 90, -180 -90)))",
      "DWITHIN(geom, POINT(103.71 36.55), 1e308, meters)",
      "T_AFTER(valid_from, TIMESTAMP('2020-01-01T00:00:00Z'))",
      "road_name = '''",
      "dn_mm = 1e400"
    };
    static final String[] CQL_JSON = {
      "{\"op\":\"=\",\"args\":[{\"property\":\"dn_mm\"},300]}",
      "{\"op\":\"like\",\"args\":" + "[{\"property\":\"road_name\"},\"%\\u0000%\"]}",
      "{",
      "[]",
      "null",
      "{\"op\":\"nope\",\"args\":[]}",
      "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"type\":\"Point\",\"coordinates\":[\"NaN\",1]}]}",
      "{\"op\":\"s_intersects\",\"args\":[{\"property\":\"geom\"},{\"bbox\":[-180,-90,180,90]}]}"
    };
    static final String[] SORT = {
      "dn_mm",
      "dn_mm DESC",
      "nope",
      "nope DESC",
      "dn_mm SIDEWAYS",
      ",",
      "fid D",
      "city:dn_mm A",
      "valid_from",
      NUL
    };
    static final String[] TIME = {
      "2020-01-01",
      "yesterday",
      "",
      "9999-99-99",
      "2020-01-01/2021-01-01",
      "1800-01-01",
      "2020-01-01T00:00:00Z",
      "../2020-01-01",
      "current",
      NUL
    };
    static final String[] IDS = {
      "pipe_js.1",
      "abc",
      "pipe_js.abc",
      "nope.5",
      "99999999999999999999",
      "",
      "pipe_js.-1",
      "1",
      "pipe_js.1,pipe_rq.2",
      NUL
    };
    static final String[] COUNT = {
      "10", "-1", "abc", "0", "99999999999999999999", "1", "100000", ""
    };
    static final String[] WMS_FORMAT = {
      "image/png",
      "image/jpeg",
      "image/gif",
      "text/html",
      "",
      "application/json",
      "image/png; mode=8bit",
      "image/png8"
    };
    static final String[] WFS_FORMAT = {
      "application/gml+xml; version=3.2",
      "application/json",
      "application/geo+json",
      "text/csv",
      "GML2",
      "nope",
      "text/xml; subtype=gml/3.1.1",
      ""
    };
    static final String[] VERSION = {"1.3.0", "1.1.1", "2.0.0", "1.1.0", "1.0.0", "9.9", "", "abc"};
    static final String[] EXCEPTIONS = {
      "XML", "INIMAGE", "BLANK", "application/vnd.ogc.se_xml", "nope"
    };
    static final String[] WMS_REQUEST = {
      "GetMap",
      "GetMap",
      "GetMap",
      "GetFeatureInfo",
      "GetFeatureInfo",
      "GetLegendGraphic",
      "GetCapabilities",
      "GetStyles",
      "Frobnicate",
      "",
      "getmap"
    };
    static final String[] WFS_REQUEST = {
      "GetFeature",
      "GetFeature",
      "GetFeature",
      "GetPropertyValue",
      "DescribeFeatureType",
      "GetCapabilities",
      "ListStoredQueries",
      "DescribeStoredQueries",
      "Transaction",
      "Frobnicate",
      "",
      "LockFeature"
    };
    static final String[] FILTER_XML = {
      "",
      "<fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>dn_mm</fes:ValueReference>"
          + "<fes:Literal>300</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>",
      "<fes:Filter><fes:PropertyIsLike wildCard=\"%\" singleChar=\"_\" escapeChar=\"\\\"><fes:ValueReference>road_name"
          + "</fes:ValueReference><fes:Literal>%"
          + NUL
          + "%</fes:Literal></fes:PropertyIsLike></fes:Filter>",
      "<fes:Filter><fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4326\">"
          + "<gml:lowerCorner>-90 -180</gml:lowerCorner><gml:upperCorner>90 180</gml:upperCorner></gml:Envelope></fes:BBOX>"
          + "</fes:Filter>",
      "<fes:Filter><fes:BBOX><fes:ValueReference>geom</fes:ValueReference><gml:Envelope srsName=\"urn:ogc:def:crs:EPSG::4326\">"
          + "<gml:lowerCorner>NaN NaN</gml:lowerCorner><gml:upperCorner>Infinity 1e308</gml:upperCorner></gml:Envelope>"
          + "</fes:BBOX></fes:Filter>",
      "<fes:Filter><fes:Intersects><fes:ValueReference>geom</fes:ValueReference><gml:Point gml:id=\"p\" srsName="
          + "\"urn:ogc:def:crs:EPSG::3857\"><gml:pos>1e308 1e308</gml:pos></gml:Point></fes:Intersects></fes:Filter>",
      "<fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>nope</fes:ValueReference><fes:Literal>1</fes:Literal>"
          + "</fes:PropertyIsEqualTo></fes:Filter>",
      "<fes:Filter><fes:ResourceId rid=\"pipe_js.abc\"/></fes:Filter>",
      "<fes:Filter>",
      "<fes:Filter><fes:And/></fes:Filter>",
      "<fes:Filter><fes:PropertyIsBetween><fes:ValueReference>dn_mm</fes:ValueReference><fes:LowerBoundary><fes:Literal>x"
          + "</fes:Literal></fes:LowerBoundary><fes:UpperBoundary><fes:Literal>1e999</fes:Literal></fes:UpperBoundary>"
          + "</fes:PropertyIsBetween></fes:Filter>"
    };
    static final String[] SORT_XML = {
      "",
      "<fes:SortBy><fes:SortProperty><fes:ValueReference>dn_mm</fes:ValueReference>"
          + "</fes:SortProperty></fes:SortBy>",
      "<fes:SortBy><fes:SortProperty><fes:ValueReference>nope</fes:ValueReference>"
          + "</fes:SortProperty></fes:SortBy>",
      "<fes:SortBy><fes:SortProperty><fes:ValueReference>dn_mm</fes:ValueReference>"
          + "<fes:SortOrder>SIDEWAYS</fes:SortOrder></fes:SortProperty></fes:SortBy>",
      "<fes:SortBy/>"
    };
    static final String[] JSON_BODY = {
      "{",
      "[]",
      "null",
      "{\"type\":\"Feature\"}",
      "\"x\"",
      "{\"type\":\"FeatureCollection\"," + "\"features\":[]}",
      "{\"type\":\"Feature\",\"geometry\":null,\"properties\":{\"dn_mm\":\"abc\"}}",
      "",
      "{\"geometry\":1}",
      "{\"type\":\"Feature\",\"properties\":{\"nope\":1},\"geometry\":null}"
    };
    static final String[] TILESETS = {
      "pipes", "pipe_js", "stations", "parcels", "points", "nope", "..", "%00", "pipes%2F.."
    };

    private final Random r;

    Fuzz(Random r) {
      this.r = r;
    }

    private String pick(String[] pool) {
      return pool[r.nextInt(pool.length)];
    }

    private boolean often() {
      return r.nextInt(10) < 7;
    }

    private String query(String... keyValues) {
      StringJoiner j = new StringJoiner("&");
      for (int i = 0; i < keyValues.length; i += 2) {
        if (keyValues[i + 1] != null) {
          j.add(keyValues[i] + "=" + enc(keyValues[i + 1]));
        }
      }
      return j.toString();
    }

    private String maybe(String[] pool) {
      return often() ? pick(pool) : null;
    }

    Req next() {
      return switch (r.nextInt(12)) {
        case 0, 1, 2 -> wmsRequest();
        case 3, 4, 5 -> wfsKvp();
        case 6, 7 -> wfsXml();
        case 8, 9 -> ogcApi();
        case 10 -> tiles();
        default -> api();
      };
    }

    private Req wmsRequest() {
      String version = r.nextInt(4) == 0 ? pick(VERSION) : r.nextBoolean() ? "1.3.0" : "1.1.1";
      String crsKey = version.equals("1.1.1") ? "SRS" : "CRS";
      String layers = r.nextInt(4) == 0 ? pick(LAYERS) : "pipe_js,pipe_rq,zoning_parcel";
      return wms(
          query(
              "SERVICE",
              r.nextInt(10) == 0 ? "WFS" : "WMS",
              "VERSION",
              version,
              "REQUEST",
              pick(WMS_REQUEST),
              "LAYERS",
              layers,
              "QUERY_LAYERS",
              maybe(LAYERS),
              "LAYER",
              maybe(LAYERS),
              "STYLES",
              r.nextInt(5) == 0 ? "nope" : "",
              crsKey,
              r.nextInt(3) == 0 ? pick(CRS) : "EPSG:4490",
              "BBOX",
              pick(BBOX),
              "WIDTH",
              often() ? "256" : pick(SIZE),
              "HEIGHT",
              often() ? "128" : pick(SIZE),
              "FORMAT",
              often() ? "image/png" : pick(WMS_FORMAT),
              "TRANSPARENT",
              r.nextBoolean() ? "TRUE" : "maybe",
              "I",
              often() ? "10" : pick(SIZE),
              "J",
              often() ? "10" : pick(SIZE),
              "X",
              maybe(SIZE),
              "Y",
              maybe(SIZE),
              "INFO_FORMAT",
              r.nextBoolean() ? "application/json" : pick(WMS_FORMAT),
              "CQL_FILTER",
              r.nextInt(3) == 0 ? pick(CQL) : null,
              "TIME",
              r.nextInt(4) == 0 ? pick(TIME) : null,
              "EXCEPTIONS",
              r.nextInt(3) == 0 ? pick(EXCEPTIONS) : null,
              "FEATURE_COUNT",
              r.nextInt(4) == 0 ? pick(COUNT) : null,
              "DPI",
              r.nextInt(6) == 0 ? pick(SIZE) : null,
              "SLD_BODY",
              r.nextInt(15) == 0 ? "<StyledLayerDescriptor>" : null));
    }

    private Req wfsKvp() {
      String request = pick(WFS_REQUEST);
      boolean byId = r.nextInt(6) == 0;
      return new Req(
          Form.OWS,
          "GET",
          "/wfs?"
              + query(
                  "SERVICE",
                  r.nextInt(12) == 0 ? "WMS" : "WFS",
                  "VERSION",
                  r.nextInt(4) == 0 ? pick(VERSION) : "2.0.0",
                  "REQUEST",
                  request,
                  "TYPENAMES",
                  byId ? null : pick(LAYERS),
                  "STOREDQUERY_ID",
                  byId ? "urn:ogc:def:query:OGC-WFS::GetFeatureById" : null,
                  "ID",
                  byId ? pick(IDS) : null,
                  "BBOX",
                  r.nextInt(3) == 0 ? pick(BBOX) : null,
                  "SORTBY",
                  r.nextInt(3) == 0 ? pick(SORT) : null,
                  "CQL_FILTER",
                  r.nextInt(4) == 0 ? pick(CQL) : null,
                  "COUNT",
                  r.nextInt(3) == 0 ? pick(COUNT) : "20",
                  "STARTINDEX",
                  r.nextInt(4) == 0 ? pick(COUNT) : null,
                  "SRSNAME",
                  r.nextInt(3) == 0 ? pick(CRS) : null,
                  "OUTPUTFORMAT",
                  r.nextInt(3) == 0 ? pick(WFS_FORMAT) : null,
                  "RESOURCEID",
                  r.nextInt(6) == 0 ? pick(IDS) : null,
                  "RESULTTYPE",
                  r.nextInt(6) == 0 ? (r.nextBoolean() ? "hits" : "nope") : null,
                  "PROPERTYNAME",
                  r.nextInt(6) == 0 ? (r.nextBoolean() ? "dn_mm,geom" : "nope") : null,
                  "VALUEREFERENCE",
                  request.equals("GetPropertyValue") ? (r.nextBoolean() ? "dn_mm" : "nope") : null,
                  "FILTER",
                  r.nextInt(8) == 0
                      ? pick(FILTER_XML).replace("fes:", "").replace("gml:", "")
                      : null,
                  "ASOF",
                  r.nextInt(8) == 0 ? pick(TIME) : null),
          null,
          null,
          false);
    }

    private Req wfsXml() {
      int kind = r.nextInt(10);
      String body =
          switch (kind) {
            case 0 ->
                "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" "
                    + XMLNS
                    + "><wfs:StoredQuery id=\""
                    + "urn:ogc:def:query:OGC-WFS::GetFeatureById\"><wfs:Parameter name=\"id\">"
                    + pick(IDS).replace(NUL, "")
                    + "</wfs:Parameter></wfs:StoredQuery></wfs:GetFeature>";
            case 1 -> "<wfs:Frobnicate service=\"WFS\" version=\"2.0.0\" " + XMLNS + "/>";
            case 2 ->
                "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]><wfs:GetFeature "
                    + XMLNS
                    + ">&e;</wfs:GetFeature>";
            case 3 -> "<wfs:GetFeature " + XMLNS + "><wfs:Query typeNames=\"city:pipe_js\">";
            case 4 ->
                "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" "
                    + XMLNS
                    + "><wfs:Delete typeName=\"city:"
                    + pick(LAYERS).replace(NUL, "")
                    + "\">"
                    + pick(FILTER_XML)
                    + "</wfs:Delete></wfs:Transaction>";
            default ->
                getFeature(
                    pick(LAYERS).replace(NUL, "").replace("'", ""),
                    pick(FILTER_XML),
                    pick(SORT_XML));
          };
      boolean editor = kind == 4 && r.nextBoolean();
      return new Req(
          Form.OWS,
          "POST",
          "/wfs",
          r.nextInt(10) == 0 ? "application/octet-stream" : "text/xml",
          body,
          editor);
    }

    private Req ogcApi() {
      String layer =
          r.nextInt(5) == 0
              ? pick(LAYERS)
              : pick(new String[] {"pipe_js", "pipe_point", "base_station", "zoning_parcel"});
      String collection = "/ogcapi/collections/" + enc(layer).replace("+", "%20");
      int kind = r.nextInt(10);
      if (kind == 0) {
        String method = pick(new String[] {"POST", "PUT", "PATCH"});
        String path = collection + "/items" + (method.equals("POST") ? "" : "/" + enc(pick(IDS)));
        return new Req(
            Form.PROBLEM,
            method,
            path,
            r.nextBoolean() ? "application/geo+json" : "text/plain",
            pick(JSON_BODY),
            true);
      }
      if (kind == 1) {
        return rest(
            "GET",
            collection
                + "/items/"
                + enc(pick(IDS))
                + "?"
                + query("crs", r.nextBoolean() ? null : pick(CRS)));
      }
      if (kind == 2) {
        return rest(
            "GET", collection + pick(new String[] {"", "/queryables", "?f=nope", "?f=html"}));
      }
      boolean json = r.nextInt(4) == 0;
      return rest(
          "GET",
          collection
              + "/items?"
              + query(
                  "bbox",
                  r.nextInt(3) == 0 ? pick(BBOX) : null,
                  "bbox-crs",
                  r.nextInt(6) == 0
                      ? "http://www.opengis.net/def/crs/EPSG/0/"
                          + pick(new String[] {"4490", "3857", "9999", "x"})
                      : null,
                  "limit",
                  r.nextInt(3) == 0 ? pick(COUNT) : "20",
                  "offset",
                  r.nextInt(5) == 0 ? pick(COUNT) : null,
                  "filter",
                  r.nextInt(3) == 0 ? (json ? pick(CQL_JSON) : pick(CQL)) : null,
                  "filter-lang",
                  json ? "cql2-json" : r.nextInt(10) == 0 ? "nope" : null,
                  "datetime",
                  r.nextInt(5) == 0 ? pick(TIME) : null,
                  "crs",
                  r.nextInt(5) == 0
                      ? "http://www.opengis.net/def/crs/EPSG/0/"
                          + pick(new String[] {"4490", "3857", "9999"})
                      : null,
                  "sortby",
                  r.nextInt(8) == 0 ? pick(SORT) : null,
                  "f",
                  r.nextInt(10) == 0 ? pick(new String[] {"json", "html", "nope"}) : null));
    }

    private Req tiles() {
      String ts = pick(TILESETS);
      String q =
          "?"
              + query(
                  "asOf",
                  r.nextInt(4) == 0 ? pick(TIME) : null,
                  "heights",
                  r.nextInt(5) == 0 ? pick(new String[] {"ground", "absolute", "nope"}) : null);
      String level = pick(new String[] {"0", "1", "2", "-1", "99", "abc", "2147483648"});
      String xy =
          pick(
              new String[] {
                "0/0", "1/1", "-1/0", "99999999999/0", "a/b", "0/99999999999999999999"
              });
      return rest(
          "GET",
          "/3dtiles/"
              + ts
              + switch (r.nextInt(4)) {
                case 0 -> "/tileset.json" + q;
                case 1 -> "/subtrees/" + level + "/" + xy + ".subtree" + q;
                case 2 ->
                    "/"
                        + pick(new String[] {"js", "rq", "nope", "pt"})
                        + "/"
                        + level
                        + "/"
                        + xy
                        + ".glb"
                        + q;
                default -> "";
              });
    }

    private Req api() {
      return switch (r.nextInt(6)) {
        case 0 -> rest("GET", "/api/layers" + (r.nextBoolean() ? "" : "?x=" + enc(NUL)));
        case 1 ->
            rest(
                "GET",
                "/api/analysis/"
                    + pick(new String[] {"clearance", "collision", "cover", "trench-sharing"})
                    + "?"
                    + query(
                        "bbox",
                        pick(BBOX),
                        "bbox-crs",
                        r.nextBoolean() ? null : pick(CRS),
                        "network",
                        r.nextBoolean() ? null : pick(new String[] {"JS", "RQ", "nope", NUL}),
                        "road",
                        r.nextBoolean() ? null : "经" + NUL,
                        "asOf",
                        r.nextBoolean() ? null : pick(TIME)));
        case 2 ->
            rest(
                "GET",
                "/api/analysis/"
                    + pick(new String[] {"trace", "valve-isolation"})
                    + "?"
                    + query(
                        "fid",
                        pick(IDS),
                        "point",
                        r.nextBoolean() ? null : pick(BBOX),
                        "crs",
                        r.nextBoolean() ? null : pick(CRS)));
        case 3 ->
            new Req(
                Form.PROBLEM,
                "POST",
                "/api/analysis/" + pick(new String[] {"clearance", "excavation", "cross-section"}),
                "application/json",
                pick(JSON_BODY),
                false);
        case 4 ->
            rest(
                "GET",
                "/api/analysis/zoning/parcel?" + query("code", pick(IDS), "point", pick(BBOX)));
        default ->
            rest(
                "GET",
                pick(
                    new String[] {
                      "/error",
                      "/nope",
                      "/api/nope",
                      "/ogcapi/nope",
                      "/3dtiles/",
                      "/api/analysis/cross-section?line=" + enc("LINESTRING(NaN NaN, 1 1)")
                    }));
      };
    }
  }
}
