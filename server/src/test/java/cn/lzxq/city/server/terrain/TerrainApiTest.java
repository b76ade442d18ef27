package cn.lzxq.city.server.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import cn.lzxq.city.data.analysis.survey.SurveyQa;
import cn.lzxq.city.data.sample.NewAreaFrame;
import cn.lzxq.city.data.sample.PlantedDefect;
import cn.lzxq.city.data.terrain.DemGrid;
import cn.lzxq.city.data.terrain.DemStore;
import cn.lzxq.city.data.terrain.DemVersion;
import cn.lzxq.city.data.terrain.SampleTerrain;
import cn.lzxq.city.server.support.GeneratedSampleContextTest;
import cn.lzxq.city.server.support.Http;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The quantized-mesh terrain and the surveying QA on the small sample, over HTTP: layer.json as
 * CesiumJS reads it; tiles decoded by the npm {@code @here/quantized-mesh-decoder} with heights at
 * 1,000 random positions of the finest level within 0.2 m of the DEM (+ ζ) and within 0.3 m of the
 * sample terrain's formula; gzip, ETags, normals on request, 404 off the availability; the survey
 * QA finds exactly the planted survey-elevation defects.
 */
class TerrainApiTest extends GeneratedSampleContextTest {

  /** ζ of the shipped configuration (city.tiles3d.height-anomaly-m). */
  private static final double ZETA = -30;

