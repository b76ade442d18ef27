package cn.lzxq.city.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.cli.CityCli;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WFS-T: QGIS-shaped WFS 1.0.0 and WFS 2.0.0 transactions write new versions, all or nothing, only
 * with credentials, and an editor only for its own organisation's features; a user added with
 * {@code city user add} can edit until {@code city user disable}. A context of its own: it versions
 * the fixture's features 101–105 and 201 that the {@link SmallCityContextTest} tests count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WfsTransactionTest {

  private static HikariDataSource db;

  @LocalServerPort int port;
  private OgcClient http;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("WfsTransactionTest", registry);
    Fixture.load(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @BeforeEach
  void client() {
    http = new OgcClient("http://localhost:" + port);
  }

  private HttpResponse<String> transaction(String xml, String user) throws Exception {
    return http.send("POST", "/wfs", "text/xml", xml, user == null ? null : user + ":pw-" + user);
  }

  /**
   * As QGIS 3 sends WFS-T: version 1.0.0, GML 2 coordinates x,y in the layer CRS, FeatureId
   * filters.
   */
  private static String qgisInsert(String owner) {
    return "<Transaction xmlns=\"http://www.opengis.net/wfs\" service=\"WFS\" version=\"1.0.0\""
        + " xmlns:gml=\"http://www.opengis.net/gml\" xmlns:ogc=\"http://www.opengis.net/ogc\"><Insert xmlns=\"http://www.opengis.net/wfs\">"
        + "<pipe_js xmlns=\"http://lzxq.cn/city\"><geom><gml:LineString srsName=\"EPSG:4544\"><gml:coordinates cs=\",\" ts=\" \">"
        + "383700,4041900,1948 383750,4041900,1948</gml:coordinates></gml:LineString></geom><subtype>JP</subtype>"
        + "<feature_code>51041000</feature_code><start_point>Q1</start_point><end_point>Q2</end_point><depth_ref>top</depth_ref>"
        + "<dn_mm>315</dn_mm><owner>"
        + owner
        + "</owner></pipe_js></Insert></Transaction>";
  }

  private static String qgisUpdate(long fid, int dn) {
    return qgisUpdate("pipe_js", fid, dn);
  }

  private static String qgisUpdate(String type, long fid, int dn) {
    return "<Transaction xmlns=\"http://www.opengis.net/wfs\" service=\"WFS\" version=\"1.0.0\" xmlns:ogc=\"http://www.opengis.net/ogc\""
        + " xmlns:gml=\"http://www.opengis.net/gml\"><Update xmlns=\"http://www.opengis.net/wfs\" typeName=\""
        + type
        + "\"><Property><Name>dn_mm</Name><Value>"
        + dn
        + "</Value></Property><ogc:Filter><ogc:FeatureId fid=\""
        + type
        + "."
        + fid
        + "\"/></ogc:Filter></Update></Transaction>";
  }

  private static String qgisDelete(String type, long fid) {
    return "<Transaction xmlns=\"http://www.opengis.net/wfs\" service=\"WFS\" version=\"1.0.0\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
        + "<Delete xmlns=\"http://www.opengis.net/wfs\" typeName=\""
        + type
        + "\"><ogc:Filter><ogc:FeatureId fid=\""
        + type
        + "."
        + fid
        + "\"/></ogc:Filter></Delete></Transaction>";
  }

  /**
   * The layer catalog's count of {@code layer} once it equals {@code expected}, or its last answer
   * after 2 s (the catalog reads a layer again when the change log reports an edit of it, within
   * the log's poll interval).
   */
  private long catalogCount(String layer, long expected) throws Exception {
    long deadline = System.nanoTime() + 2_000_000_000L;
    long count = catalogCountNow(layer);
    while (count != expected && System.nanoTime() < deadline) {
      Thread.sleep(50);
      count = catalogCountNow(layer);
    }
    return count;
  }

  private long catalogCountNow(String layer) throws Exception {
    HttpResponse<String> r = http.get("/api/layers");
    assertThat(r.statusCode()).isEqualTo(200);
    for (JsonNode l : JsonMapper.builder().build().readTree(r.body())) {
      if (l.get("name").asString().equals(layer)) {
        return l.get("count").asLong();
      }
    }
    throw new AssertionError("no layer " + layer + " in the catalog");
  }

  @Test
  void qgisWfsT10InsertsUpdatesAndDeletesAPipeAsVersions() throws Exception {
    long current =
        Sql.count(
            db, "SELECT count(*) FROM pipe_segment WHERE network = 'JS' AND valid_to IS NULL");
    assertThat(catalogCount("pipe_js", current)).isEqualTo(current);
    HttpResponse<String> inserted = transaction(qgisInsert("SW"), "editor_sw");
    assertThat(inserted.statusCode()).as(inserted.body()).isEqualTo(200);
    assertThat(
            Xml.text(
                inserted.body(),
                "/wfs1:WFS_TransactionResponse/wfs1:TransactionResult/wfs1:Status/wfs1:SUCCESS"))
        .isEmpty();
    assertThat(Xml.count(inserted.body(), "//wfs1:SUCCESS")).isEqualTo(1);
    String fidText = Xml.text(inserted.body(), "//wfs1:InsertResult/ogc:FeatureId/@fid");
    long fid = Long.parseLong(fidText.substring("pipe_js.".length()));
    assertThat(
            Sql.strings(
                db,
                "SELECT round(ST_X(ST_StartPoint(geom)))::text || ' ' || changed_by FROM pipe_segment WHERE fid = "
                    + fid))
        .containsExactly("383700 editor_sw");
    assertThat(catalogCount("pipe_js", current + 1))
        .as("the layer catalog counts the inserted pipe")
        .isEqualTo(current + 1);

    HttpResponse<String> updated = transaction(qgisUpdate(fid, 400), "editor_sw");
    assertThat(updated.statusCode()).as(updated.body()).isEqualTo(200);
    assertThat(
            Sql.strings(
                db,
                "SELECT dn_mm || ' ' || (valid_to IS NULL) FROM pipe_segment WHERE fid = "
                    + fid
                    + " ORDER BY version_id"))
        .containsExactly("315 false", "400 true");

    HttpResponse<String> deleted = transaction(qgisDelete("pipe_js", fid), "editor_sw");
    assertThat(deleted.statusCode()).as(deleted.body()).isEqualTo(200);
    assertThat(
            Sql.count(
                db,
                "SELECT count(*) FROM pipe_segment WHERE fid = " + fid + " AND valid_to IS NULL"))
        .isZero();
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment WHERE fid = " + fid))
        .as("nothing is removed")
        .isEqualTo(2);
    assertThat(catalogCount("pipe_js", current))
        .as("the layer catalog no longer counts the deleted pipe")
        .isEqualTo(current);
  }

  @Test
  void wfs20InsertUpdateReplaceDeleteAndAsOfReadsTheStateBefore() throws Exception {
    String before =
        Sql.strings(
                db,
                "SELECT to_char(statement_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')")
            .get(0);
    Thread.sleep(20);
    String tx =
        "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\""
            + " xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:city=\"http://lzxq.cn/city\">"
            + "<wfs:Update typeName=\"city:pipe_js\"><wfs:Property><wfs:ValueReference>city:material</wfs:ValueReference>"
            + "<wfs:Value>PE</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"pipe_js.101\"/></fes:Filter></wfs:Update>"
            + "<wfs:Replace><city:pipe_js gml:id=\"pipe_js.102\"><city:subtype>JP</city:subtype><city:feature_code>51041000</city:feature_code>"
            + "<city:start_point>R1</city:start_point><city:end_point>R2</city:end_point><city:depth_ref>top</city:depth_ref>"
            + "<city:dn_mm>250</city:dn_mm><city:owner>SW</city:owner><city:geom><gml:LineString gml:id=\"g\" srsName=\"urn:ogc:def:crs:EPSG::4490\">"
            + "<gml:posList>36.5018 103.70 36.5018 103.7012</gml:posList></gml:LineString></city:geom></city:pipe_js>"
            + "<fes:Filter><fes:ResourceId rid=\"pipe_js.102\"/></fes:Filter></wfs:Replace>"
            + "<wfs:Delete typeName=\"city:pipe_js\"><fes:Filter><fes:ResourceId rid=\"pipe_js.103\"/></fes:Filter></wfs:Delete>"
            + "</wfs:Transaction>";
    HttpResponse<String> r = transaction(tx, "admin");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    Xml.validate(Xml.schema("http://schemas.opengis.net/wfs/2.0/wfs.xsd", null), r.body());
    assertThat(Xml.text(r.body(), "//wfs:totalUpdated")).isEqualTo("1");
    assertThat(Xml.text(r.body(), "//wfs:totalReplaced")).isEqualTo("1");
    assertThat(Xml.text(r.body(), "//wfs:totalDeleted")).isEqualTo("1");
    assertThat(
            Sql.strings(
                db,
                "SELECT material || ' ' || dn_mm FROM pipe_segment WHERE fid = 101 AND valid_to IS NULL"))
        .containsExactly("PE 100");
    assertThat(
            Sql.strings(
                db,
                "SELECT start_point || ' ' || dn_mm || ' ' || round(ST_Length(geom)) FROM pipe_segment "
                    + "WHERE fid = 102 AND valid_to IS NULL"))
        .containsExactly("R1 250 108");

    HttpResponse<String> past =
        http.get(
            "/wfs",
            "SERVICE",
            "WFS",
            "VERSION",
            "2.0.0",
            "REQUEST",
            "GetFeature",
            "TYPENAMES",
            "pipe_js",
            "RESOURCEID",
            "pipe_js.101,pipe_js.102,pipe_js.103",
            "ASOF",
            before);
    HttpResponse<String> pastXml =
        http.send(
            "POST",
            "/wfs",
            "text/xml",
            "<wfs:GetFeature service=\"WFS\" version=\"2.0.0\" asOf=\""
                + before
                + "\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\">"
                + "<wfs:Query typeNames=\"city:pipe_js\"><fes:Filter><fes:ResourceId rid=\"pipe_js.101\"/><fes:ResourceId rid=\"pipe_js.102\"/>"
                + "<fes:ResourceId rid=\"pipe_js.103\"/></fes:Filter></wfs:Query></wfs:GetFeature>",
            null);
    for (HttpResponse<String> read : List.of(past, pastXml)) {
      assertThat(Xml.count(read.body(), "//wfs:member")).as(read.body()).isEqualTo(3);
      assertThat(Xml.text(read.body(), "//city:pipe_js[@gml:id='pipe_js.101']/city:material"))
          .isEqualTo("QM");
      assertThat(Xml.text(read.body(), "//city:pipe_js[@gml:id='pipe_js.102']/city:dn_mm"))
          .isEqualTo("200");
    }
    HttpResponse<String> now =
        http.get(
            "/wfs",
            "SERVICE",
            "WFS",
            "VERSION",
            "2.0.0",
            "REQUEST",
            "GetFeature",
            "TYPENAMES",
            "pipe_js",
            "RESOURCEID",
            "pipe_js.101,pipe_js.102,pipe_js.103");
    assertThat(Xml.count(now.body(), "//wfs:member")).as("103 is deleted now").isEqualTo(2);
  }

  private static final String WFS20 =
      "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\""
          + " xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:city=\"http://lzxq.cn/city\">";

  private static String update20(String type, String filter, String property, Object value) {
    return "<wfs:Update typeName=\"city:"
        + type
        + "\"><wfs:Property><wfs:ValueReference>"
        + property
        + "</wfs:ValueReference>"
        + "<wfs:Value>"
        + value
        + "</wfs:Value></wfs:Property><fes:Filter>"
        + filter
        + "</fes:Filter></wfs:Update>";
  }

  private static String byStart(String startPoint) {
    return "<fes:PropertyIsEqualTo><fes:ValueReference>start_point</fes:ValueReference><fes:Literal>"
        + startPoint
        + "</fes:Literal></fes:PropertyIsEqualTo>";
  }

  private static String insert20(String startPoint) {
    return "<wfs:Insert><city:pipe_js><city:subtype>JP</city:subtype><city:feature_code>51041000</city:feature_code>"
        + "<city:start_point>"
        + startPoint
        + "</city:start_point><city:end_point>E</city:end_point><city:depth_ref>top</city:depth_ref>"
        + "<city:dn_mm>100</city:dn_mm><city:owner>SW</city:owner><city:geom><gml:LineString gml:id=\"g"
        + startPoint
        + "\""
        + " srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:posList>36.52 103.70 36.52 103.701</gml:posList></gml:LineString>"
        + "</city:geom></city:pipe_js></wfs:Insert>";
  }

  @Test
  void theActionsOfOneTransactionApplyInOrderAndSeeEachOther() throws Exception {
    String tx =
        WFS20
            + update20("pipe_rq", "<fes:ResourceId rid=\"pipe_rq.202\"/>", "dn_mm", 601)
            + update20("pipe_rq", "<fes:ResourceId rid=\"pipe_rq.202\"/>", "dn_mm", 602)
            + insert20("ORD1")
            + update20("pipe_js", byStart("ORD1"), "dn_mm", 250)
            + update20("pipe_js", byStart("ORD1"), "material", "PE")
            + insert20("ORD2")
            + update20("pipe_js", byStart("ORD2"), "dn_mm", 300)
            + "<wfs:Delete typeName=\"city:pipe_js\"><fes:Filter>"
            + byStart("ORD2")
            + "</fes:Filter></wfs:Delete>"
            + "</wfs:Transaction>";
    HttpResponse<String> r = transaction(tx, "admin");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(Xml.text(r.body(), "//wfs:totalInserted")).isEqualTo("2");
    assertThat(Xml.text(r.body(), "//wfs:totalUpdated")).isEqualTo("5");
    assertThat(Xml.text(r.body(), "//wfs:totalDeleted")).isEqualTo("1");
    assertThat(
            Sql.strings(
                db,
                "SELECT dn_mm || ' ' || (valid_to IS NULL) FROM pipe_segment WHERE fid = 202 ORDER BY version_id"))
        .as("update after update")
        .containsExactly("160 false", "601 false", "602 true");
    assertThat(
            Sql.strings(
                db,
                "SELECT dn_mm || ' ' || coalesce(material, '-') || ' ' || (valid_to IS NULL) FROM pipe_segment"
                    + " WHERE start_point = 'ORD1' ORDER BY version_id"))
        .as("updates of a feature inserted earlier in the request")
        .containsExactly("100 - false", "250 - false", "250 PE true");
    assertThat(
            Sql.strings(
                db,
                "SELECT dn_mm || ' ' || (valid_to IS NULL) || ' ' || coalesce(closed_by, '-') FROM pipe_segment"
                    + " WHERE start_point = 'ORD2' ORDER BY version_id"))
        .as("delete after update, recorded as the admin's")
        .containsExactly("100 false admin", "300 false admin");
  }

  @Test
  void wfs10UpdateThenDeleteOfOneFeatureBothApply() throws Exception {
    HttpResponse<String> inserted = transaction(qgisInsert("SW"), "editor_sw");
    String fidText = Xml.text(inserted.body(), "//wfs1:InsertResult/ogc:FeatureId/@fid");
    long fid = Long.parseLong(fidText.substring("pipe_js.".length()));
    String both =
        qgisUpdate(fid, 630).replace("</Transaction>", "")
            + qgisDelete("pipe_js", fid).replaceFirst("^<Transaction[^>]*>", "");

    HttpResponse<String> r = transaction(both, "editor_sw");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(Xml.count(r.body(), "//wfs1:SUCCESS")).isEqualTo(1);
    assertThat(
            Sql.strings(
                db,
                "SELECT dn_mm || ' ' || (valid_to IS NULL) || ' ' || closed_by FROM pipe_segment WHERE fid = "
                    + fid
                    + " ORDER BY version_id"))
        .containsExactly("315 false editor_sw", "630 false editor_sw");

    HttpResponse<String> history = http.get("/api/layers/pipe_js/features/" + fid + "/history");
    assertThat(history.statusCode()).isEqualTo(200);
    tools.jackson.databind.JsonNode versions =
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(history.body());
    assertThat(versions.size()).isEqualTo(2);
    assertThat(versions.get(1).get("changedBy").asString()).isEqualTo("editor_sw");
    assertThat(versions.get(1).get("closedBy").asString()).as("who deleted").isEqualTo("editor_sw");
    assertThat(versions.get(1).get("closedAt").isNull()).as("when").isFalse();
    assertThat(http.get("/api/layers/pipe_js/features/999999/history").statusCode()).isEqualTo(404);
  }

  @Test
  void writesNeedCredentialsAndARoleThatMayEdit() throws Exception {
    HttpResponse<String> anonymous = transaction(qgisUpdate(104, 1), null);
    HttpResponse<String> viewer = transaction(qgisUpdate(104, 1), "viewer");
    HttpResponse<String> wrongPassword =
        http.send("POST", "/wfs", "text/xml", qgisUpdate(104, 1), "admin:nope");

    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
    assertThat(viewer.statusCode()).isEqualTo(403);
    assertThat(wrongPassword.statusCode()).isEqualTo(401);
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment WHERE fid = 104")).isEqualTo(1);
  }

  @Test
  void anEditorOfOneUtilityCannotTouchAnothersPipes() throws Exception {
    List<HttpResponse<String>> refused =
        List.of(
            transaction(qgisUpdate(105, 1), "editor_rq"),
            transaction(qgisDelete("pipe_js", 105), "editor_rq"),
            transaction(qgisInsert("SW"), "editor_rq"),
            transaction(
                qgisUpdate(105, 1)
                    .replace(
                        "<Property><Name>dn_mm</Name><Value>1</Value></Property>",
                        "<Property><Name>owner</Name><Value>RQ</Value></Property>"),
                "editor_sw"));
    for (HttpResponse<String> r : refused) {
      assertThat(r.statusCode()).as(r.body()).isEqualTo(403);
    }
    assertThat(Sql.strings(db, "SELECT dn_mm || ' ' || owner FROM pipe_segment WHERE fid = 105"))
        .containsExactly("500 SW");
    assertThat(transaction(qgisUpdate("pipe_rq", 201, 200), "editor_rq").statusCode())
        .isEqualTo(200);
    assertThat(
            Sql.strings(
                db, "SELECT dn_mm::text FROM pipe_segment WHERE fid = 201 AND valid_to IS NULL"))
        .containsExactly("200");
  }

  /**
   * Runs the real data command line ({@code scripts/city …}) on this test's schema with {@code
   * stdin} as standard input.
   */
  private static int city(String stdin, String... args) {
    List<String> line = new ArrayList<>(List.of(args));
    line.addAll(
        List.of("--database-url", ScratchDatabase.url(), "--schema", ScratchDatabase.schema(db)));
    InputStream in = System.in;
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    try {
      return CityCli.run(line.toArray(String[]::new));
    } finally {
      System.setIn(in);
    }
  }

  @Test
  void aUserAddedWithTheCityCommandInsertsThroughWfsTUntilDisabled() throws Exception {
    assertThat(
            city(
                "pw-cli-editor\n",
                "user",
                "add",
                "cli_editor",
                "--role",
                "editor",
                "--organization",
                "SW"))
        .isZero();
    assertThat(
            Sql.strings(
                db,
                "SELECT role || ' ' || organization || ' ' || (password_hash LIKE '{bcrypt}%') FROM app_user "
                    + "WHERE username = 'cli_editor'"))
        .containsExactly("editor SW true");

    HttpResponse<String> inserted =
        http.send("POST", "/wfs", "text/xml", qgisInsert("SW"), "cli_editor:pw-cli-editor");
    assertThat(inserted.statusCode()).as(inserted.body()).isEqualTo(200);
    String fid =
        Xml.text(inserted.body(), "//wfs1:InsertResult/ogc:FeatureId/@fid")
            .substring("pipe_js.".length());
    assertThat(Sql.strings(db, "SELECT changed_by FROM pipe_segment WHERE fid = " + fid))
        .containsExactly("cli_editor");
    assertThat(city("", "user", "add", "no_password", "--role", "viewer"))
        .as("no password on standard input")
        .isEqualTo(2);

    assertThat(city("", "user", "disable", "cli_editor")).isZero();
    HttpResponse<String> refused =
        http.send("POST", "/wfs", "text/xml", qgisInsert("SW"), "cli_editor:pw-cli-editor");
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment WHERE changed_by = 'cli_editor'"))
        .isEqualTo(1);
  }

  @Test
  void aFailedTransactionLeavesTheDatabaseUnchanged() throws Exception {
    long rows = Sql.count(db, "SELECT count(*) FROM pipe_segment");
    String tx =
        qgisUpdate(104, 777).replace("</Transaction>", "")
            + qgisInsert("SW")
                .replaceFirst("^<Transaction[^>]*>", "")
                .replace("<dn_mm>315</dn_mm>", "<dn_mm>-5</dn_mm>");
    HttpResponse<String> r = transaction(tx, "admin");

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    assertThat(Xml.text(r.body(), "//ows:Exception/@exceptionCode"))
        .isEqualTo("InvalidParameterValue");
    assertThat(Xml.text(r.body(), "//ows:Exception/@locator")).isEqualTo("Insert 2 pipe_js");
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment")).isEqualTo(rows);
    assertThat(
            Sql.strings(
                db, "SELECT dn_mm::text FROM pipe_segment WHERE fid = 104 AND valid_to IS NULL"))
        .containsExactly("400");
  }
}
