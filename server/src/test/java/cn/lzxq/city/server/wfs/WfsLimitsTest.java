package cn.lzxq.city.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.query.FilterLimits;
import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * WFS 2.0 request bounds ({@link FilterLimits#DEFAULT}, {@code city.wfs.max-count}, {@code
 * city.limits.statement-timeout}), each as KVP (GET, and form POST where noted) and XML POST: COUNT
 * above the configured maximum (3 here) is reduced to it, with a next link to page the rest (as
 * GeoServer's and MapServer's maxFeatures do); a filter longer than 256 KiB, nested deeper than 32
 * levels or with more than 2,000 terms is refused with InvalidParameterValue (locator FILTER); a
 * query running past the statement timeout (50 ms here, over 300,000 pipe points filtered on an
 * unindexed column by 200 Likes) is cancelled by PostgreSQL and answered with
 * OperationProcessingFailed (the timeout during a streamed download: {@link WfsStreamTimeoutTest}).
 * Every refusal is HTTP 400 and an OWS 1.1 ExceptionReport valid against the bundled schema.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {"city.wfs.max-count=3", "city.limits.statement-timeout=50ms"})
class WfsLimitsTest {

  private static final String XMLNS =
      "xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\""
          + " xmlns:city=\"http://lzxq.cn/city\"";
  private static HikariDataSource db;

