package cn.lzxq.city.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bad geometry on every write path (WFS-T 2.0 Insert and Update, WFS-T 1.0.0 Insert, OGC API
 * POST, PUT and PATCH) is refused in the protocol's form — an ExceptionReport InvalidParameterValue
 * whose locator names the action, or a 400 problem detail — and nothing is stored. Runs on the
 * shared small city (its parcel 401 is the polygon updated); the planted bad rows are deleted
 * again.
 */
class GeometryValidationTest extends SmallCityContextTest {

  /**
   * A bad geometry: as a GML element (axis order lat/lon for the 4490 URN, x/y for WFS 1.0.0 is
   * made by {@link #gml}) and as GeoJSON, with the layer it is written to.
   *
   * @param gml the GML geometry with {@code %s} for the srsName and coordinates in lon lat order
   * @param geojson the GeoJSON geometry (CRS84)
   */
  record Bad(String name, String layer, String gml, String geojson, String crs) {
    @Override
    public String toString() {
      return name;
    }
  }

  private static final String LINE =
      "<gml:LineString srsName=\"%s\"%s><gml:posList%s>%s</gml:posList></gml:LineString>";

  static List<Bad> bad() {
    return List.of(
        line("NaN coordinates", "", "NaN NaN NaN NaN", "[[NaN,NaN],[NaN,NaN]]"),
        line(
            "srsDimension 0",
            " srsDimension=\"0\"",
            "103.70 36.52 103.701 36.52",
            "[[103.70],[103.701]]"),
        line(
            "srsDimension -1",
            " srsDimension=\"-1\"",
            "103.70 36.52 103.701 36.52",
            "[[103.70],[103.701,36.52]]"),
        line("odd posList length", "", "103.70 36.52 103.701", "[[103.70,36.52],[103.701]]"),
        line("one-point line", "", "103.70 36.52", "[[103.70,36.52]]"),
        line(
            "two identical points",
            "",
            "103.70 36.52 103.70 36.52",
            "[[103.70,36.52],[103.70,36.52]]"),
        polygon(
            "unclosed ring",
            "103.70 36.52 103.701 36.52 103.701 36.521 103.70 36.521",
            "[[[103.70,36.52],[103.701,36.52],[103.701,36.521],[103.70,36.521]]]",
            null),
        polygon(
            "bow-tie",
            "103.70 36.52 103.701 36.521 103.701 36.52 103.70 36.521 103.70 36.52",
            "[[[103.70,36.52],[103.701,36.521],[103.701,36.52],[103.70,36.521],[103.70,36.52]]]",
            null),
        polygon(
            "hole outside shell",
            "103.70 36.52 103.701 36.52 103.701 36.521 103.70 36.521 103.70 36.52",
            "[[[103.70,36.52],[103.701,36.52],[103.701,36.521],[103.70,36.521],[103.70,36.52]],"
                + "[[103.75,36.55],[103.751,36.55],[103.751,36.551],[103.75,36.55]]]",
            "103.75 36.55 103.751 36.55 103.751 36.551 103.75 36.55"),
        new Bad(
            "(0,0) in EPSG:4326",
            "pipe_js",
            LINE.formatted("urn:ogc:def:crs:EPSG::4326", "", "", "0 0 0.001 0"),
            "{\"type\":\"LineString\",\"coordinates\":[[0,0],[0.001,0]]}",
            "http://www.opengis.net/def/crs/EPSG/0/4326"),
        line(
            "outside the service area (Beijing)",
            "",
            "116.30 39.90 116.31 39.90",
            "[[116.30,39.90],[116.31,39.90]]"),
        new Bad(
            "unknown CRS",
            "pipe_js",
            LINE.formatted("urn:ogc:def:crs:EPSG::99999", "", "", "103.70 36.52 103.701 36.52"),
            "{\"type\":\"LineString\",\"coordinates\":[[103.70,36.52],[103.701,36.52]]}",
            "http://www.opengis.net/def/crs/EPSG/0/99999"));
  }

  private static Bad line(String name, String dimension, String lonLat, String coordinates) {
    return new Bad(
        name,
        "pipe_js",
        LINE.formatted("%s", "", dimension, lonLat),
        "{\"type\":\"LineString\",\"coordinates\":" + coordinates + "}",
        null);
  }

  private static Bad polygon(String name, String shell, String coordinates, String hole) {
    String gml =
        "<gml:Polygon srsName=\"%s\"><gml:exterior><gml:LinearRing><gml:posList>"
            + shell
            + "</gml:posList></gml:LinearRing>"
            + "</gml:exterior>"
            + (hole == null
                ? ""
                : "<gml:interior><gml:LinearRing><gml:posList>"
                    + hole
                    + "</gml:posList></gml:LinearRing>"
                    + "</gml:interior>")
            + "</gml:Polygon>";
    return new Bad(
        name,
        "zoning_parcel",
        gml,
        "{\"type\":\"Polygon\",\"coordinates\":" + coordinates + "}",
        null);
  }

