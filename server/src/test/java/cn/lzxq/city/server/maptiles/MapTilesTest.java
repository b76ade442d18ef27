package cn.lzxq.city.server.maptiles;

import static cn.lzxq.city.server.maptiles.WebMercator.HALF;
import static cn.lzxq.city.server.maptiles.WebMercator.mercX;
import static cn.lzxq.city.server.maptiles.WebMercator.mercY;
import static cn.lzxq.city.server.maptiles.WebMercator.tileX;
import static cn.lzxq.city.server.maptiles.WebMercator.tileY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.lzxq.city.data.cli.CityCli;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.CurrentGdal;
import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.support.ScratchDatabase;
import cn.lzxq.city.server.tilestore.CacheEntry;
import cn.lzxq.city.server.tilestore.TileStore;
import cn.lzxq.city.server.wfs.OgcClient;
import cn.lzxq.city.server.wfs.SmallCityContextTest;
import cn.lzxq.city.server.wms.request.ImageFormat;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * WMTS and OGC API – Tiles against the small city (water pipes 101–105 at 103.700–103.701°E,
 * 36.5009–36.5045°N; gas pipes 201–202 at 103.72°E), read by real clients: GDAL's WMTS driver
 * (georeferencing in EPSG:3857 and EPSG:4490, pixels where the pipes are), GDAL's MVT driver
 * (feature ids = WFS fids of the same box), GDAL 3.10's OGC API driver ({@link CurrentGdal}: vector
 * tiles with the WFS fids and attributes, map tiles in WebMercatorQuad and CGCS2000Quad), and an
 * edit through WFS-T that must change exactly the tiles it touches within 1 s.
 */
