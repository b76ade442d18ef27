package cn.lzxq.city.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.DatabaseConfig;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.server.support.ScratchDatabase;
import cn.lzxq.city.server.support.TcpProxy;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
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
 * The database goes away (a TCP proxy between the server and PostgreSQL is cut) and comes back:
 * every protocol answers 503 in its own form with Retry-After, never 500 and never 401 for valid
 * credentials; health is DOWN while readiness stays UP; 3D Tiles already cached and the layer
 * catalog (counts and extents as last read) are still served; everything answers again without a
 * restart.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageTest {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private static final String EDITOR = "outage_editor:pw-outage";
  private static HikariDataSource db;
  private static TcpProxy proxy;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("DatabaseOutageTest", registry, "/tiles3d/fixture.sql");
    Sql.exec(
        db,
        "INSERT INTO app_user (username, password_hash, role, organization) VALUES ('outage_editor', '"
            + PasswordEncoderFactories.createDelegatingPasswordEncoder().encode("pw-outage")
            + "', 'editor', 'SW')");
    DatabaseConfig real = TestDatabase.config();
    URI target = URI.create(real.jdbcUrl().substring("jdbc:".length()));
    proxy = new TcpProxy(target.getHost(), target.getPort());
    String viaProxy =
        "jdbc:postgresql://127.0.0.1:"
            + proxy.port()
            + target.getPath()
            + "?user="
            + real.user()
            + "&password="
            + real.password();
    registry.add("city.database.url", () -> viaProxy);
  }

  @AfterAll
  static void close() throws Exception {
    proxy.close();
    db.close();
  }

  /** A request of one protocol and the form its 503 must have. */
  private record Probe(
      String name,
      String method,
      String path,
      String contentType,
      String body,
      String credentials,
      String form) {}

  private List<Probe> probes() {
    String transaction =
        "<wfs:Transaction service=\"WFS\" version=\"2.0.0\" xmlns:wfs=\"http://www.opengis.net/wfs/2.0\""
            + " xmlns:fes=\"http://www.opengis.net/fes/2.0\"><wfs:Delete typeName=\"pipe_js\"><fes:Filter><fes:ResourceId"
            + " rid=\"pipe_js.1\"/></fes:Filter></wfs:Delete></wfs:Transaction>";
    return List.of(
        new Probe(
            "WMS GetMap",
            "GET",
            "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=pipe_js&STYLES=&CRS=EPSG:4490"
                + "&BBOX=36.54,103.70,36.56,103.72&WIDTH=256&HEIGHT=256&FORMAT=image/png",
            null,
            null,
            null,
            "<ServiceExceptionReport"),
        new Probe(
            "WMS GetFeatureInfo",
            "GET",
            "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo&LAYERS=pipe_js"
                + "&QUERY_LAYERS=pipe_js&STYLES=&CRS=EPSG:4490&BBOX=36.54,103.70,36.56,103.72&WIDTH=256&HEIGHT=256&I=5&J=5"
                + "&INFO_FORMAT=application/json",
            null,
            null,
            null,
            "<ServiceExceptionReport"),
        new Probe(
            "WFS GetFeature",
            "GET",
            "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&TYPENAMES=pipe_js&COUNT=5",
            null,
            null,
            null,
            "ows:ExceptionReport"),
        new Probe(
            "WFS-T with valid credentials",
            "POST",
            "/wfs",
            "text/xml",
            transaction,
            EDITOR,
            "ows:ExceptionReport"),
        new Probe(
            "WFS-T of a user not seen before the outage",
            "POST",
            "/wfs",
            "text/xml",
            transaction,
            "stranger:pw",
            "ows:ExceptionReport"),
        new Probe(
            "OGC API items",
            "GET",
            "/ogcapi/collections/pipe_js/items?limit=5",
            null,
            null,
            null,
            "problem"),
        new Probe(
            "OGC API item",
            "GET",
            "/ogcapi/collections/pipe_js/items/1",
            null,
            null,
            null,
            "problem"),
        new Probe(
            "OGC API PATCH with valid credentials",
            "PATCH",
            "/ogcapi/collections/pipe_js/items/1",
            "application/geo+json",
            "{\"type\":\"Feature\",\"properties\":{\"material\":\"PE\"},\"geometry\":null}",
            EDITOR,
            "problem"),
        new Probe(
            "3D Tiles content not cached",
            "GET",
            "/3dtiles/points/tileset.json?asOf=2001-01-01",
            null,
            null,
            null,
            null),
        new Probe(
            "analysis",
            "GET",
            "/api/analysis/clearance?bbox=103.70,36.54,103.72,36.56",
            null,
            null,
            null,
            "problem"));
  }

  @Test
  void everyProtocolAnswers503InItsFormWhileTheDatabaseIsAwayAndRecoversWithoutRestart()
      throws Exception {
    HttpResponse<String> catalogBefore = get("/api/layers", null);
    assertThat(catalogBefore.statusCode()).isEqualTo(200);
    assertThat(get("/api/layers", EDITOR).statusCode())
        .as("the editor logs in once before the outage")
        .isEqualTo(200);
    String tile = firstContent("pipe_js");
    HttpResponse<byte[]> cachedBefore = bytes(tile);
    assertThat(cachedBefore.statusCode()).isEqualTo(200);

    proxy.cut();
    List<String> wrong = new ArrayList<>();
    for (Probe p : probes()) {
      HttpResponse<String> r = send(p);
      String retry = r.headers().firstValue("Retry-After").orElse(null);
      String type = r.headers().firstValue("Content-Type").orElse("");
      boolean form =
          p.form() == null
              || (p.form().equals("problem")
                  ? type.startsWith("application/problem+json")
                      && r.body().contains("database is unavailable")
                  : r.body().contains(p.form()));
      if (p.name().startsWith("3D Tiles") && r.statusCode() == 200) {
        continue; // built without the database (the tileset document); nothing to refuse
      }
      if (r.statusCode() != 503 || !"5".equals(retry) || !form || r.body().contains("Exception:")) {
        wrong.add(
            p.name()
                + " → "
                + r.statusCode()
                + " Retry-After "
                + retry
                + " "
                + type
                + ": "
                + r.body());
      }
    }
    HttpResponse<byte[]> cachedDuring = bytes(tile);
    HttpResponse<String> catalogDuring = get("/api/layers", null);
    long t0 = System.nanoTime();
    List<java.util.concurrent.CompletableFuture<HttpResponse<Void>>> parallel = new ArrayList<>();
    for (int i = 0; i < 48; i++) {
      parallel.add(
          CLIENT.sendAsync(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + tile))
                  .timeout(Duration.ofSeconds(30))
                  .GET()
                  .build(),
              HttpResponse.BodyHandlers.discarding()));
    }
    long served = 0;
    for (java.util.concurrent.CompletableFuture<HttpResponse<Void>> f : parallel) {
      served += f.get().statusCode() == 200 ? 1 : 0;
    }
    long parallelMs = (System.nanoTime() - t0) / 1_000_000;
    HttpResponse<String> health = get("/actuator/health", null);
    HttpResponse<String> readiness = get("/actuator/health/readiness", null);

    proxy.restore();
    assertThat(wrong).as("answers during the outage").isEmpty();
    assertThat(cachedDuring.statusCode())
        .as("a cached 3D tile is served during the outage")
        .isEqualTo(200);
    assertThat(Arrays.equals(cachedDuring.body(), cachedBefore.body())).isTrue();
    assertThat(catalogDuring.statusCode())
        .as("the layer catalog is served from what was read (no edit can happen meanwhile)")
        .isEqualTo(200);
    assertThat(catalogDuring.body()).isEqualTo(catalogBefore.body());
    assertThat(served)
        .as("48 concurrent requests for a cached tile during the outage")
        .isEqualTo(48);
    assertThat(parallelMs)
        .as("no request waits behind the change log's read (ms)")
        .isLessThan(10_000);
    assertThat(health.statusCode()).isEqualTo(503);
    assertThat(health.body())
        .contains("\"DOWN\"")
        .doesNotContain("Exception")
        .doesNotContain("components");
    assertThat(readiness.statusCode())
        .as("readiness is a start-up signal, not the database's")
        .isEqualTo(200);

    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    List<String> notBack = List.of("x");
    while (Instant.now().isBefore(deadline) && !notBack.isEmpty()) {
      notBack = new ArrayList<>();
      for (String path :
          List.of(
              "/api/layers",
              "/actuator/health",
              probes().get(0).path(),
              probes().get(2).path(),
              probes().get(5).path())) {
        int status = get(path, null).statusCode();
        if (status != 200) {
          notBack.add(path + " " + status);
        }
      }
      Thread.sleep(200);
    }
    assertThat(notBack).as("every protocol answers again without a restart").isEmpty();
    assertThat(get("/api/layers", EDITOR).statusCode()).isEqualTo(200);
  }

  /**
   * The URL of the first available content of a tileset's first levels (pipes: warmed at start-up,
   * so cached).
   */
  private String firstContent(String tileset) throws Exception {
    JsonNode t =
        JsonMapper.builder()
            .build()
            .readTree(get("/3dtiles/" + tileset + "/tileset.json", null).body());
    JsonNode root = t.get("root");
    String uri =
        root.has("content")
            ? root.at("/content/uri").asString()
            : root.at("/contents/0/uri").asString();
    for (int level = 0; level < 4; level++) {
      for (int x = 0; x < 1 << level; x++) {
        for (int y = 0; y < 1 << level; y++) {
          String url =
              "/3dtiles/"
                  + tileset
                  + "/"
                  + uri.replace("{level}", Integer.toString(level))
                      .replace("{x}", Integer.toString(x))
                      .replace("{y}", Integer.toString(y));
          if (bytes(url).statusCode() == 200) {
            return url;
          }
        }
      }
    }
    throw new AssertionError("no content in the first levels of " + tileset);
  }

  private HttpResponse<String> get(String path, String credentials) throws Exception {
    return send(new Probe(path, "GET", path, null, null, credentials, null));
  }

  private HttpResponse<byte[]> bytes(String path) throws Exception {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .GET()
            .build(),
        HttpResponse.BodyHandlers.ofByteArray());
  }

  private HttpResponse<String> send(Probe p) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + p.path()))
            .timeout(Duration.ofSeconds(30))
            .method(
                p.method(),
                p.body() == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(p.body()));
    if (p.contentType() != null) {
      b.header("Content-Type", p.contentType());
    }
    if (p.credentials() != null) {
      b.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder()
                  .encodeToString(p.credentials().getBytes(StandardCharsets.UTF_8)));
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
