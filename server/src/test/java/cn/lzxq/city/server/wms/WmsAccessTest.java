package cn.lzxq.city.server.wms;

import static cn.lzxq.city.server.wms.WmsFixture.image;
import static cn.lzxq.city.server.wms.WmsFixture.water;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The service with {@code CITY_PUBLIC_READS=false}: no browser origin is allowed by default (no
 * CORS headers, preflights refused), anonymous {@code /actuator/health} shows the status only, and
 * the WMS needs a login. DESIGN.md: "Reads are public unless configured otherwise" — turning public
 * reads off is that configuration, and WMS maps are reads of the same data as WFS, so
 * GetCapabilities and GetMap then need a login (HTTP Basic, which QGIS and GDAL send) like every
 * other read; the WMS does not leak what WFS protects. With a login they work.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "city.security.public-reads=false",
      "city.security.admin-user=analyst",
      "city.security.admin-password=s3cret-map"
    })
class WmsAccessTest {

  private static final String CAPABILITIES = "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetCapabilities";
  private static final String MAP =
      "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=pipe_js&STYLES=&CRS=CRS:84"
          + "&BBOX=103.698,36.5,103.7004,36.502&WIDTH=256&HEIGHT=256&FORMAT=image/png";
  private static HikariDataSource db;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("WmsAccessTest", registry);
    WmsFixture.insert(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private HttpResponse<byte[]> get(String query, String credentials) throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/wms?" + query)).GET();
    if (credentials != null) {
      b.header("Authorization", Http.basic(credentials));
    }
    return Http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  @Test
  void anonymousReadsAreRefusedWithABasicChallenge() throws Exception {
    for (String query : new String[] {CAPABILITIES, MAP}) {
      HttpResponse<byte[]> r = get(query, null);
      assertThat(r.statusCode()).as(query).isEqualTo(401);
      assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).startsWith("Basic");
      assertThat(get(query, "analyst:wrong").statusCode()).as(query).isEqualTo(401);
    }
  }

  @Test
  void loggedInClientsReadCapabilitiesAndMaps() throws Exception {
    HttpResponse<byte[]> caps = get(CAPABILITIES, "analyst:s3cret-map");
    assertThat(caps.statusCode()).isEqualTo(200);
    assertThat(new String(caps.body(), StandardCharsets.UTF_8))
        .contains("<WMS_Capabilities")
        .contains("<Name>pipe_js</Name>");
    assertThat(water(image(get(MAP, "analyst:s3cret-map")))[0])
        .as("water pipe pixels")
        .isGreaterThan(0);
  }

  @Test
  void noOriginIsAllowedByDefaultOnceReadsNeedALogin() throws Exception {
    for (String path :
        List.of(
            "/wms?SERVICE=WMS&REQUEST=GetCapabilities",
            "/wfs?SERVICE=WFS&REQUEST=GetCapabilities",
            "/ogcapi/collections",
            "/api/layers")) {
      HttpResponse<byte[]> r =
          Http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Origin", "https://portal.example.cn")
                  .header("Authorization", Http.basic("analyst:s3cret-map"))
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).as(path).isEmpty();
      HttpResponse<byte[]> preflight =
          Http.send(
              HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                  .header("Origin", "https://portal.example.cn")
                  .header("Access-Control-Request-Method", "GET")
                  .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                  .build(),
              HttpResponse.BodyHandlers.ofByteArray());
      assertThat(preflight.headers().firstValue("Access-Control-Allow-Origin"))
          .as("preflight " + path)
          .isEmpty();
    }
  }

  @Test
  void anonymousHealthShowsTheStatusOnly() throws Exception {
    HttpResponse<byte[]> anonymous =
        Http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(anonymous.statusCode()).as("public for load balancers").isEqualTo(200);
    assertThat(new String(anonymous.body(), StandardCharsets.UTF_8))
        .as("the status (and the probe groups' names) only: no components, disk path or exception")
        .isIn("{\"status\":\"UP\"}", "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}");
    HttpResponse<byte[]> admin =
        Http.send(
            HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
                .header("Authorization", Http.basic("analyst:s3cret-map"))
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(new String(admin.body(), StandardCharsets.UTF_8))
        .as("an admin sees the components")
        .contains("\"components\"")
        .contains("\"db\"");
  }
}
