package cn.lzxq.city.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.support.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * CORS with {@code CITY_CORS_ORIGINS} set (the edit context configures {@code
 * https://portal.example.cn}): that origin may read and edit with credentials on every path
 * (preflight included), any other origin gets no CORS headers.
 */
class CorsConfiguredOriginsTest extends EditContextTest {

  private static final String PORTAL = "https://portal.example.cn";

  @Test
  void aConfiguredOriginReadsAndEditsWithCredentials() throws Exception {
    for (String path :
        List.of(
            "/wms?SERVICE=WMS&REQUEST=GetCapabilities",
            "/wfs?SERVICE=WFS&REQUEST=GetCapabilities",
            "/ogcapi/collections",
            "/api/layers")) {
      HttpResponse<String> r = get(path, PORTAL);
      assertThat(r.statusCode()).as(path).isEqualTo(200);
      assertThat(r.headers().allValues("Access-Control-Allow-Origin"))
          .as(path)
          .containsExactly(PORTAL);
      assertThat(r.headers().firstValue("Access-Control-Allow-Credentials"))
          .as(path)
          .hasValue("true");
      assertThat(get(path, "https://elsewhere.example.com").headers().map())
          .as("another origin: " + path)
          .doesNotContainKey("access-control-allow-origin");
    }
    HttpResponse<String> preflight =
        Http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + port + "/ogcapi/collections/pipe_js/items/101"))
                .header("Origin", PORTAL)
                .header("Access-Control-Request-Method", "PATCH")
                .header("Access-Control-Request-Headers", "authorization,if-match,content-type")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(preflight.statusCode()).isEqualTo(200);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods"))
        .hasValueSatisfying(m -> assertThat(m).contains("PATCH"));
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Credentials")).hasValue("true");
    HttpResponse<String> read =
        Http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://localhost:" + port + "/ogcapi/collections/pipe_js/items/101"))
                .header("Origin", PORTAL)
                .header("Authorization", Http.basic("admin:pw-admin"))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(read.headers().firstValue("Access-Control-Expose-Headers"))
        .as("a portal's editor reads the ETag it must send back")
        .hasValueSatisfying(h -> assertThat(h).contains("ETag"));
  }

  private HttpResponse<String> get(String path, String origin) throws Exception {
    return Http.send(
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .header("Origin", origin)
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
