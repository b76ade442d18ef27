package cn.lzxq.city.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.util.List;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * WFS 2.0 request bounds, each as KVP GET and XML POST: COUNT above the configured maximum
 * (3 here) is reduced to it, a filter with too many terms is refused with InvalidParameterValue,
 * and a query running past the statement timeout (50 ms here, over 300,000 pipe points filtered on
 * an unindexed column by a Like) is cancelled by PostgreSQL and answered with OperationProcessingFailed.
 * Every refusal is an OWS 1.1 ExceptionReport valid against the bundled schema.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"city.wfs.max-count=3", "city.limits.statement-timeout=50ms"})
class WfsLimitsTest {

  private static final String XMLNS = "xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\""
      + " xmlns:city=\"http://lzxq.cn/city\"";
  private static HikariDataSource db;

  @LocalServerPort
  int port;
  private OgcClient http;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("WfsLimitsTest", registry);
    Fixture.load(db);
    Sql.exec(db, """
        INSERT INTO pipe_point (network, subtype, exp_no, appurtenance, feature_code, ground_elev_m, owner, road_name, geom)
        SELECT 'JS', 'JP', 'L' || i, '阀门', '51042101', 1950.0, 'SW', md5(i::text),
               ST_SetSRID(ST_MakePoint(400000 + i % 1000, 4040000 + i / 1000, 1948.5), 4544)
        FROM generate_series(1, 300000) i;
        ANALYZE pipe_point;
        """);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void client() {
    http = new OgcClient("http://localhost:" + port);
  }

  private HttpResponse<String> kvp(String... kv) throws Exception {
    String[] all = new String[kv.length + 6];
    System.arraycopy(new String[] {"SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature"}, 0, all, 0, 6);
    System.arraycopy(kv, 0, all, 6, kv.length);
    return http.get("/wfs", all);
  }

  private HttpResponse<String> post(String attributes, String query) throws Exception {
    return http.send("POST", "/wfs", "text/xml", "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" " + XMLNS + " " + attributes
        + ">" + query + "</wfs:GetFeature>", null);
  }

  private static void assertException(HttpResponse<String> r, String code, String locator) throws Exception {
    Schema ows = Xml.schema("http://schemas.opengis.net/ows/1.1.0/owsAll.xsd", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    Xml.validate(ows, r.body());
    assertThat(Xml.text(r.body(), "//ows:Exception/@exceptionCode")).isEqualTo(code);
    assertThat(Xml.text(r.body(), "//ows:Exception/@locator")).isEqualToIgnoringCase(locator);
  }

  @Test
  void countAboveTheMaximumIsReducedToIt() throws Exception {
    List<HttpResponse<String>> answers = List.of(kvp("TYPENAMES", "city:pipe_js", "COUNT", "1000"),
        kvp("TYPENAMES", "city:pipe_js"),
        post("count=\"1000\"", "<wfs:Query typeNames=\"city:pipe_js\"/>"));
    for (HttpResponse<String> r : answers) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(Xml.text(r.body(), "/wfs:FeatureCollection/@numberMatched")).isEqualTo("5");
      assertThat(Xml.text(r.body(), "/wfs:FeatureCollection/@numberReturned")).isEqualTo("3");
      assertThat(Xml.count(r.body(), "/wfs:FeatureCollection/wfs:member")).isEqualTo(3);
    }
  }

  @Test
  void aFilterWithTooManyTermsIsRefused() throws Exception {
    String terms = "<fes:PropertyIsEqualTo><fes:ValueReference>dn_mm</fes:ValueReference><fes:Literal>100</fes:Literal>"
        + "</fes:PropertyIsEqualTo>";
    String filter = "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:Or>" + terms.repeat(2_100)
        + "</fes:Or></fes:Filter>";
    assertException(post("", "<wfs:Query typeNames=\"city:pipe_js\">" + filter + "</wfs:Query>"), "InvalidParameterValue",
        "filter");
    String shortFilter = "<Filter><Or>" + "<PropertyIsNull><ValueReference>a</ValueReference></PropertyIsNull>".repeat(2_100)
        + "</Or></Filter>";
    assertThat(shortFilter.length()).isGreaterThan(2_000);
    assertException(http.send("POST", "/wfs", "application/x-www-form-urlencoded",
        "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=city:pipe_js&FILTER="
            + java.net.URLEncoder.encode(shortFilter, java.nio.charset.StandardCharsets.UTF_8), null),
        "InvalidParameterValue", "FILTER");
  }

  @Test
  void aQueryPastTheStatementTimeoutIsCancelled() throws Exception {
    assertException(kvp("TYPENAMES", "city:pipe_point", "RESULTTYPE", "hits",
        "FILTER", "<Filter><PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\"><ValueReference>road_name"
            + "</ValueReference><Literal>*a*b*c*d*e*f*</Literal></PropertyIsLike></Filter>"),
        "OperationProcessingFailed", "GetFeature");
    assertException(post("resultType=\"hits\"", "<wfs:Query typeNames=\"city:pipe_point\"><fes:Filter><fes:PropertyIsLike"
        + " wildCard=\"*\" singleChar=\".\" escapeChar=\"!\"><fes:ValueReference>road_name</fes:ValueReference>"
        + "<fes:Literal>*a*b*c*d*e*f*</fes:Literal></fes:PropertyIsLike></fes:Filter></wfs:Query>"),
        "OperationProcessingFailed", "GetFeature");
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_point")).isEqualTo(300_001);
  }
}