  @LocalServerPort int port;
  private OgcClient http;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("WfsLimitsTest", registry);
    Fixture.load(db);
    Sql.exec(
        db,
        """
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
    System.arraycopy(
        new String[] {"SERVICE", "WFS", "VERSION", "2.0.0", "REQUEST", "GetFeature"}, 0, all, 0, 6);
    System.arraycopy(kv, 0, all, 6, kv.length);
    return http.get("/wfs", all);
  }

  private HttpResponse<String> post(String attributes, String query) throws Exception {
    return http.send(
        "POST",
        "/wfs",
        "text/xml",
        "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" "
            + XMLNS
            + " "
            + attributes
            + ">"
            + query
            + "</wfs:GetFeature>",
        null);
  }

  private HttpResponse<String> form(String filter) throws Exception {
    return http.send(
        "POST",
        "/wfs",
        "application/x-www-form-urlencoded",
        "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=city:pipe_js&RESULTTYPE=hits&FILTER="
            + URLEncoder.encode(filter, StandardCharsets.UTF_8),
        null);
  }

  private static String fesFilter(String operator) {
    return "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\">" + operator + "</fes:Filter>";
  }

  private static void assertException(HttpResponse<String> r, String code, String locator)
      throws Exception {
    Schema ows = Xml.schema("http://schemas.opengis.net/ows/1.1.0/owsAll.xsd", null);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    Xml.validate(ows, r.body());
    assertThat(Xml.text(r.body(), "//ows:Exception/@exceptionCode")).isEqualTo(code);
    assertThat(Xml.text(r.body(), "//ows:Exception/@locator")).isEqualToIgnoringCase(locator);
  }

  @Test
  void countAboveTheMaximumIsReducedToIt() throws Exception {
    List<HttpResponse<String>> answers =
        List.of(
            kvp("TYPENAMES", "city:pipe_js", "COUNT", "1000"),
            kvp("TYPENAMES", "city:pipe_js"),
            post("count=\"1000\"", "<wfs:Query typeNames=\"city:pipe_js\"/>"));
    for (HttpResponse<String> r : answers) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(Xml.text(r.body(), "/wfs:FeatureCollection/@numberMatched")).isEqualTo("5");
      assertThat(Xml.text(r.body(), "/wfs:FeatureCollection/@numberReturned")).isEqualTo("3");
      assertThat(Xml.count(r.body(), "/wfs:FeatureCollection/wfs:member")).isEqualTo(3);
    }
    assertThat(Xml.text(answers.get(0).body(), "/wfs:FeatureCollection/@next"))
        .contains("COUNT=3")
        .contains("STARTINDEX=3");
  }

  @Test
  void aFilterLongerThan256KiBIsRefused() throws Exception {
    String head =
        "<fes:PropertyIsEqualTo><fes:ValueReference>road_name</fes:ValueReference><fes:Literal>";
    String tail = "</fes:Literal></fes:PropertyIsEqualTo>";
    int room = FilterLimits.DEFAULT.maxLength() - fesFilter(head + tail).length();
    String tooLong = fesFilter(head + "a".repeat(room + 1) + tail);
    String longest = fesFilter(head + "a".repeat(room) + tail);
    assertThat(tooLong).hasSize(256 * 1024 + 1);
    // in an XML body the filter's text is counted from the end of its start tag
    // (FesFilterReader.read)
    int startTag = fesFilter("").indexOf('>') + 1;
    String tooLongInBody = fesFilter(head + "a".repeat(room + startTag + 1) + tail);
    String longestInBody = fesFilter(head + "a".repeat(room + startTag) + tail);

    for (HttpResponse<String> r :
        List.of(
            kvp("TYPENAMES", "city:pipe_js", "FILTER", tooLong),
            form(tooLong),
            post("", "<wfs:Query typeNames=\"city:pipe_js\">" + tooLongInBody + "</wfs:Query>"))) {
      assertException(r, "InvalidParameterValue", "FILTER");
      assertThat(Xml.text(r.body(), "//ows:ExceptionText"))
          .contains("longer than 262144 characters");
    }
    for (HttpResponse<String> r :
        List.of(
            kvp("TYPENAMES", "city:pipe_js", "RESULTTYPE", "hits", "FILTER", longest),
            form(longest),
            post(
                "resultType=\"hits\"",
                "<wfs:Query typeNames=\"city:pipe_js\">" + longestInBody + "</wfs:Query>"))) {
      assertThat(r.statusCode()).as("a filter of exactly 256 KiB is read").isEqualTo(200);
      assertThat(Xml.text(r.body(), "/wfs:FeatureCollection/@numberMatched")).isEqualTo("0");
    }
  }

  @Test
  void aFilterNestedDeeperThan32LevelsIsRefused() throws Exception {
    String leaf =
        "<fes:PropertyIsNull><fes:ValueReference>dn_mm</fes:ValueReference></fes:PropertyIsNull>";
    String deep = fesFilter("<fes:Not>".repeat(32) + leaf + "</fes:Not>".repeat(32));
    String deepest = fesFilter("<fes:Not>".repeat(31) + leaf + "</fes:Not>".repeat(31));
    for (HttpResponse<String> r :
        List.of(
            kvp("TYPENAMES", "city:pipe_js", "FILTER", deep),
            post("", "<wfs:Query typeNames=\"city:pipe_js\">" + deep + "</wfs:Query>"))) {
      assertException(r, "InvalidParameterValue", "FILTER");
      assertThat(Xml.text(r.body(), "//ows:ExceptionText"))
          .contains("nested deeper than 32 levels");
    }
    for (HttpResponse<String> r :
        List.of(
            kvp("TYPENAMES", "city:pipe_js", "RESULTTYPE", "hits", "FILTER", deepest),
            post(
                "resultType=\"hits\"",
                "<wfs:Query typeNames=\"city:pipe_js\">" + deepest + "</wfs:Query>"))) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
      assertThat(Xml.text(r.body(), "/wfs:FeatureCollection/@numberMatched"))
          .as("31 Nots of IS NULL: IS NOT NULL")
          .isEqualTo("5");
    }
  }

  @Test
  void aFilterWithTooManyTermsIsRefused() throws Exception {
    String terms =
        "<fes:PropertyIsEqualTo><fes:ValueReference>dn_mm</fes:ValueReference><fes:Literal>100</fes:Literal>"
            + "</fes:PropertyIsEqualTo>";
    String filter =
        "<fes:Filter xmlns:fes=\"http://www.opengis.net/fes/2.0\"><fes:Or>"
            + terms.repeat(2_100)
            + "</fes:Or></fes:Filter>";
    assertException(
        post("", "<wfs:Query typeNames=\"city:pipe_js\">" + filter + "</wfs:Query>"),
        "InvalidParameterValue",
        "filter");
    String shortFilter =
        "<Filter><Or>"
            + "<PropertyIsNull><ValueReference>a</ValueReference></PropertyIsNull>".repeat(2_100)
            + "</Or></Filter>";
    assertThat(shortFilter.length()).isGreaterThan(2_000);
    assertException(form(shortFilter), "InvalidParameterValue", "FILTER");
  }

  @Test
  void aQueryPastTheStatementTimeoutIsCancelled() throws Exception {
    assertException(
        kvp(
            "TYPENAMES",
            "city:pipe_point",
            "RESULTTYPE",
            "hits",
            "FILTER",
            "<Filter>" + slowCondition("") + "</Filter>"),
        "OperationProcessingFailed",
        "GetFeature");
    assertException(
        post(
            "resultType=\"hits\"",
            "<wfs:Query typeNames=\"city:pipe_point\"><fes:Filter>"
                + slowCondition("fes:")
                + "</fes:Filter></wfs:Query>"),
        "OperationProcessingFailed",
        "GetFeature");
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_point")).isEqualTo(300_001);
  }

  /**
   * An Or of 200 Likes on the unindexed road name that no row matches, so every one of the 300,001
   * points is tested 200 times (60 million Likes: seconds on any machine, far past 50 ms; a single
   * Like finished inside 50 ms on a quiet machine).
   */
  private static String slowCondition(String prefix) {
    StringBuilder or = new StringBuilder("<" + prefix + "Or>");
    for (int i = 0; i < 200; i++) {
      or.append("<")
          .append(prefix)
          .append("PropertyIsLike wildCard=\"*\" singleChar=\".\" escapeChar=\"!\"><")
          .append(prefix)
          .append("ValueReference>road_name</")
          .append(prefix)
          .append("ValueReference><")
          .append(prefix)
          .append("Literal>*a*b*c*d*e*f*")
          .append(i)
          .append("!*</")
          .append(prefix)
          .append("Literal></")
          .append(prefix)
          .append("PropertyIsLike>");
    }
    return or.append("</").append(prefix).append("Or>").toString();
  }
}