  /** The GML with the srsName filled in: lat/lon order for the EPSG 4490 URN, x/y for WFS 1.0.0. */
  private static String gml(Bad b, boolean wfs10) {
    if (!b.gml().contains("%s")) {
      return wfs10 ? b.gml() : swapped(b.gml());
    }
    return wfs10
        ? b.gml().formatted("EPSG:4490")
        : swapped(b.gml().formatted("urn:ogc:def:crs:EPSG::4490"));
  }

  /** posList pairs swapped to lat lon (an odd last number stays where it is). */
  private static String swapped(String gml) {
    java.util.regex.Matcher m =
        java.util.regex.Pattern.compile("<gml:posList([^>]*)>([^<]*)</gml:posList>").matcher(gml);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String[] n = m.group(2).trim().split("\\s+");
      boolean pairs = !m.group(1).contains("srsDimension");
      for (int i = 0; pairs && i + 1 < n.length; i += 2) {
        String t = n[i];
        n[i] = n[i + 1];
        n[i + 1] = t;
      }
      m.appendReplacement(
          out, "<gml:posList" + m.group(1) + ">" + String.join(" ", n) + "</gml:posList>");
    }
    return m.appendTail(out).toString();
  }

  private static String properties(String layer, boolean json) {
    List<String[]> p =
        layer.equals("pipe_js")
            ? List.of(
                new String[] {"subtype", "JP"},
                new String[] {"feature_code", "51041000"},
                new String[] {"start_point", "B1"},
                new String[] {"end_point", "B2"},
                new String[] {"depth_ref", "top"},
                new String[] {"dn_mm", "100"},
                new String[] {"owner", "SW"})
            : List.of(
                new String[] {"parcel_code", "ZP-BAD"},
                new String[] {"land_use_code", "R2"},
                new String[] {"land_use_name", "二类居住用地"},
                new String[] {"area_m2", "100"});
    StringBuilder b = new StringBuilder();
    for (String[] kv : p) {
      b.append(
          json
              ? (b.isEmpty() ? "" : ",") + "\"" + kv[0] + "\":\"" + kv[1] + "\""
              : "<city:" + kv[0] + ">" + kv[1] + "</city:" + kv[0] + ">");
    }
    return b.toString();
  }

  private static long existing(String layer) {
    return layer.equals("pipe_js") ? 101 : 401;
  }

  /** The write paths: each sends the bad geometry and says which form the refusal takes. */
  enum Path {
    WFS20_INSERT,
    WFS20_UPDATE,
    WFS10_INSERT,
    OGCAPI_POST,
    OGCAPI_PUT,
    OGCAPI_PATCH
  }

  static Stream<Arguments> cases() {
    return bad().stream().flatMap(b -> Stream.of(Path.values()).map(p -> Arguments.of(b, p)));
  }

  @ParameterizedTest(name = "{0} via {1}")
  @MethodSource("cases")
  void isRefusedInTheProtocolsFormAndNothingIsStored(Bad b, Path path) throws Exception {
    OgcClient http = new OgcClient("http://localhost:" + port);
    String rows =
        "SELECT (SELECT count(*) FROM pipe_segment) + (SELECT count(*) FROM zoning_parcel)";
    long before = Sql.count(db, rows);
    String type = b.layer();
    String wfs20 =
        "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\""
            + " xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:city=\"http://lzxq.cn/city\">";
    Function<String, String> geojson =
        props ->
            "{\"type\":\"Feature\",\"properties\":{"
                + props
                + "},\"geometry\":"
                + b.geojson()
                + "}";
    String items = "/ogcapi/collections/" + type + "/items";
    HttpResponse<String> r =
        switch (path) {
          case WFS20_INSERT ->
              http.send(
                  "POST",
                  "/wfs",
                  "text/xml",
                  wfs20
                      + "<wfs:Insert><city:"
                      + type
                      + ">"
                      + properties(type, false)
                      + "<city:geom>"
                      + gml(b, false)
                      + "</city:geom></city:"
                      + type
                      + "></wfs:Insert></wfs:Transaction>",
                  "admin:pw-admin");
          case WFS20_UPDATE ->
              http.send(
                  "POST",
                  "/wfs",
                  "text/xml",
                  wfs20
                      + "<wfs:Update typeName=\"city:"
                      + type
                      + "\"><wfs:Property>"
                      + "<wfs:ValueReference>geom</wfs:ValueReference><wfs:Value>"
                      + gml(b, false)
                      + "</wfs:Value></wfs:Property><fes:Filter>"
                      + "<fes:ResourceId rid=\""
                      + type
                      + "."
                      + existing(type)
                      + "\"/></fes:Filter></wfs:Update></wfs:Transaction>",
                  "admin:pw-admin");
          case WFS10_INSERT ->
              http.send(
                  "POST",
                  "/wfs",
                  "text/xml",
                  "<Transaction xmlns=\"http://www.opengis.net/wfs\" service=\"WFS\""
                      + " version=\"1.0.0\" xmlns:gml=\"http://www.opengis.net/gml\" xmlns:city=\"http://lzxq.cn/city\"><Insert><city:"
                      + type
                      + ">"
                      + properties(type, false)
                      + "<city:geom>"
                      + gml(b, true)
                      + "</city:geom></city:"
                      + type
                      + "></Insert></Transaction>",
                  "admin:pw-admin");
          case OGCAPI_POST ->
              ogcapi(http, "POST", items, geojson.apply(properties(type, true)), b.crs());
          case OGCAPI_PUT ->
              ogcapi(
                  http,
                  "PUT",
                  items + "/" + existing(type),
                  geojson.apply(properties(type, true)),
                  b.crs());
          case OGCAPI_PATCH ->
              ogcapi(http, "PATCH", items + "/" + existing(type), geojson.apply(""), b.crs());
        };

    assertThat(r.statusCode()).as(r.body()).isEqualTo(400);
    if (path.name().startsWith("WFS")) {
      assertThat(Xml.text(r.body(), "//*[local-name()='Exception']/@exceptionCode"))
          .as(r.body())
          .isEqualTo("InvalidParameterValue");
      assertThat(Xml.text(r.body(), "//*[local-name()='Exception']/@locator"))
          .as(r.body())
          .containsAnyOf("Insert", "Update");
    } else {
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .startsWith("application/problem+json");
      assertThat(r.body()).contains("\"status\":400");
    }
    assertThat(Sql.count(db, rows)).as("nothing stored").isEqualTo(before);
  }

  /**
   * Rows another tool wrote with NaN and infinite coordinates are not served (V36
   * geometry_is_finite): no read fails, none is cut short, and no extent includes them.
   */
  @org.junit.jupiter.api.Test
  void plantedNonFiniteRowsBreakNoReadAndNoExtent() throws Exception {
    Sql.exec(
        db,
        """
        INSERT INTO pipe_segment (fid, network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm, owner, geom, valid_from)
        VALUES (150, 'JS', 'JP', '51041000', 'N1', 'N2', 'top', 100, 'SW',
                ST_SetSRID(ST_MakeLine(ST_MakePoint('NaN'::float8, 'NaN'::float8, 0), ST_MakePoint(383700, 4041900, 0)), 4544), '2015-01-01'),
               (151, 'JS', 'JP', '51041000', 'N3', 'N4', 'top', 100, 'SW',
                ST_SetSRID(ST_MakeLine(ST_MakePoint(383700, 'Infinity'::float8, 0), ST_MakePoint(383700, 4041900, 0)), 4544), '2015-01-01');
        """);
    try {
      assertPlantedRowsAreNotServed();
    } finally {
      Sql.exec(db, "DELETE FROM pipe_segment WHERE fid IN (150, 151)");
    }
  }

  private void assertPlantedRowsAreNotServed() throws Exception {
    OgcClient http = new OgcClient("http://localhost:" + port);
    long served =
        Sql.count(db, "SELECT count(*) FROM pipe_segment WHERE network = 'JS' AND valid_to IS NULL")
            - 2;

    for (String fid : List.of("150", "151")) {
      HttpResponse<String> item = http.get("/ogcapi/collections/pipe_js/items/" + fid);
      assertThat(item.statusCode()).as(item.body()).isEqualTo(404);
    }
    HttpResponse<String> items = http.get("/ogcapi/collections/pipe_js/items", "limit", "10000");
    assertThat(items.statusCode()).isEqualTo(200);
    tools.jackson.databind.JsonNode json =
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(items.body());
    assertThat(json.get("features").size()).as(items.body()).isEqualTo((int) served);
    assertThat(json.get("numberMatched").asLong()).isEqualTo(served);
    for (String srs : List.of("EPSG:4326", "EPSG:4544")) {
      HttpResponse<String> wfs =
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
              "SRSNAME",
              srs);
      assertThat(wfs.statusCode()).isEqualTo(200);
      assertThat(Xml.count(wfs.body(), "//wfs:member"))
          .as("a whole document")
          .isEqualTo((int) served);
    }
    HttpResponse<String> layers = http.get("/api/layers");
    tools.jackson.databind.JsonNode water =
        tools.jackson.databind.json.JsonMapper.builder().build().readTree(layers.body()).get(0);
    assertThat(water.get("count").asLong()).isEqualTo(served);
    for (int i = 0; i < 4; i++) {
      assertThat(water.get("extent").get(i).asDouble())
          .as(layers.body())
          .isBetween(i % 2 == 0 ? 103.6 : 36.4, i % 2 == 0 ? 103.8 : 36.6);
    }
  }

  private static HttpResponse<String> ogcapi(
      OgcClient http, String method, String path, String body, String crs) throws Exception {
    if (crs == null) {
      return http.send(method, path, "application/geo+json", body, "admin:pw-admin");
    }
    return http.sendWithHeader(
        method,
        path,
        "application/geo+json",
        body,
        "admin:pw-admin",
        "Content-Crs",
        "<" + crs + ">");
  }
}
