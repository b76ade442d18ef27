package cn.lzxq.city.server.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.server.support.ScratchDatabase;
import cn.lzxq.city.server.wfs.OgcClient;
import cn.lzxq.city.tiles.check.BoundsReport;
import cn.lzxq.city.tiles.check.ContentBoundsChecker;
import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.Matrix4;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The served 3D Tiles against the fixture (src/test/resources/tiles3d/fixture.sql), black box over
 * HTTP: validity (Khronos glTF validator, 3D Tiles JSON schemas), containment, metadata against the
 * database, surveyed depths, time, edits, HTTP caching and the city-wide request count.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class Tiles3dApiTest {

  private static final TilesetCatalog TILESETS = new TilesetCatalog(LayerCatalog.standard());

  static final Path OUT = Path.of("target/tiles3d-test");
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static HikariDataSource db;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("Tiles3dApiTest", registry, "/tiles3d/fixture.sql");
    registry.add("city.tile-store.disk", () -> OUT.resolve("cache").toAbsolutePath().toString());
    registry.add("city.tile-store.change-poll", () -> "0ms");
    Sql.exec(
        db,
        "INSERT INTO app_user (username, password_hash, role) VALUES ('admin', '"
            + PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("pw-admin")
            + "', 'admin')");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private String url(String path) {
    return "http://localhost:" + port + "/3dtiles/" + path;
  }

  /**
   * fid of the known pipe: water JS_2_3 → JS_3_3 (DN 800 trunk, depth to top 1.2 / 1.3 m, built
   * 2020-06-01).
   */
  private static long knownPipe() throws Exception {
    return Sql.count(
        db,
        "SELECT fid FROM pipe_segment WHERE start_point = 'JS_2_3' AND end_point = 'JS_3_3' AND valid_to IS NULL");
  }

  private static Path write(String name, byte[] bytes) throws IOException {
    Path p = OUT.resolve(name);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return p;
  }

  @Test
  void everyTilesetValidatesAgainstThe3dTilesSchema() throws Exception {
    List<Path> files = new ArrayList<>();
    for (String name : TILESETS.names()) {
      files.add(write("tilesets/" + name + ".json", HttpBytes.ok(url(name + "/tileset.json"))));
    }
    files.add(
        write(
            "tilesets/city-absolute-2031.json",
            HttpBytes.ok(url("city/tileset.json?asOf=2031-01-01&heights=absolute"))));
    NodeValidators.assertValidJson("tileset.schema.json", files);
    JsonNode city = JSON.readTree(files.get(TILESETS.names().indexOf("city")).toFile());
    assertThat(city.at("/root/contents")).hasSize(TILESETS.kinds().size());
    assertThat(city.at("/groups/0/properties/code").asString()).isEqualTo("JS");
    assertThat(city.at("/root/contents/0/uri").asString()).isEqualTo("pipe_js/{level}/{x}/{y}.glb");
    assertThat(city.get("geometricError").asDouble())
        .isGreaterThan(city.at("/root/geometricError").asDouble());
    JsonNode region = city.at("/root/boundingVolume/region");
    assertThat(region.get(4).asDouble()).as("pipes 3.x m deep").isLessThan(-3);
    assertThat(region.get(5).asDouble()).as("towers and 100 m height limits").isGreaterThan(50);
    JsonNode future = JSON.readTree(files.get(files.size() - 1).toFile());
    assertThat(future.at("/root/contents/0/uri").asString())
        .endsWith(".glb?asOf=2030-12-31T16:00:00Z&heights=absolute");
  }

  @Test
  void everyContentOfTheCityIsValidInsideItsTileAndErrorsShrink() throws Exception {
    ImplicitWalk walk = new ImplicitWalk(url("city/tileset.json"));
    List<ImplicitWalk.Content> contents = walk.allContents();
    assertThat(contents.size()).isGreaterThan(30);
    assertThat(contents.stream().map(c -> c.index()).distinct().count())
        .as("all ten content kinds")
        .isEqualTo(10);
    List<Path> glbs = new ArrayList<>();
    for (ImplicitWalk.Content c : contents) {
      byte[] glb = HttpBytes.ok(c.url());
      glbs.add(write("city/" + c.index() + "_" + c.tile().path().replace('/', '_') + ".glb", glb));
      BoundsReport report =
          new ContentBoundsChecker(walk.tree.regionOf(c.tile()), Matrix4.IDENTITY, 0.001)
              .check(glb);
      assertThat(report.ok()).as("%s inside its tile: %s", c.url(), report).isTrue();
    }
    NodeValidators.assertValidGlbs(glbs);
    List<Path> subtreeJson = new ArrayList<>();
    walk.subtrees.forEach(
        (root, s) ->
            subtreeJson.add(
                uncheckedWrite(
                    "subtrees/" + root.path().replace('/', '_') + ".json", s.jsonBytes())));
    assertThat(subtreeJson).hasSizeGreaterThan(1);
    NodeValidators.assertValidJson("subtree.schema.json", subtreeJson);
    double previous = Double.MAX_VALUE;
    for (int level = 0; level < walk.tree.availableLevels(); level++) {
      double error = walk.rootError / Math.pow(2, level);
      assertThat(error).isLessThan(previous).isPositive();
      previous = error;
    }
    assertThat(walk.tileset.get("geometricError").asDouble()).isGreaterThan(walk.rootError);
  }

  private static Path uncheckedWrite(String name, byte[] bytes) {
    try {
      return write(name, bytes);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  /** The contents of a tileset that hold {@code fid} in the property table of {@code classId}. */
  private Map<ImplicitWalk.Content, byte[]> containing(
      String tilesetUrl, String classId, long fid) {
    Map<ImplicitWalk.Content, byte[]> out = new HashMap<>();
    for (ImplicitWalk.Content c : new ImplicitWalk(tilesetUrl).allContents()) {
      byte[] glb = HttpBytes.ok(c.url());
      if (new GlbFeatures(glb)
          .rows(classId).stream()
              .anyMatch(r -> ((Number) r.get("feature_id")).longValue() == fid)) {
        out.put(c, glb);
      }
    }
    return out;
  }

  @Test
  void metadataMatchesTheDatabaseRow() throws Exception {
    long fid = knownPipe();
    Map<ImplicitWalk.Content, byte[]> tiles =
        containing(url("pipe_js/tileset.json"), "pipe_segment", fid);
    assertThat(tiles).isNotEmpty();
    Map<String, Object> row =
        new GlbFeatures(tiles.values().iterator().next())
            .rows("pipe_segment").stream()
                .filter(r -> ((Number) r.get("feature_id")).longValue() == fid)
                .findFirst()
                .orElseThrow();
    List<String> db =
        Sql.strings(
            db(),
            "SELECT concat_ws('|', network, subtype, owner, dn_mm, material, depth_ref, "
                + "start_depth_m::float8, end_depth_m::float8, build_year, status) FROM pipe_segment WHERE fid = "
                + fid
                + " AND valid_to IS NULL");
    String tile =
        String.join(
            "|",
            Objects.toString(row.get("network")),
            Objects.toString(row.get("subtype")),
            Objects.toString(row.get("owner")),
            Objects.toString(row.get("dn_mm")),
            Objects.toString(row.get("material")),
            Objects.toString(row.get("depth_ref")),
            Objects.toString(row.get("start_depth_m")),
            Objects.toString(row.get("end_depth_m")),
            Objects.toString(row.get("build_year")),
            Objects.toString(row.get("status")));
    assertThat(tile).isEqualTo(db.get(0));
    assertThat(row.get("size")).isEqualTo("DN800");
    HttpResponse<byte[]> item =
        HttpBytes.get(
            "http://localhost:" + port + "/ogcapi/collections/pipe_js/items/" + fid + "?f=json",
            "Accept",
            "application/geo+json");
    assertThat(item.statusCode()).isEqualTo(200);
    JsonNode feature = JSON.readTree(item.body());
    assertThat(feature.get("id").asString()).endsWith(Long.toString(fid));
    for (String p : List.of("network", "subtype", "owner", "material", "depth_ref", "status")) {
      assertThat(feature.at("/properties/" + p).asString()).as(p).isEqualTo(row.get(p));
    }
    assertThat(feature.at("/properties/dn_mm").asInt()).isEqualTo(row.get("dn_mm"));
    assertThat(feature.at("/properties/build_year").asInt())
        .isEqualTo(((Number) row.get("build_year")).intValue());
    HttpResponse<byte[]> wfs =
        HttpBytes.get(
            "http://localhost:"
                + port
                + "/wfs?service=WFS&version=2.0.0&request=GetFeature"
                + "&typeNames=city:pipe_js&resourceId=pipe_js."
                + fid
                + "&outputFormat=application/json");
    assertThat(wfs.statusCode()).isEqualTo(200);
    JsonNode wfsFeature = JSON.readTree(wfs.body()).at("/features/0");
    assertThat(wfsFeature.get("id").asString()).isEqualTo("pipe_js." + fid);
    assertThat(wfsFeature.at("/properties/material").asString()).isEqualTo(row.get("material"));
    assertThat(wfsFeature.at("/properties/owner").asString()).isEqualTo(row.get("owner"));
  }

  @Test
  void aParcelEnvelopeSpansItsGroundToItsHeightLimitInBothHeightModes() throws Exception {
    // XQ-1-1: land use A33, height limit 24 m, outline at ground elevation 1950 m (1985 datum); ζ =
    // −30 m.
    long fid = Sql.count(db, "SELECT fid FROM zoning_parcel WHERE parcel_code = 'XQ-1-1'");
    assertThat(
            Sql.strings(
                db,
                "SELECT height_limit_m::float8 || ' ' || ST_ZMin(geom) FROM zoning_parcel WHERE fid = "
                    + fid))
        .containsExactly("24 1950");
    DoubleSummaryStatistics ground = parcelHeights(url("parcels/tileset.json"), fid);
    assertThat(ground.getMin()).as("base, ground-relative").isCloseTo(0, within(0.01));
    assertThat(ground.getMax()).as("top, ground-relative").isCloseTo(24, within(0.01));
    // absolute: on the terrain; without a DEM on the recorded ground, with the flat 1970 m DEM of
    // buildingsValidateAndStandOnTheTerrain (which covers the parcel) on it
    double terrain =
        Sql.count(db, "SELECT count(*) FROM dem WHERE valid_to IS NULL") == 0 ? 1950 : 1970;
    DoubleSummaryStatistics absolute =
        parcelHeights(url("parcels/tileset.json?heights=absolute"), fid);
    assertThat(absolute.getMin()).as("base, absolute").isCloseTo(terrain - 30, within(0.01));
    assertThat(absolute.getMax()).as("top, absolute").isCloseTo(terrain + 24 - 30, within(0.01));
  }

  /** Heights (m) of a parcel's envelope vertices in every content of a tileset holding it. */
  private DoubleSummaryStatistics parcelHeights(String tilesetUrl, long fid) {
    Map<ImplicitWalk.Content, byte[]> tiles = containing(tilesetUrl, "zoning_parcel", fid);
    assertThat(tiles).isNotEmpty();
    DoubleSummaryStatistics s = new DoubleSummaryStatistics();
    for (byte[] glb : tiles.values()) {
      new GlbFeatures(glb).vertices("zoning_parcel", fid).forEach(g -> s.accept(g.height()));
    }
    assertThat(s.getCount()).isGreaterThanOrEqualTo(8);
    return s;
  }

  private static HikariDataSource db() {
    return db;
  }

  /**
   * Residuals of a pipe's tube vertex heights from an expected centre height along the pipe (a
   * function of longitude, the pipe runs east): their (max + min) / 2 is the centre error (the
   * profile is symmetric) and (max − min) / 2 the radius the mesh shows.
   */
  private static DoubleSummaryStatistics residuals(
      Map<ImplicitWalk.Content, byte[]> tiles,
      long fid,
      java.util.function.DoubleUnaryOperator expectedCentre) {
    DoubleSummaryStatistics s = new DoubleSummaryStatistics();
    for (byte[] glb : tiles.values()) {
      for (GeoPoint g : new GlbFeatures(glb).vertices("pipe_segment", fid)) {
        s.accept(g.height() - expectedCentre.applyAsDouble(g.lon()));
      }
    }
    return s;
  }

  @Test
  void theKnownPipeSitsAtItsSurveyedDepthBelowTheGround() throws Exception {
    long fid = knownPipe();
    // JS_2_3 (103.708°E) → JS_3_3 (103.712°E) along 36.552°N: DN 800, depth to the top 1.4 m and
    // 1.2 m (fixture: 1.2 + 0.1 × ((i + j) mod 3)), so the centre lies 0.4 m below the top.
    double d1 = 1.4;
    double d2 = 1.2;
    java.util.function.DoubleUnaryOperator ground =
        lon -> {
          double f = (lon - 103.708) / 0.004;
          return -(d1 + (d2 - d1) * f) - 0.4;
        };
    DoubleSummaryStatistics rel =
        residuals(containing(url("pipe_js/tileset.json"), "pipe_segment", fid), fid, ground);
    assertThat(rel.getCount()).isGreaterThan(20);
    assertThat((rel.getMax() + rel.getMin()) / 2).as("centre error (m)").isCloseTo(0, within(0.01));
    assertThat((rel.getMax() - rel.getMin()) / 2).as("radius (m)").isCloseTo(0.4, within(0.01));
    // so the tube's top (centre + radius) lies at the surveyed depth below the ground (height 0)
    // within 1 cm.
    // Absolute heights: the surveyed top Z (ground − depth, linear along the pipe) − 0.4 + ζ (−30
    // m).
    double z1 =
        Double.parseDouble(
            Sql.strings(
                    db,
                    "SELECT ST_Z(ST_StartPoint(geom)) FROM pipe_segment WHERE fid = "
                        + fid
                        + " AND valid_to IS NULL")
                .get(0));
    double z2 =
        Double.parseDouble(
            Sql.strings(
                    db,
                    "SELECT ST_Z(ST_EndPoint(geom)) FROM pipe_segment WHERE fid = "
                        + fid
                        + " AND valid_to IS NULL")
                .get(0));
    DoubleSummaryStatistics abs =
        residuals(
            containing(url("pipe_js/tileset.json?heights=absolute"), "pipe_segment", fid),
            fid,
            lon -> z1 + (z2 - z1) * (lon - 103.708) / 0.004 - 0.4 - 30);
    assertThat((abs.getMax() + abs.getMin()) / 2)
        .as("absolute centre error (m)")
        .isCloseTo(0, within(0.01));
  }

  @Test
  void asOfShowsTheCityAtThatTime() throws Exception {
    long fid = knownPipe();
    long planned = Sql.count(db, "SELECT fid FROM pipe_segment WHERE status = 'planned'");
    assertThat(containing(url("pipe_js/tileset.json?asOf=2019-01-01"), "pipe_segment", fid))
        .as("before construction")
        .isEmpty();
    assertThat(containing(url("pipe_js/tileset.json?asOf=2021-01-01"), "pipe_segment", fid))
        .isNotEmpty();
    assertThat(containing(url("pipe_js/tileset.json"), "pipe_segment", planned))
        .as("planned, not yet built")
        .isEmpty();
    assertThat(containing(url("pipe_js/tileset.json?asOf=2031-01-01"), "pipe_segment", planned))
        .isNotEmpty();
    HttpResponse<byte[]> past = HttpBytes.get(url("pipe_js/tileset.json?asOf=2019-01-01"));
    assertThat(past.headers().firstValue("Cache-Control").orElse("")).contains("max-age=86400");
  }

  /** fid of the current version of the water segment from {@code start} to {@code end}. */
  private static long waterPipe(String start, String end) throws Exception {
    return Sql.count(
        db,
        "SELECT fid FROM pipe_segment WHERE start_point = '"
            + start
            + "' AND end_point = '"
            + end
            + "' AND valid_to IS NULL");
  }

  /**
   * Runs {@code edit} of feature {@code fid} and asserts that exactly the contents of the city that
   * held the feature change their ETag and bytes, and no other content changes its ETag.
   */
  private void assertOnlyItsTilesChange(long fid, java.util.concurrent.Callable<?> edit)
      throws Exception {
    String tileset = url("city/tileset.json");
    Map<String, String> before = etags(tileset);
    Map<ImplicitWalk.Content, byte[]> holding = containing(tileset, "pipe_segment", fid);
    assertThat(holding).isNotEmpty();
    edit.call();
    Map<String, String> after = etags(tileset);
    List<String> changed = new ArrayList<>();
    before.forEach(
        (u, tag) -> {
          if (!tag.equals(after.get(u))) {
            changed.add(u);
          }
        });
    List<String> expected =
        holding.keySet().stream().map(ImplicitWalk.Content::url).sorted().toList();
    assertThat(changed.stream().sorted().toList()).isEqualTo(expected);
    for (Map.Entry<ImplicitWalk.Content, byte[]> e : holding.entrySet()) {
      assertThat(HttpBytes.ok(e.getKey().url())).isNotEqualTo(e.getValue());
    }
  }

  @Test
  void anEditChangesTheAffectedTilesAndNoOther() throws Exception {
    long fid = waterPipe("JS_4_1", "JS_5_1");
    // A new version: 0.5 m deeper (close the current version, insert the next), as every writer
    // does.
    assertOnlyItsTilesChange(
        fid,
        () -> {
          Sql.exec(
              db,
              "BEGIN;"
                  + "UPDATE pipe_segment SET valid_to = now() WHERE fid = "
                  + fid
                  + " AND valid_to IS NULL;"
                  + "INSERT INTO pipe_segment (fid, network, subtype, feature_code, start_point, end_point, start_depth_m, end_depth_m,"
                  + " depth_ref, dn_mm, material, owner, build_year, geom, valid_from)"
                  + " SELECT fid, network, subtype, feature_code, start_point, end_point, start_depth_m + 0.5, end_depth_m + 0.5,"
                  + " depth_ref, dn_mm, material, owner, build_year, ST_Translate(geom, 0, 0, -0.5), now() FROM pipe_segment"
                  + " WHERE fid = "
                  + fid
                  + " AND valid_to IS NOT NULL ORDER BY valid_to DESC LIMIT 1;"
                  + "COMMIT;");
          return null;
        });
  }

  @Test
  void aWfsTransactionChangesTheAffectedTilesAndNoOther() throws Exception {
    long fid = waterPipe("JS_1_5", "JS_2_5");
    assertOnlyItsTilesChange(
        fid,
        () -> {
          String tx =
              "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\""
                  + " xmlns:fes=\"http://www.opengis.net/fes/2.0\" xmlns:city=\"http://lzxq.cn/city\">"
                  + "<wfs:Update typeName=\"city:pipe_js\"><wfs:Property><wfs:ValueReference>city:material</wfs:ValueReference>"
                  + "<wfs:Value>PE</wfs:Value></wfs:Property><fes:Filter><fes:ResourceId rid=\"pipe_js."
                  + fid
                  + "\"/></fes:Filter>"
                  + "</wfs:Update></wfs:Transaction>";
          HttpResponse<String> r =
              new OgcClient("http://localhost:" + port)
                  .send("POST", "/wfs", "text/xml", tx, "admin:pw-admin");
          assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
          assertThat(r.body()).contains("totalUpdated>1<");
          return null;
        });
    assertThat(
            Sql.strings(
                db,
                "SELECT material FROM pipe_segment WHERE fid = " + fid + " AND valid_to IS NULL"))
        .containsExactly("PE");
  }

  @Test
  void anOgcApiPatchChangesTheAffectedTilesAndNoOther() throws Exception {
    long fid = waterPipe("JS_5_5", "JS_6_5");
    assertOnlyItsTilesChange(
        fid,
        () -> {
          HttpResponse<String> r =
              new OgcClient("http://localhost:" + port)
                  .send(
                      "PATCH",
                      "/ogcapi/collections/pipe_js/items/" + fid,
                      "application/merge-patch+json",
                      "{\"type\":\"Feature\",\"properties\":{\"material\":\"ZT\"}}",
                      "admin:pw-admin");
          assertThat(r.statusCode()).as(r.body()).isEqualTo(204);
          return null;
        });
    assertThat(
            Sql.strings(
                db,
                "SELECT material FROM pipe_segment WHERE fid = " + fid + " AND valid_to IS NULL"))
        .containsExactly("ZT");
  }

  private Map<String, String> etags(String tilesetUrl) {
    Map<String, String> out = new HashMap<>();
    for (ImplicitWalk.Content c : new ImplicitWalk(tilesetUrl).allContents()) {
      out.put(c.url(), HttpBytes.get(c.url()).headers().firstValue("ETag").orElseThrow());
    }
    return out;
  }

  @Test
  void httpCachingAndCompression() throws Exception {
    ImplicitWalk walk = new ImplicitWalk(url("city/tileset.json"));
    String content = walk.allContents().get(0).url();
    HttpResponse<byte[]> first = HttpBytes.get(content);
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type").orElse(""))
        .isEqualTo("model/gltf-binary");
    assertThat(first.headers().firstValue("Cache-Control").orElse("")).contains("must-revalidate");
    String etag = first.headers().firstValue("ETag").orElseThrow();
    assertThat(etag).startsWith("\"");
    HttpResponse<byte[]> again = HttpBytes.get(content, "If-None-Match", etag);
    assertThat(again.statusCode()).isEqualTo(304);
    assertThat(again.headers().firstValue("ETag")).hasValue(etag);
    // RFC 9110 §13.1.2: a list, with the tag weakened by a proxy, matches by the weak comparison
    assertThat(HttpBytes.get(content, "If-None-Match", "\"x\", W/" + etag).statusCode())
        .isEqualTo(304);
    // the gzip tag names another representation than the identity one asked for
    String tileset = url("city/tileset.json");
    String gzTag =
        HttpBytes.get(tileset, "Accept-Encoding", "gzip")
            .headers()
            .firstValue("ETag")
            .orElseThrow();
    assertThat(gzTag)
        .isNotEqualTo(HttpBytes.get(tileset).headers().firstValue("ETag").orElseThrow());
    assertThat(HttpBytes.get(tileset, "If-None-Match", gzTag).statusCode()).isEqualTo(200);
    assertThat(
            HttpBytes.get(tileset, "Accept-Encoding", "gzip", "If-None-Match", gzTag).statusCode())
        .isEqualTo(304);
    HttpResponse<byte[]> gz = HttpBytes.get(url("city/tileset.json"), "Accept-Encoding", "gzip");
    assertThat(gz.headers().firstValue("Content-Encoding").orElse("")).isEqualTo("gzip");
    byte[] plain = new GZIPInputStream(new java.io.ByteArrayInputStream(gz.body())).readAllBytes();
    assertThat(JSON.readTree(plain).at("/asset/version").asString()).isEqualTo("1.1");
    assertThat(HttpBytes.get(url("nowhere/tileset.json")).statusCode()).isEqualTo(404);
    assertThat(HttpBytes.get(url("city/tileset.json?heights=sideways")).statusCode())
        .isEqualTo(400);
    assertThat(HttpBytes.get(url("city/pipe_js/0/0/0.glb?asOf=2000-01-01")).statusCode())
        .as("nothing then")
        .isEqualTo(404);
  }

  @Test
  void aCityWideViewRequestsAtMost150Tiles() {
    ImplicitWalk walk = new ImplicitWalk(url("city/tileset.json"));
    // Camera straight down over the root centre, high enough to see the whole root (fovy ≈ 36°).
    double rootHeightM = (walk.tree.root().north() - walk.tree.root().south()) * 6_371_000;
    double cameraHeight = rootHeightM / 2 / Math.tan(Math.toRadians(30) * 1080 / 1920 / 1);
    List<ImplicitWalk.Content> requests = walk.cesiumRequests(cameraHeight);
    assertThat(requests).isNotEmpty().hasSizeLessThanOrEqualTo(150);
  }

  /**
   * The buildings tileset: every content validates and lies in its tile, every building is carried
   * once with its metadata; the LOD1 block B-1-1-0 (4 floors, no height: 12 m) and the gabled LOD2
   * house (ridge 9 m above its ground of 1960 m) stand on their recorded ground, and on the DEM in
   * absolute mode once a DEM covers them (ζ = −30 m).
   */
  @Test
  void buildingsValidateAndStandOnTheTerrain() throws Exception {
    ImplicitWalk walk = new ImplicitWalk(url("buildings/tileset.json"));
    List<Path> glbs = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    for (ImplicitWalk.Content c : walk.allContents()) {
      byte[] glb = HttpBytes.ok(c.url());
      glbs.add(write("buildings/" + c.tile().path().replace('/', '_') + ".glb", glb));
      BoundsReport report =
          new ContentBoundsChecker(walk.tree.regionOf(c.tile()), Matrix4.IDENTITY, 0.001)
              .check(glb);
      assertThat(report.ok()).as("%s inside its tile: %s", c.url(), report).isTrue();
      new GlbFeatures(glb)
          .rows("building")
          .forEach(r -> codes.add(r.get("building_code") + "/" + r.get("feature_id")));
    }
    NodeValidators.assertValidGlbs(glbs);
    assertThat(codes.stream().distinct().count())
        .as("every current building, in as many tiles as it crosses")
        .isEqualTo(Sql.count(db, "SELECT count(*) FROM building WHERE valid_to IS NULL"));
    long block = Sql.count(db, "SELECT fid FROM building WHERE building_code = 'B-1-1-0'");
    long house = Sql.count(db, "SELECT fid FROM building WHERE building_code = 'B-LOD2'");
    double blockGround =
        Double.parseDouble(
            Sql.strings(db, "SELECT ST_ZMin(geom) FROM building WHERE fid = " + block).get(0));
    assertHeights("buildings/tileset.json", block, 0, 12);
    assertHeights("buildings/tileset.json", house, 0, 9);
    assertHeights("buildings/tileset.json?heights=absolute", house, 1960 - 30, 1969 - 30);
    assertHeights(
        "buildings/tileset.json?heights=absolute", block, blockGround - 30, blockGround + 12 - 30);
    try (java.sql.Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      float[] flat = new float[40 * 40];
      java.util.Arrays.fill(flat, 1970f);
      cn.lzxq.city.data.terrain.DemStore.write(
          c,
          new cn.lzxq.city.data.terrain.DemRaster(
              new cn.lzxq.city.data.terrain.DemGrid(103.69, 36.58, 0.001, 0.001, 40, 40), flat),
          "flat.tif",
          "test");
      c.commit();
    }
    assertHeights("buildings/tileset.json?heights=absolute", house, 1970 - 30, 1979 - 30);
    assertHeights("buildings/tileset.json?heights=absolute", block, 1970 - 30, 1982 - 30);
    assertHeights("buildings/tileset.json", house, 0, 9);
    // towers and parcel envelopes stand on the terrain too (issue 17): the 40 m monopole LZXQ1 and
    // the parcel XQ-1-1 (height limit 24 m), recorded at other ground elevations
    long tower = Sql.count(db, "SELECT fid FROM base_station WHERE site_code = 'LZXQ1'");
    long parcel = Sql.count(db, "SELECT fid FROM zoning_parcel WHERE parcel_code = 'XQ-1-1'");
    assertThat(
            Sql.strings(
                db,
                "SELECT (ground_elev_m::float8 <> 1970)::text FROM base_station WHERE fid = "
                    + tower))
        .containsExactly("true");
    assertHeights(
        "stations/tileset.json?heights=absolute", "base_station", tower, 1970 - 30, Double.NaN);
    assertHeights(
        "parcels/tileset.json?heights=absolute",
        "zoning_parcel",
        parcel,
        1970 - 30,
        1970 + 24 - 30);
  }

  private void assertHeights(String tileset, long fid, double base, double top) {
    assertHeights(tileset, "building", fid, base, top);
  }

  private void assertHeights(String tileset, String classId, long fid, double base, double top) {
    DoubleSummaryStatistics s = new DoubleSummaryStatistics();
    for (byte[] glb : containing(url(tileset), classId, fid).values()) {
      new GlbFeatures(glb).vertices(classId, fid).forEach(g -> s.accept(g.height()));
    }
    assertThat(s.getCount()).as("%s: vertices of %d", tileset, fid).isGreaterThanOrEqualTo(8);
    assertThat(s.getMin()).as("%s: base of %d", tileset, fid).isCloseTo(base, within(0.01));
    if (!Double.isNaN(top)) {
      assertThat(s.getMax()).as("%s: top of %d", tileset, fid).isCloseTo(top, within(0.01));
    }
  }
}
