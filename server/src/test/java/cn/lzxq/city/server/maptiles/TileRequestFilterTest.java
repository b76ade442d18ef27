package cn.lzxq.city.server.maptiles;

import static cn.lzxq.city.server.maptiles.WebMercator.tileX;
import static cn.lzxq.city.server.maptiles.WebMercator.tileY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.wfs.SmallCityContextTest;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * The short way of tile GETs ({@link TileRequestFilter}) answers exactly as the ordinary way
 * (Spring Security's chain and Spring MVC) does, and only where it may: a request with credentials
 * goes the ordinary way, so the two answers of one tile are compared header by header, plain, for a
 * cross-origin script and compressed; and which requests the filter keeps for itself is checked on
 * the filter directly.
 */
class TileRequestFilterTest extends SmallCityContextTest {

  private static final int Z = 16;
  private static final long COL = tileX(103.7005, Z);
  private static final long ROW = tileY(36.5027, Z);
  private static final String ZYX = "/WebMercatorQuad/" + Z + "/" + ROW + "/" + COL;

  /** Every tile route the filter serves, as paths with their query. */
  private static final List<String> ROUTES =
      List.of(
          "/wmts/pipe_js/default/current" + ZYX + ".png",
          "/wmts?SERVICE=WMTS&REQUEST=GetTile&VERSION=1.0.0&LAYER=pipe_js&STYLE=default"
              + "&FORMAT=image/png&TILEMATRIXSET=WebMercatorQuad&TILEMATRIX="
              + Z
              + "&TILEROW="
              + ROW
              + "&TILECOL="
              + COL,
          "/ogcapi/collections/pipe_js/tiles" + ZYX,
          "/ogcapi/collections/pipe_js/map/tiles" + ZYX,
          "/ogcapi/tiles" + ZYX,
          "/ogcapi/map/tiles" + ZYX + "?f=png");

  @Autowired TileRequestFilter filter;

  @Test
  void everyTileRouteIsAnsweredAsTheSecurityChainAndMvcAnswerIt() throws Exception {
    List<String[]> variants =
        List.of(
            new String[0],
            new String[] {"Origin", "https://gis.example"},
            new String[] {"Accept-Encoding", "gzip"});
    for (String route : ROUTES) {
      for (String[] variant : variants) {
        HttpResponse<byte[]> shortWay = get(route, variant);
        List<String> withLogin = new ArrayList<>(List.of(variant));
        withLogin.addAll(List.of("Authorization", Http.basic("viewer:pw-viewer")));
        HttpResponse<byte[]> ordinary = get(route, withLogin.toArray(String[]::new));
        String what = route + " " + String.join(" ", variant);
        assertThat(shortWay.statusCode()).as(what).isEqualTo(200);
        assertThat(ordinary.statusCode()).as(what).isEqualTo(200);
        assertThat(headers(shortWay)).as(what).isEqualTo(headers(ordinary));
        assertThat(shortWay.body()).as(what).isEqualTo(ordinary.body());
        String tag = shortWay.headers().firstValue("ETag").orElseThrow();
        List<String> again = new ArrayList<>(List.of(variant));
        again.addAll(List.of("If-None-Match", tag));
        HttpResponse<byte[]> notModified = get(route, again.toArray(String[]::new));
        assertThat(notModified.statusCode()).as(what).isEqualTo(304);
        assertThat(notModified.headers().firstValue("ETag")).as(what).hasValue(tag);
      }
    }
  }

  @Test
  void theFilterKeepsTileGetsAndPassesEverythingElseOn() throws Exception {
    for (String route : ROUTES) {
      assertThat(passedOn(request("GET", route))).as(route).isFalse();
      MockHttpServletRequest head = request("HEAD", route);
      assertThat(passedOn(head)).as("HEAD " + route).isTrue();
      MockHttpServletRequest login = request("GET", route);
      login.addHeader("Authorization", Http.basic("viewer:pw-viewer"));
      assertThat(passedOn(login)).as("with credentials " + route).isTrue();
      MockHttpServletRequest tls = request("GET", route);
      tls.setSecure(true);
      assertThat(passedOn(tls)).as("over TLS " + route).isTrue();
    }
    for (String other :
        List.of(
            "/wmts?SERVICE=WMTS&REQUEST=GetCapabilities",
            "/wmts/1.0.0/WMTSCapabilities.xml",
            "/wmts/nothing/default/current" + ZYX + ".png", // an error: answered the ordinary way
            "/wmts/pipe_js/default/current/WebMercatorQuad/16/1/2.gif",
            "/ogcapi/collections/nothing/tiles" + ZYX,
            "/ogcapi/collections/pipe_js/tiles/WebMercatorQuad/16/x/1",
            "/ogcapi/collections/pipe_js/tiles/WebMercatorQuad",
            "/ogcapi/collections/pipe%5Fjs/tiles" + ZYX,
            "/ogcapi/collections/pipe_js/items")) {
      assertThat(passedOn(request("GET", other))).as(other).isTrue();
    }
  }

  private boolean passedOn(MockHttpServletRequest request) throws Exception {
    AtomicBoolean passed = new AtomicBoolean();
    MockHttpServletResponse response = new MockHttpServletResponse();
    filter.doFilter(request, response, (req, res) -> passed.set(true));
    if (!passed.get()) {
      assertThat(response.getStatus()).isEqualTo(200);
      assertThat(response.getContentAsByteArray()).isNotEmpty();
    }
    return passed.get();
  }

  private static MockHttpServletRequest request(String method, String route) {
    int q = route.indexOf('?');
    MockHttpServletRequest r =
        new MockHttpServletRequest(method, q < 0 ? route : route.substring(0, q));
    if (q >= 0) {
      r.setQueryString(route.substring(q + 1));
      for (String pair : route.substring(q + 1).split("&")) {
        String[] kv = pair.split("=", 2);
        r.addParameter(kv[0], kv[1]);
      }
    }
    return r;
  }

  private HttpResponse<byte[]> get(String route, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://localhost:" + port + route));
    if (headers.length > 0) {
      b.headers(headers);
    }
    return Http.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
  }

  /** The answer's headers but its date, names in lower case, values in order. */
  private static Map<String, List<String>> headers(HttpResponse<?> r) {
    Map<String, List<String>> all = new TreeMap<>(r.headers().map());
    all.keySet().removeIf(name -> name.equalsIgnoreCase("date"));
    return all;
  }
}