  private static final Path OUT = Path.of("target/terrain-test");
  private static final Path SCRIPT =
      Path.of("").toAbsolutePath().getParent().resolve("tiles/src/test/js/decode-terrain.mjs");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private HttpResponse<byte[]> get(String path, String... headers) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(120));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return Http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void layerJsonDescribesGeographicTmsTilingWithTheWholeGlobeAtLowLevels() throws Exception {
    HttpResponse<byte[]> r = get("/terrain/layer.json");
    assertThat(r.statusCode()).isEqualTo(200);
    JsonNode layer = JSON.readTree(r.body());
    assertThat(layer.get("format").asString()).isEqualTo("quantized-mesh-1.0");
    assertThat(layer.get("scheme").asString()).isEqualTo("tms");
    assertThat(layer.get("projection").asString()).isEqualTo("EPSG:4326");
    assertThat(layer.get("extensions").toString()).contains("octvertexnormals");
    assertThat(layer.get("tiles").get(0).asString()).startsWith("{z}/{x}/{y}.terrain");
    JsonNode available = layer.get("available");
    assertThat(available.get(0).get(0).toString())
        .isEqualTo("{\"startX\":0,\"startY\":0,\"endX\":1,\"endY\":0}");
    assertThat(available.get(3).get(0).toString())
        .isEqualTo("{\"startX\":0,\"startY\":0,\"endX\":15,\"endY\":7}");
    int max = layer.get("maxzoom").asInt();
    assertThat(max).isBetween(15, 18).isEqualTo(available.size() - 1);
    JsonNode finest = available.get(max).get(0);
    double span = 180.0 / (1L << max);
    // the centre of the sample (36.50 N, 103.70 E) lies in the finest level's range
    assertThat((long) Math.floor((103.70 + 180) / span))
        .isBetween(finest.get("startX").asLong(), finest.get("endX").asLong());
    assertThat((long) Math.floor((36.50 + 90) / span))
        .isBetween(finest.get("startY").asLong(), finest.get("endY").asLong());
  }

  @Test
  void decodedHeightsAt1000RandomPositionsOfTheFinestLevelAgreeWithTheDem() throws Exception {
    DemVersion dem;
    Map<Long, float[]> blocks = new HashMap<>();
    List<double[]> probes = new ArrayList<>();
    try (Connection c = db.getConnection()) {
      dem = DemStore.current(c);
      DemGrid g = dem.grid();
      Random random = new Random(1_000);
      for (int i = 0; i < 1000; i++) {
        probes.add(
            new double[] {
              g.west() + (0.02 + 0.96 * random.nextDouble()) * (g.east() - g.west()),
              g.south() + (0.02 + 0.96 * random.nextDouble()) * (g.north() - g.south())
            });
      }
    }
    Files.createDirectories(OUT);
    Path probesFile = OUT.resolve("probes.json");
    Files.writeString(
        probesFile,
        JSON.writeValueAsString(
            probes.stream().map(p -> Map.of("lon", p[0], "lat", p[1])).toList()));
    List<JsonNode> lines = node(url("/terrain/"), probesFile);
    assertThat(lines).hasSize(1001);
    assertThat(lines.get(0).at("/layer/scheme").asString()).isEqualTo("tms");
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT ST_X(g), ST_Y(g) FROM ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4490), 4544) g")) {
      double worst = 0;
      for (JsonNode r : lines.subList(1, lines.size())) {
        double lon = r.get("lon").asDouble();
        double lat = r.get("lat").asDouble();
        assertThat(r.get("vertices").asInt()).isEqualTo(65 * 65);
        assertThat(r.get("triangles").asInt()).isEqualTo(2 * 64 * 64);
        assertThat(r.get("normals").asInt()).isEqualTo(65 * 65);
        assertThat(r.get("edges").toString()).isEqualTo("[65,65,65,65]");
        assertThat(r.get("height").isNumber()).as("a triangle under %s %s", lon, lat).isTrue();
        double served = r.get("height").asDouble();
        double expected =
            dem.grid().sample(lon, lat, (col, row) -> pixel(c, dem, blocks, col, row)) + ZETA;
        assertThat(served).as("DEM at %.7f %.7f", lon, lat).isCloseTo(expected, offset(0.2));
        worst = Math.max(worst, Math.abs(served - expected));
        p.setDouble(1, lon);
        p.setDouble(2, lat);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          assertThat(served - ZETA)
              .as("terrain formula at %.7f %.7f", lon, lat)
              .isCloseTo(SampleTerrain.elevation(rs.getDouble(1), rs.getDouble(2)), offset(0.3));
        }
      }
      System.out.printf(
          "terrain: largest difference from the DEM at 1,000 positions %.3f m%n", worst);
    }
  }

  @Test
  void tilesAreGzippedTaggedAndAvailableOnlyWhereLayerJsonSaysSo() throws Exception {
    String path = "/terrain/0/1/0.terrain";
    HttpResponse<byte[]> gz = get(path, "Accept-Encoding", "gzip");
    assertThat(gz.statusCode()).isEqualTo(200);
    assertThat(gz.headers().firstValue("Content-Encoding")).hasValue("gzip");
    assertThat(gz.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.quantized-mesh");
    byte[] plain;
    try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(gz.body()))) {
      plain = in.readAllBytes();
    }
    HttpResponse<byte[]> identity = get(path);
    assertThat(identity.body()).isEqualTo(plain);
    String etag = gz.headers().firstValue("ETag").orElseThrow();
    assertThat(get(path, "Accept-Encoding", "gzip", "If-None-Match", etag).statusCode())
        .isEqualTo(304);
    // RFC 9110 §13.1.2: "*", and a tag a proxy weakened, match too
    assertThat(get(path, "If-None-Match", "*").statusCode()).isEqualTo(304);
    assertThat(get(path, "Accept-Encoding", "gzip", "If-None-Match", "W/" + etag).statusCode())
        .isEqualTo(304);
    assertThat(
            gz.headers().allValues("Vary").stream()
                .flatMap(v -> java.util.Arrays.stream(v.split(",")))
                .map(String::trim)
                .toList())
        .contains("Accept-Encoding", "Accept");
    // CORS is the one policy of every path: one Allow-Origin, not a second from the controller
    assertThat(
            get(path, "Origin", "https://portal.example.cn")
                .headers()
                .allValues("Access-Control-Allow-Origin"))
        .containsExactly("*");
    HttpResponse<byte[]> normals =
        get(path, "Accept", "application/vnd.quantized-mesh;extensions=octvertexnormals");
    assertThat(normals.body().length).isEqualTo(plain.length + 5 + 2 * 65 * 65);
    assertThat(normals.headers().firstValue("ETag"))
        .isNotEqualTo(identity.headers().firstValue("ETag"));
    // level 10 far from the DEM (0 E, 0 N) is not available; a tile off the scheme neither
    assertThat(get("/terrain/10/1024/512.terrain").statusCode()).isEqualTo(404);
    assertThat(get("/terrain/0/2/0.terrain").statusCode()).isEqualTo(404);
  }

  @Test
  void surveyQaFindsExactlyThePlantedSurveyElevationDefects() throws Exception {
    List<PlantedDefect> planted =
        manifest.defects().stream().filter(d -> d.kind().equals("survey_elevation")).toList();
    assertThat(planted).isNotEmpty();
    Set<String> expected = new TreeSet<>();
    planted.forEach(d -> expected.addAll(d.pointNumbers()));
    String bbox =
        "/api/analysis/survey-qa?bbox-crs=EPSG:4544&bbox="
            + (NewAreaFrame.CENTRE_Y - 1700)
            + ","
            + (NewAreaFrame.CENTRE_X - 1700)
            + ","
            + (NewAreaFrame.CENTRE_Y + 1700)
            + ","
            + (NewAreaFrame.CENTRE_X + 1700);
    HttpResponse<byte[]> r = get(bbox);
    assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
    JsonNode answer = JSON.readTree(r.body());
    assertThat(answer.get("toleranceM").asDouble()).isEqualTo(SurveyQa.DEFAULT_TOLERANCE_M);
    assertThat(answer.get("checked").asInt()).isGreaterThan(10_000);
    Set<String> found = new TreeSet<>();
    for (JsonNode d : answer.get("deviations")) {
      found.add(d.get("expNo").asString());
      PlantedDefect p =
          planted.stream()
              .filter(x -> x.pointNumbers().contains(d.get("expNo").asString()))
              .findFirst()
              .orElseThrow();
      assertThat(d.get("differenceM").asDouble()).isCloseTo(p.measuredM(), offset(0.1));
      assertThat(d.get("surveyedM").asDouble() - d.get("demM").asDouble())
          .isCloseTo(d.get("differenceM").asDouble(), offset(0.002));
    }
    assertThat(found).isEqualTo(expected);
    String csv = new String(get(bbox + "&f=csv").body(), StandardCharsets.UTF_8);
    assertThat(csv.lines().toList()).hasSize(expected.size() + 1);
    assertThat(csv.lines().findFirst().orElse("")).contains("物探点号");
    for (String no : expected) {
      assertThat(csv).contains("," + no + ",");
    }
    HttpResponse<byte[]> bad =
        get("/api/analysis/survey-qa?tolerance=-1&" + bbox.substring(bbox.indexOf('?') + 1));
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.headers().firstValue("Content-Type").orElse("")).contains("problem+json");
  }

  private static float pixel(
      Connection c, DemVersion dem, Map<Long, float[]> blocks, int col, int row) {
    int t = dem.tileSize();
    long key = (long) (row / t) << 32 | (col / t);
    float[] b =
        blocks.computeIfAbsent(
            key,
            k -> {
              try {
                return DemStore.block(c, dem.id(), row / t, col / t);
              } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
              }
            });
    int w = Math.min(t, dem.grid().width() - (col / t) * t);
    return b[(row % t) * w + col % t];
  }

  private static List<JsonNode> node(String base, Path probes)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder("node", SCRIPT.toString(), base, probes.toAbsolutePath().toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as("node finished").isTrue();
    assertThat(p.exitValue()).as("node exit code").isZero();
    List<JsonNode> lines = new ArrayList<>();
    for (String line : out.split("\n")) {
      if (!line.isBlank()) {
        lines.add(JSON.readTree(line));
      }
    }
    return lines;
  }
}
