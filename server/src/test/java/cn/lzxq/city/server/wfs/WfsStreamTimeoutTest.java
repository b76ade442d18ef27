package cn.lzxq.city.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import javax.xml.validation.Schema;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The statement timeout (100 ms here) met while a GetFeature streams, each case as KVP GET and XML
 * POST. PostgreSQL times each cursor fetch (2,000 rows) separately, so the data is built to make
 * one fetch slow: lines of 30,000 vertices each, transformed to EPSG:4490 in SQL (the count, which
 * does not transform, stays fast: the finite-geometry filter reads each line once, 16–61 ms).
 *
 * <ul>
 *   <li>{@code pipe_tx}: the heavy lines come first, so the first fetch times out while the
 *       response is still in the server's buffer: the client gets an ExceptionReport, HTTP 400.
 *   <li>{@code pipe_dl}: 6,000 light lines (megabytes of GML already sent with HTTP 200), then the
 *       heavy ones: the server aborts the transfer — the client's read fails and what arrived is no
 *       whole document (no closing {@code </wfs:FeatureCollection>}, no final chunk), never a
 *       truncated collection that looks complete. The server keeps serving afterwards.
 * </ul>
 *
 * OGC API Features items stream through the same code: the same two cases give a 400 problem
 * document and a broken transfer.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "city.limits.statement-timeout=100ms")
class WfsStreamTimeoutTest {

  private static final String XMLNS =
      "xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\"";
  private static final String EPSG_4490 = "urn:ogc:def:crs:EPSG::4490";
  private static HikariDataSource db;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("WfsStreamTimeoutTest", registry);
    Fixture.load(db);
    Sql.exec(
        db,
        """
        CREATE TEMP TABLE line_kind AS
        SELECT * FROM (VALUES ('DL', 'GD', '55011000', 10001, 6000, 2), ('DL', 'GD', '55011000', 20001, 40, 30000),
                              ('TX', 'XX', '56031000', 30001, 40, 30000), ('TX', 'XX', '56031000', 40001, 100, 2))
                      v(network, subtype, feature_code, first_fid, n, vertices);
        INSERT INTO pipe_segment (fid, network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm, owner, geom,
                                  valid_from)
        SELECT k.first_fid + i, k.network, k.subtype, k.feature_code, 'S' || (k.first_fid + i), 'E' || (k.first_fid + i), 'top', 100,
               'SW', ST_SetSRID(ST_MakeLine(ARRAY(SELECT ST_MakePoint(400000 + v * 0.01, 4040000 + i, 1948.5)
                                                  FROM generate_series(1, k.vertices) v)), 4544),
               '2015-01-01'
        FROM line_kind k, generate_series(0, k.n - 1) i;
        ANALYZE pipe_segment;
        """);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private HttpRequest kvp(String typeName) {
    String query =
        "SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&COUNT=100000&TYPENAMES="
            + typeName
            + "&SRSNAME="
            + URLEncoder.encode(EPSG_4490, StandardCharsets.UTF_8);
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wfs?" + query))
        .timeout(Duration.ofSeconds(120))
        .GET()
        .build();
  }

  private HttpRequest post(String typeName) {
    String body =
        "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" count=\"100000\" "
            + XMLNS
            + "><wfs:Query typeNames=\"city:"
            + typeName
            + "\" srsName=\""
            + EPSG_4490
            + "\"/></wfs:GetFeature>";
    return HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wfs"))
        .timeout(Duration.ofSeconds(120))
        .header("Content-Type", "text/xml")
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  @Test
  void aTimeoutBeforeTheFirstByteIsAnExceptionReport() throws Exception {
    Schema ows = Xml.schema("http://schemas.opengis.net/ows/1.1.0/owsAll.xsd", null);
    for (HttpRequest request : List.of(kvp("pipe_tx"), post("pipe_tx"))) {
      HttpResponse<String> r = Http.send(request, HttpResponse.BodyHandlers.ofString());

      assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
      Xml.validate(ows, r.body());
      assertThat(Xml.text(r.body(), "//ows:Exception/@exceptionCode"))
          .isEqualTo("OperationProcessingFailed");
      assertThat(Xml.text(r.body(), "//ows:Exception/ows:ExceptionText"))
          .contains("statement timeout");
    }
  }

  private HttpRequest items(String collection, int limit) {
    return HttpRequest.newBuilder(
            URI.create(
                "http://localhost:"
                    + port
                    + "/ogcapi/collections/"
                    + collection
                    + "/items?limit="
                    + limit
                    + "&crs=http://www.opengis.net/def/crs/EPSG/0/4490"))
        .timeout(Duration.ofSeconds(120))
        .GET()
        .build();
  }

  /** Sends the request, asserts HTTP 200 and a transfer that breaks; returns what arrived. */
  private static String brokenTransfer(HttpRequest request) throws Exception {
    HttpResponse<InputStream> r = Http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    ByteArrayOutputStream received = new ByteArrayOutputStream();
    IOException broken = null;
    try (InputStream in = r.body()) {
      in.transferTo(received);
    } catch (IOException e) {
      broken = e;
    }
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(broken)
        .as(
            "the client must see the transfer break, not a complete response of %d bytes",
            received.size())
        .isNotNull();
    String text = received.toString(StandardCharsets.UTF_8);
    assertThat(text)
        .as("no error document appended to the partial 200")
        .doesNotContain("ExceptionReport")
        .doesNotContainPattern("\"status\":[45]\\d\\d")
        .doesNotContain("\"timestamp\"")
        .doesNotContain("<html");
    return text;
  }

  @Test
  void ogcApiItemsAnswerTheSameWay() throws Exception {
    HttpResponse<String> early =
        Http.send(items("pipe_tx", 1000), HttpResponse.BodyHandlers.ofString());
    assertThat(early.statusCode()).as(early.body()).isEqualTo(400);
    assertThat(early.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(early.body()).contains("statement timeout");

    String head = brokenTransfer(items("pipe_dl", 10_000));
    assertThat(head)
        .startsWith("{\"type\":\"FeatureCollection\",\"features\":[")
        .contains("\"id\":12000")
        .doesNotContain("\"numberReturned\"");
  }

  @Test
  void aTimeoutAfterTheFirstBytesBreaksTheTransfer() throws Exception {
    for (HttpRequest request : List.of(kvp("pipe_dl"), post("pipe_dl"))) {
      String head = brokenTransfer(request);

      assertThat(head)
          .contains("numberMatched=\"6040\"")
          .contains("gml:id=\"pipe_dl.12000\"")
          .doesNotContain("</wfs:FeatureCollection>");
    }
    HttpResponse<String> after =
        Http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:"
                            + port
                            + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=pipe_dl&RESULTTYPE=hits"))
                .GET()
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(after.statusCode()).as("the server keeps serving").isEqualTo(200);
    assertThat(Xml.text(after.body(), "/wfs:FeatureCollection/@numberMatched")).isEqualTo("6040");
  }
}