class MapTilesTest extends SmallCityContextTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Path DECODE_MVT =
      Path.of("").toAbsolutePath().getParent().resolve("tiles/src/test/js/decode-mvt.mjs");

  /** The WFS filter of the pipe the edit test inserts, moves and deletes. */
  private static final String TILE1_FILTER =
      "<fes:Filter><fes:PropertyIsEqualTo><fes:ValueReference>start_point</fes:ValueReference>"
          + "<fes:Literal>TILE1</fes:Literal></fes:PropertyIsEqualTo></fes:Filter>";

  @Autowired TileStore store;

  @Autowired TileMatrixSets sets;

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void gdalReadsWmtsInWebMercatorWithTheRightGeoreferencing() throws Exception {
    JsonNode info = gdalinfo("WebMercatorQuad");
    double cell = 2 * HALF / 256 / (1 << 20);
    JsonNode gt = info.get("geoTransform");
    assertThat(gt.get(1).asDouble()).isCloseTo(cell, offset(1e-9));
    assertThat(gt.get(5).asDouble()).isCloseTo(-cell, offset(1e-9));
    // GDAL clips the dataset to the layer's WGS84BoundingBox (the service area), to the pixel
    assertThat(gt.get(0).asDouble()).isCloseTo(mercX(103.55), offset(cell));
    assertThat(gt.get(3).asDouble()).isCloseTo(mercY(36.72), offset(cell));
    assertThat(info.get("coordinateSystem").get("wkt").asText()).contains("3857");
    assertPipesDrawnWhereTheyAre(
        (ulx, uly, lrx, lry) -> colouredPixels("WebMercatorQuad", ulx, uly, lrx, lry), true);
  }

  @Test
  void gdalReadsWmtsInCgcs2000WithTheRightGeoreferencing() throws Exception {
    JsonNode info = gdalinfo("CGCS2000Quad");
    double cell = 0.703125 / (1 << 20);
    JsonNode gt = info.get("geoTransform");
    assertThat(gt.get(1).asDouble()).isCloseTo(cell, offset(1e-12));
    assertThat(gt.get(5).asDouble()).isCloseTo(-cell, offset(1e-12));
    // x = longitude, y = latitude in GDAL's geotransform; clipped to the service area, to the pixel
    assertThat(gt.get(0).asDouble()).isCloseTo(103.55, offset(cell));
    assertThat(gt.get(3).asDouble()).isCloseTo(36.72, offset(cell));
    assertThat(info.get("coordinateSystem").get("wkt").asText()).contains("4490");
    assertPipesDrawnWhereTheyAre(
        (ulx, uly, lrx, lry) -> colouredPixels("CGCS2000Quad", ulx, uly, lrx, lry), false);
  }

  @Test
  void gdalOgcApiDriverReadsVectorTilesWithTheWfsFidsAndAttributes() throws Exception {
    CurrentGdal gdal = CurrentGdal.ready();
    int z = 16;
    long x = tileX(103.7005, z);
    long y = tileY(36.5027, z);
    double span = 2 * HALF / (1 << z);
    double minX = -HALF + x * span;
    double maxY = HALF - y * span;
    // the driver follows collection → tilesets-vector → the set's tileset (chosen by its
    // tileMatrixSetURI) → tiling-scheme and tile template; a box inside one tile reads that tile
    String geojson =
        gdal.run(
            "ogr2ogr",
            "-f",
            "GeoJSON",
            "/vsistdout/",
            "-oo",
            "API=TILES",
            "-oo",
            "TILEMATRIXSET=WebMercatorQuad",
            "-oo",
            "MINX=" + (minX + 1),
            "-oo",
            "MINY=" + (maxY - span + 1),
            "-oo",
            "MAXX=" + (minX + span - 1),
            "-oo",
            "MAXY=" + (maxY - 1),
            "OGCAPI:" + base() + "/ogcapi/collections/pipe_js",
            "Zoom level " + z);
    Map<Long, JsonNode> tile = new TreeMap<>();
    for (JsonNode f : JSON.readTree(geojson).get("features")) {
      tile.put(f.get("properties").get("mvt_id").asLong(), f.get("properties"));
    }
    // WFS 2.0 of the same tile grown by the MVT buffer (256 of 4096 units on each side)
    Map<Long, JsonNode> wfs = wfsFeatures(minX, maxY, span, span * 256 / 4096);
    assertThat(wfs.keySet()).containsExactly(101L, 102L, 103L, 104L, 105L);
    assertThat(tile.keySet()).isEqualTo(wfs.keySet());
    for (Map.Entry<Long, JsonNode> e : tile.entrySet()) {
      List<String> names = new ArrayList<>();
      e.getValue().propertyNames().forEach(names::add);
      assertThat(names).contains("dn_mm", "material", "owner", "valid_from");
      for (String name : names) {
        if (!name.equals("mvt_id")) {
          JsonNode want = wfs.get(e.getKey()).get(name);
          assertThat(want).as("WFS has %s of %d", name, e.getKey()).isNotNull();
          assertThat(e.getValue().get(name).asText())
              .as("%s of %d", name, e.getKey())
              .isEqualTo(want.asText());
        }
      }
    }
  }

  @Test
  void gdalOgcApiDriverReadsMapTilesInWebMercatorAndCgcs2000WithTheRightGeoreferencing()
      throws Exception {
    CurrentGdal gdal = CurrentGdal.ready();
    String source = "OGCAPI:" + base() + "/ogcapi/collections/pipe_js";
    // WebMercatorQuad: the finest level (20) of the set, EPSG:3857, pipes where they are
    String[] mercator = {"-oo", "API=TILES", "-oo", "TILEMATRIXSET=WebMercatorQuad"};
    JsonNode info = JSON.readTree(gdal.run(gdalinfoJson(source, mercator)));
    assertThat(info.get("coordinateSystem").get("wkt").asText()).contains("3857");
    double cell = 2 * HALF / 256 / (1 << 20);
    assertThat(info.get("geoTransform").get(1).asDouble()).isCloseTo(cell, offset(1e-9));
    assertThat(info.get("geoTransform").get(5).asDouble()).isCloseTo(-cell, offset(1e-9));
    assertPipesDrawnWhereTheyAre(
        (ulx, uly, lrx, lry) -> colouredPixels(gdal, source, mercator, ulx, uly, lrx, lry), true);
    // CGCS2000Quad (not in the OGC registry: the service's own definition, lat, lon order)
    String[] cgcs2000 = {"-oo", "API=TILES", "-oo", "TILEMATRIXSET=CGCS2000Quad"};
    info = JSON.readTree(gdal.run(gdalinfoJson(source, cgcs2000)));
    assertThat(info.get("coordinateSystem").get("wkt").asText()).contains("4490");
    double degrees = 0.703125 / (1 << 20);
    assertThat(info.get("geoTransform").get(1).asDouble()).isCloseTo(degrees, offset(1e-12));
    assertThat(info.get("geoTransform").get(5).asDouble()).isCloseTo(-degrees, offset(1e-12));
    assertPipesDrawnWhereTheyAre(
        (ulx, uly, lrx, lry) -> colouredPixels(gdal, source, cgcs2000, ulx, uly, lrx, lry), false);
  }

  @Test
  void capabilitiesListEveryLayerStyleSetAndTime() throws Exception {
    HttpResponse<String> r = Http.get(base() + "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("<ows:Identifier>pipe_js</ows:Identifier>")
        .contains("<ows:Identifier>pipe_js_jp</ows:Identifier>")
        .contains("<ows:Identifier>CGCS2000Quad</ows:Identifier>")
        .contains("<TopLeftCorner>90 -180</TopLeftCorner>")
        .contains("<MatrixWidth>2</MatrixWidth><MatrixHeight>1</MatrixHeight>")
        .contains("<ows:Identifier>EPSG4544</ows:Identifier>")
        .contains("<TopLeftCorner>4200000 300000</TopLeftCorner>")
        .contains("<ows:Identifier>TIME</ows:Identifier>");
    HttpResponse<String> bad =
        Http.get(
            base()
                + "/wmts?SERVICE=WMTS&REQUEST=GetTile&LAYER=pipe_js&STYLE=&FORMAT=image/png"
                + "&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX=3&TILEROW=8&TILECOL=0");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body())
        .contains("exceptionCode=\"TileOutOfRange\"")
        .contains("locator=\"TILEROW\"");
  }

  @Test
  void vectorTileIdsAreTheWfsFidsOfTheSameBoxDecodedByGdalAndNodeMapboxVectorTile()
      throws Exception {
    int z = 16;
    long x = tileX(103.7005, z);
    long y = tileY(36.5027, z);
    HttpResponse<byte[]> r =
        bytes(
            base() + "/ogcapi/collections/pipe_js/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x);
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type"))
        .hasValue("application/vnd.mapbox-vector-tile");
    Path file = Files.createTempFile("tile", ".mvt");
    Files.write(file, r.body());
    String ogr =
        run(
            "ogrinfo",
            "-ro",
            "-al",
            "-oo",
            "X=" + x,
            "-oo",
            "Y=" + y,
            "-oo",
            "Z=" + z,
            file.toString());
    Set<Long> mvtIds = new TreeSet<>();
    Matcher m = Pattern.compile("mvt_id \\(Integer64\\) = (\\d+)").matcher(ogr);
    while (m.find()) {
      mvtIds.add(Long.parseLong(m.group(1)));
    }
    assertThat(ogr).contains("Layer name: pipe_js").contains("dn_mm (Integer) = 300");
    // WFS 2.0 GetFeature of the tile grown by the MVT buffer (256 of 4096 units on each side)
    double span = 2 * HALF / (1 << z);
    Set<Long> wfsIds =
        wfsFeatures(-HALF + x * span, HALF - y * span, span, span * 256 / 4096).keySet();
    assertThat(wfsIds).containsExactly(101L, 102L, 103L, 104L, 105L);
    assertThat(mvtIds).isEqualTo(wfsIds);

    // the npm decoder web map clients use: same ids, properties, and lon/lat where the pipes are
    JsonNode layer =
        JSON.readTree(run("node", DECODE_MVT.toString(), file.toString(), "" + z, "" + x, "" + y));
    assertThat(layer.get("layer").asText()).isEqualTo("pipe_js");
    assertThat(layer.get("extent").asInt()).isEqualTo(4096);
    Set<Long> nodeIds = new TreeSet<>();
    layer.get("ids").forEach(id -> nodeIds.add(id.asLong()));
    assertThat(nodeIds).isEqualTo(wfsIds);
    for (JsonNode f : layer.get("features")) {
      assertThat(f.get("type").asText()).isEqualTo("LineString");
      assertThat(f.get("properties").get("owner").asText()).isEqualTo("SW");
      assertThat(f.get("properties").get("valid_from").asText()).isEqualTo("2015-01-01T00:00:00Z");
      long fid = f.get("id").asLong();
      // pipe 100 + i starts at 103.70°E, 36.50 + i × 0.0009°N (to the tile's 1/4096 resolution)
      assertThat(f.get("lonlat").get(0).asDouble()).isCloseTo(103.70, offset(1e-4));
      assertThat(f.get("lonlat").get(1).asDouble())
          .isCloseTo(36.50 + (fid - 100) * 0.0009, offset(1e-4));
    }
  }

  /** WFS 2.0 GeoJSON features of pipe_js in a tile grown by {@code buffer} (EPSG:3857), by fid. */
  private Map<Long, JsonNode> wfsFeatures(double minX, double maxY, double span, double buffer)
      throws Exception {
    HttpResponse<String> wfs =
        new OgcClient(base())
            .get(
                "/wfs",
                "SERVICE",
                "WFS",
                "VERSION",
                "2.0.0",
                "REQUEST",
                "GetFeature",
                "TYPENAMES",
                "city:pipe_js",
                "OUTPUTFORMAT",
                "application/json",
                "BBOX",
                (minX - buffer)
                    + ","
                    + (maxY - span - buffer)
                    + ","
                    + (minX + span + buffer)
                    + ","
                    + (maxY + buffer)
                    + ",urn:ogc:def:crs:EPSG::3857");
    Map<Long, JsonNode> byFid = new TreeMap<>();
    for (JsonNode f : JSON.readTree(wfs.body()).get("features")) {
      String id = f.get("id").asText();
      byFid.put(Long.parseLong(id.substring(id.lastIndexOf('.') + 1)), f.get("properties"));
    }
    return byFid;
  }

  @Test
  void anEditChangesExactlyTheTilesItTouchesWithinOneSecond() throws Exception {
    int z = 16;
    // tile A around 103.7505°E 36.5505°N (no fixture feature within 2 km) and tile B three columns
    // east; their 3 × 3 blocks of vector and map tiles do not overlap
    long ax = tileX(103.7505, z);
    long bx = ax + 3;
    long y = tileY(36.5505, z);
    double lat = WebMercator.lat(y + 0.5, z);
    List<String> block = new ArrayList<>();
    for (long dy = -1; dy <= 1; dy++) {
      for (long dx = -1; dx <= 1; dx++) {
        for (long x : new long[] {ax, bx}) {
          block.add(mvt(z, y + dy, x + dx));
          block.add(wmts(z, y + dy, x + dx));
        }
      }
    }
    Set<String> tileA = Set.of(mvt(z, y, ax), wmts(z, y, ax));
    Set<String> tileB = Set.of(mvt(z, y, bx), wmts(z, y, bx));
    Set<String> both = new TreeSet<>(tileA);
    both.addAll(tileB);
    Map<String, String> original = etags(block);
    try {
      // a pipe 0.0004° long (about 19 px at level 16) in the middle of A: at least 118 px from
      // every edge, farther than the MVT buffer (16 px), the symbol and the label buffer (64 px)
      Map<String, String> inserted =
          afterEdit(
              "<wfs:Insert><city:pipe_js><city:subtype>JP</city:subtype>"
                  + "<city:feature_code>51041000</city:feature_code>"
                  + "<city:start_point>TILE1</city:start_point><city:end_point>TILE2</city:end_point>"
                  + "<city:depth_ref>top</city:depth_ref><city:dn_mm>200</city:dn_mm>"
                  + "<city:owner>SW</city:owner><city:geom>"
                  + lineIn(ax, lat, z)
                  + "</city:geom></city:pipe_js></wfs:Insert>",
              "editor_sw:pw-editor_sw",
              original,
              tileA,
              block);
      // moved to the middle of B: the change log holds both extents, so A and B change and
      // nothing else; A's bytes are those before the insert again, and so is its ETag
      Map<String, String> moved =
          afterEdit(
              "<wfs:Update typeName=\"city:pipe_js\"><wfs:Property>"
                  + "<wfs:ValueReference>geom</wfs:ValueReference><wfs:Value>"
                  + lineIn(bx, lat, z)
                  + "</wfs:Value></wfs:Property>"
                  + TILE1_FILTER
                  + "</wfs:Update>",
              "editor_sw:pw-editor_sw",
              inserted,
              both,
              block);
      for (String url : tileA) {
        assertThat(moved.get(url)).as("A after the move: %s", url).isEqualTo(original.get(url));
      }
    } finally {
      new OgcClient(base())
          .send(
              "POST",
              "/wfs",
              "text/xml",
              transaction(
                  "<wfs:Delete typeName=\"city:pipe_js\">" + TILE1_FILTER + "</wfs:Delete>"),
              "admin:pw-admin");
    }
  }

  private static String transaction(String actions) {
    return "<wfs:Transaction service=\"WFS\" version=\"2.0.0\""
        + " xmlns:wfs=\"http://www.opengis.net/wfs/2.0\" xmlns:fes=\"http://www.opengis.net/fes/2.0\""
        + " xmlns:gml=\"http://www.opengis.net/gml/3.2\" xmlns:city=\"http://lzxq.cn/city\">"
        + actions
        + "</wfs:Transaction>";
  }

  /** A GML line 0.0004° long (lat, lon order of EPSG:4490) through the middle of column col. */
  private static String lineIn(long col, double lat, int z) {
    double lon = WebMercator.lon(col + 0.5, z);
    return "<gml:LineString gml:id=\"t1\" srsName=\"urn:ogc:def:crs:EPSG::4490\"><gml:posList>"
        + lat
        + " "
        + (lon - 0.0002)
        + " "
        + lat
        + " "
        + (lon + 0.0002)
        + "</gml:posList></gml:LineString>";
  }

  /**
   * Sends a WFS-T transaction and waits until every tile of {@code changed} has a new ETag: a
   * request sent within 1 s of the transaction's answer must show it (the time counted is when that
   * request was sent: a loaded machine may take longer to answer it). Every other tile of {@code
   * block} must keep its ETag. Returns the block's ETags after the edit.
   */
  private Map<String, String> afterEdit(
      String actions,
      String user,
      Map<String, String> before,
      Set<String> changed,
      List<String> block)
      throws Exception {
    HttpResponse<String> tx =
        new OgcClient(base()).send("POST", "/wfs", "text/xml", transaction(actions), user);
    assertThat(tx.statusCode()).as(tx.body()).isEqualTo(200);
    long done = System.nanoTime();
    long sent;
    Set<String> unchanged;
    do {
      sent = System.nanoTime();
      unchanged = new TreeSet<>();
      for (String url : changed) {
        if (etag(url).equals(before.get(url))) {
          unchanged.add(url);
        }
      }
      if (!unchanged.isEmpty()) {
        Thread.sleep(50);
      }
    } while (!unchanged.isEmpty() && sent - done < TimeUnit.SECONDS.toNanos(1));
    assertThat(unchanged).as("touched tiles still with their ETag 1 s after the edit").isEmpty();
    assertThat(TimeUnit.NANOSECONDS.toMillis(sent - done)).isLessThanOrEqualTo(1000);
    Map<String, String> after = etags(block);
    for (String url : block) {
      if (!changed.contains(url)) {
        assertThat(after.get(url)).as("untouched %s", url).isEqualTo(before.get(url));
      }
    }
    return after;
  }

  private static Map<String, String> etags(List<String> urls) throws Exception {
    Map<String, String> tags = new TreeMap<>();
    for (String url : urls) {
      tags.put(url, etag(url));
    }
    return tags;
  }

  @Test
  void ogcApiTilesDeclaresItsClassesAndServesTheMatrixSets() throws Exception {
    JsonNode conf = JSON.readTree(Http.get(base() + "/ogcapi/conformance").body());
    assertThat(conf.get("conformsTo").toString())
        .contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/core")
        .contains("http://www.opengis.net/spec/ogcapi-tiles-1/1.0/conf/mvt")
        .contains("http://www.opengis.net/spec/tms/2.0/conf/json-tilematrixset");
    JsonNode tms = JSON.readTree(Http.get(base() + "/ogcapi/tileMatrixSets/CGCS2000Quad").body());
    assertThat(tms.get("crs").asText()).isEqualTo("http://www.opengis.net/def/crs/EPSG/0/4490");
    JsonNode level0 = tms.get("tileMatrices").get(0);
    assertThat(level0.get("pointOfOrigin").get(0).asDouble()).isEqualTo(90);
    assertThat(level0.get("pointOfOrigin").get(1).asDouble()).isEqualTo(-180);
    assertThat(level0.get("matrixWidth").asInt()).isEqualTo(2);
    assertThat(level0.get("matrixHeight").asInt()).isEqualTo(1);
    assertThat(level0.get("scaleDenominator").asDouble())
        .isCloseTo(279541132.0143589, offset(1e-3));
    HttpResponse<byte[]> png =
        bytes(
            base()
                + "/ogcapi/map/tiles/WebMercatorQuad/16/"
                + tileY(36.5027, 16)
                + "/"
                + tileX(103.7005, 16));
    assertThat(png.statusCode()).isEqualTo(200);
    assertThat(png.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(bytes(base() + "/ogcapi/collections/nothing/tiles").statusCode()).isEqualTo(404);
    assertThat(bytes(base() + "/ogcapi/tiles/WebMercatorQuad/3/8/0").statusCode()).isEqualTo(404);
  }

  @Test
  void everyTileEndpointAnswersConditionalAndCompressedRequestsAlike() throws Exception {
    int z = 16;
    long x = tileX(103.7005, z);
    long y = tileY(36.5027, z);
    String zyx = "/WebMercatorQuad/" + z + "/" + y + "/" + x;
    for (String url : List.of(mvt(z, y, x), base() + "/ogcapi/tiles" + zyx)) {
      byte[] plain = bytes(url).body();
      assertThat(plain.length).as(url).isGreaterThanOrEqualTo(512);
      HttpResponse<byte[]> gz = bytes(url, "Accept-Encoding", "gzip;q=1.0, identity;q=0.5");
      assertThat(gz.headers().firstValue("Content-Encoding")).as(url).hasValue("gzip");
      assertThat(String.join(",", gz.headers().allValues("Vary"))).contains("Accept-Encoding");
      String tag = gz.headers().firstValue("ETag").orElseThrow();
      // a proxy that weakened the tag, in a list: the weak comparison matches (RFC 9110 §13.1.2)
      HttpResponse<byte[]> again =
          bytes(url, "Accept-Encoding", "gzip", "If-None-Match", "\"other\", W/" + tag);
      assertThat(again.statusCode()).as(url).isEqualTo(304);
      assertThat(again.body()).isEmpty();
      assertThat(again.headers().firstValue("ETag")).hasValue(tag);
      // refused gzip (q=0): the identity body, its own tag, and the gzip tag does not match it
      HttpResponse<byte[]> identity =
          bytes(url, "Accept-Encoding", "gzip;q=0", "If-None-Match", tag);
      assertThat(identity.statusCode()).as(url).isEqualTo(200);
      assertThat(identity.headers().firstValue("Content-Encoding")).isEmpty();
      assertThat(identity.body()).isEqualTo(plain);
    }
    for (String url :
        List.of(
            wmts(z, y, x),
            base()
                + "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=pipe_js&STYLE=default"
                + "&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX="
                + z
                + "&TILEROW="
                + y
                + "&TILECOL="
                + x,
            base() + "/ogcapi/collections/pipe_js/map/tiles" + zyx,
            base() + "/ogcapi/map/tiles" + zyx)) {
      HttpResponse<byte[]> png = bytes(url, "Accept-Encoding", "gzip");
      assertThat(png.statusCode()).as(url).isEqualTo(200);
      assertThat(png.headers().firstValue("Content-Encoding")).as(url).isEmpty();
      assertThat(String.join(",", png.headers().allValues("Vary")))
          .as("a PNG does not vary by encoding: " + url)
          .doesNotContain("Accept-Encoding");
      assertThat(png.headers().firstValue("Cache-Control").orElse("")).contains("must-revalidate");
      String tag = png.headers().firstValue("ETag").orElseThrow();
      assertThat(bytes(url, "If-None-Match", "W/" + tag).statusCode()).as(url).isEqualTo(304);
      assertThat(bytes(url, "If-None-Match", "*").statusCode()).as(url).isEqualTo(304);
      assertThat(bytes(url, "If-None-Match", "\"0\"").statusCode()).as(url).isEqualTo(200);
    }
  }

  @Test
  void cityTilesSeedRunsAsAJobOfTheQueueAndTruncateLogsAChange() throws Exception {
    // levels 15-16 over the water pipes: 1 + 2 columns × 1 + 1 rows as the tile math gives
    double[] box = {103.6995, 36.5005, 103.7015, 36.5050};
    long expected = 0;
    for (int z = 15; z <= 16; z++) {
      expected +=
          (tileX(box[2], z) - tileX(box[0], z) + 1) * (tileY(box[1], z) - tileY(box[3], z) + 1);
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    PrintStream stdout = System.out;
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    int code;
    try {
      code =
          city(
              "tiles",
              "seed",
              "--layer",
              "pipe_js",
              "--zoom",
              "15-16",
              "--format",
              "mvt",
              "--bbox",
              box[0] + "," + box[1] + "," + box[2] + "," + box[3]);
    } finally {
      System.setOut(stdout);
    }
    assertThat(code).isZero();
    // the server's log shares System.out in this JVM: the result is the line the command printed
    String line =
        out.toString(StandardCharsets.UTF_8)
            .lines()
            .filter(l -> l.startsWith("{\"tiles\""))
            .findFirst()
            .orElseThrow();
    JsonNode result = JSON.readTree(line);
    assertThat(result.get("tiles").asLong()).isEqualTo(expected);
    assertThat(Sql.strings(db, "SELECT status || ' ' || kind FROM job WHERE kind = 'tiles-seed'"))
        .contains("successful tiles-seed");

    assertThat(city("tiles", "truncate", "--layer", "pipe_js_jp", "--zoom", "16")).isZero();
    assertThat(
            Sql.strings(
                db,
                "SELECT layer || ' ' || min_zoom || '-' || max_zoom FROM tile_change"
                    + " WHERE min_zoom IS NOT NULL ORDER BY seq DESC LIMIT 1"))
        .containsExactly("pipe_js 16-16");
    assertThat(city("tiles", "truncate", "--layer", "nothing")).isEqualTo(2);
  }

  @Test
  void seededMapTilesAreTheOnesWmtsAndOgcApiServeInEveryStyleSpelling() throws Exception {
    // one tile of an empty area, seeded through the job queue as `city tiles seed` does
    int z = 16;
    long col = tileX(103.8005, z);
    long row = tileY(36.6005, z);
    assertThat(
            city(
                "tiles",
                "seed",
                "--layer",
                "pipe_js",
                "--zoom",
                "16",
                "--bbox",
                "103.8004,36.6004,103.8006,36.6006"))
        .isZero();
    String key =
        RasterTiles.base(
                List.of("pipe_js"),
                "",
                null,
                sets.find("WebMercatorQuad").orElseThrow(),
                ImageFormat.PNG)
            + z
            + "/"
            + row
            + "/"
            + col
            + ".png";
    CacheEntry seeded = store.get(key);
    assertThat(seeded).as("the seeder stored %s", key).isNotNull();
    // a marker in its place, as fresh as the seeded tile: every reader must answer it
    byte[] marker = "not a png: the seeded entry".getBytes(StandardCharsets.UTF_8);
    store.put(key, new CacheEntry(marker, seeded.seq()));
    try {
      String zyx = "/" + z + "/" + row + "/" + col;
      for (String url :
          List.of(
              wmts(z, row, col),
              base() + "/wmts/pipe_js/cjj61/current/WebMercatorQuad" + zyx + ".png",
              base()
                  + "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=pipe_js&STYLE="
                  + "&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX="
                  + z
                  + "&TILEROW="
                  + row
                  + "&TILECOL="
                  + col,
              base() + "/ogcapi/collections/pipe_js/map/tiles/WebMercatorQuad" + zyx)) {
        assertThat(bytes(url).body()).as(url).isEqualTo(marker);
      }
      // another style is another pyramid
      assertThat(
              bytes(base() + "/wmts/pipe_js/material/current/WebMercatorQuad" + zyx + ".png")
                  .body())
          .isNotEqualTo(marker);
    } finally {
      store.put(key, seeded);
    }
  }

  private static int city(String... args) {
    List<String> line = new ArrayList<>(List.of(args));
    line.addAll(
        List.of("--database-url", ScratchDatabase.url(), "--schema", ScratchDatabase.schema(db)));
    return CityCli.run(line.toArray(String[]::new));
  }

  private String mvt(int z, long y, long x) {
    return base() + "/ogcapi/collections/pipe_js/tiles/WebMercatorQuad/" + z + "/" + y + "/" + x;
  }

  private String wmts(int z, long row, long col) {
    return base()
        + "/wmts/pipe_js/default/current/WebMercatorQuad/"
        + z
        + "/"
        + row
        + "/"
        + col
        + ".png";
  }

  /** The pixels of {@code image} that are not fully transparent. */
  private static int opaque(BufferedImage image) {
    int n = 0;
    for (int j = 0; j < image.getHeight(); j++) {
      for (int i = 0; i < image.getWidth(); i++) {
        n += (image.getRGB(i, j) >>> 24) > 0 ? 1 : 0;
      }
    }
    return n;
  }

  private static String etag(String url) throws Exception {
    HttpResponse<byte[]> r = bytes(url);
    assertThat(r.statusCode()).as(url).isEqualTo(200);
    return r.headers().firstValue("ETag").orElseThrow();
  }

  private static HttpResponse<byte[]> bytes(String url, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    return Http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  private JsonNode gdalinfo(String set) throws Exception {
    return JSON.readTree(run("gdalinfo", "-json", wmtsSource(set)));
  }

  private String wmtsSource(String set) {
    return "WMTS:"
        + base()
        + "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities,layer=pipe_js,tilematrixset="
        + set;
  }

  private static String[] gdalinfoJson(String source, String[] options) {
    List<String> command = new ArrayList<>(List.of("gdalinfo", "-json"));
    command.addAll(List.of(options));
    command.add(source);
    return command.toArray(String[]::new);
  }

  /** Coloured pixels a GDAL client reads in a window (x = east) of a tile matrix set's CRS. */
  @FunctionalInterface
  private interface WindowPixels {
    int count(double ulx, double uly, double lrx, double lry) throws Exception;
  }

  /**
   * The water pipes 101–105 are drawn where they are: a window around them has coloured pixels, the
   * same window 8 km east none; corners in degrees, or in EPSG:3857 metres when {@code mercator}.
   */
  private static void assertPipesDrawnWhereTheyAre(WindowPixels pixels, boolean mercator)
      throws Exception {
    assertThat(window(pixels, mercator, 103.6995, 36.5050, 103.7015, 36.5000)).isGreaterThan(50);
    assertThat(window(pixels, mercator, 103.7895, 36.5050, 103.7915, 36.5000)).isZero();
  }

  private static int window(
      WindowPixels pixels, boolean mercator, double west, double north, double east, double south)
      throws Exception {
    return mercator
        ? pixels.count(mercX(west), mercY(north), mercX(east), mercY(south))
        : pixels.count(west, north, east, south);
  }

  /** Pixels that are not transparent in a 256 × 256 read of the window (x = east) through GDAL. */
  private int colouredPixels(String set, double ulx, double uly, double lrx, double lry)
      throws Exception {
    Path out = Files.createTempFile("tiles", ".png");
    run(translateToPng(wmtsSource(set), new String[0], ulx, uly, lrx, lry, out.toString()));
    return opaque(ImageIO.read(out.toFile()));
  }

  /** As above, through the current GDAL from any source it opens with {@code options}. */
  private static int colouredPixels(
      CurrentGdal gdal,
      String source,
      String[] options,
      double ulx,
      double uly,
      double lrx,
      double lry)
      throws Exception {
    Path out = gdal.scratchFile(".png");
    try {
      gdal.run(translateToPng(source, options, ulx, uly, lrx, lry, gdal.inside(out)));
      return opaque(ImageIO.read(out.toFile()));
    } finally {
      Files.deleteIfExists(out);
    }
  }

  /** A {@code gdal_translate} of the window of {@code source} to a 256 × 256 PNG {@code out}. */
  private static String[] translateToPng(
      String source, String[] options, double ulx, double uly, double lrx, double lry, String out) {
    List<String> command =
        new ArrayList<>(List.of("gdal_translate", "-q", "-of", "PNG", "-outsize", "256", "256"));
    command.addAll(List.of(options));
    command.addAll(
        List.of(
            "-projwin",
            String.valueOf(ulx),
            String.valueOf(uly),
            String.valueOf(lrx),
            String.valueOf(lry),
            source,
            out));
    return command.toArray(String[]::new);
  }

  private static String run(String... command) throws Exception {
    List<String> c = new ArrayList<>(List.of(command));
    ProcessBuilder b = new ProcessBuilder(c).redirectErrorStream(true);
    // GDAL's WMS/WMTS driver must not keep tiles between runs (nor write into the work tree)
    b.environment().put("GDAL_ENABLE_WMS_CACHE", "NO");
    b.environment()
        .put("GDAL_DEFAULT_WMS_CACHE_PATH", Files.createTempDirectory("gdalwms").toString());
    Process p = b.start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(out).isZero();
    return out;
  }
}
