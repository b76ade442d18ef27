package cn.lzxq.city.server.maptiles;

import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.security.SecurityProperties;
import cn.lzxq.city.server.tilestore.TileResponses;
import cn.lzxq.city.server.web.CorsPolicy;
import cn.lzxq.city.server.web.HttpProperties;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterProperties;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsProcessor;
import org.springframework.web.cors.DefaultCorsProcessor;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;
import org.springframework.web.filter.ServerHttpObservationFilter;

/**
 * The short way of a tile GET: WMTS GetTile (RESTful and KVP) and OGC API – Tiles vector and map
 * tiles are answered by their controllers' own methods here, before Spring Security's filter chain
 * and Spring MVC's dispatch, whose per-request work (a dozen observed security filters, handler
 * lookup among every mapping, argument resolution, content negotiation) cost a cached tile several
 * times the tile lookup itself.
 *
 * <p>Taken only where it cannot change the answer: reads are public (the security chain permits
 * every GET then), a GET over plain HTTP (no HSTS to add) without {@code Authorization} (the chain
 * would check it), a path of plain characters only (nothing the firewall refuses, nothing to
 * decode), and the controller answers with bytes: a tile or a 304. Anything else — an error, a
 * capabilities document, a HEAD — goes the ordinary way and is answered there. What the chain adds
 * to a tile is added here the same way: the answer of the one {@link CorsPolicy} (its {@code Vary}
 * headers on every answer, the allow headers for a cross-origin read) and Spring Security's default
 * headers. The request is still observed ({@code http.server.requests}) under its route's pattern.
 */
@Component
@Order(SecurityFilterProperties.DEFAULT_FILTER_ORDER - 1)
class TileRequestFilter implements Filter {

  private static final Pattern PLAIN_PATH = Pattern.compile("[A-Za-z0-9_.,/-]+");

  private static final List<HeaderWriter> SECURITY_HEADERS =
      List.of(
          new XContentTypeOptionsHeaderWriter(),
          new XXssProtectionHeaderWriter(),
          new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));

  private final WmtsController wmts;
  private final OgcApiTilesController ogcApi;
  private final boolean publicReads;
  private final UrlBasedCorsConfigurationSource cors;
  private final CorsProcessor corsProcessor = new DefaultCorsProcessor();

  TileRequestFilter(
      WmtsController wmts,
      OgcApiTilesController ogcApi,
      SecurityProperties security,
      HttpProperties http) {
    this.wmts = wmts;
    this.ogcApi = ogcApi;
    this.publicReads = security.publicReads();
    this.cors = CorsPolicy.source(http, publicReads);
  }

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest http = (HttpServletRequest) req;
    Route route = publicReads && eligible(http) ? route(http) : null;
    ResponseEntity<?> answer = route == null ? null : answer(route, http);
    if (answer == null || !(answer.getBody() == null || answer.getBody() instanceof byte[])) {
      chain.doFilter(req, res);
      return;
    }
    HttpServletResponse out = (HttpServletResponse) res;
    ServerHttpObservationFilter.findObservationContext(http)
        .ifPresent(c -> c.setPathPattern(route.pattern()));
    if (!corsProcessor.processRequest(cors.getCorsConfiguration(http), http, out)) {
      return; // refused as the chain's CORS filter refuses it
    }
    out.setStatus(answer.getStatusCode().value());
    answer.getHeaders().forEach((name, values) -> values.forEach(v -> out.addHeader(name, v)));
    SECURITY_HEADERS.forEach(w -> w.writeHeaders(http, out));
    if (answer.getBody() instanceof byte[] body) {
      out.setContentLength(body.length);
      out.getOutputStream().write(body);
    }
  }

  private static boolean eligible(HttpServletRequest http) {
    return "GET".equals(http.getMethod())
        && !http.isSecure()
        && http.getHeader(HttpHeaders.AUTHORIZATION) == null
        && http.getContextPath().isEmpty()
        && PLAIN_PATH.matcher(http.getRequestURI()).matches();
  }

  /** A tile route: the controller method's mapping pattern and the path's parts. */
  private record Route(String pattern, String[] parts) {}

  /** The tile route of the path, or null (then the ordinary way). */
  private static Route route(HttpServletRequest http) {
    String[] p = http.getRequestURI().split("/", -1);
    if (p.length == 2 && p[1].equals("wmts")) {
      boolean getTile =
          KvpMap.of(http.getParameterMap())
              .get("REQUEST")
              .filter(r -> r.equalsIgnoreCase("GetTile"))
              .isPresent();
      return getTile ? new Route("/wmts", p) : null;
    }
    if (p.length == 9 && p[1].equals("wmts") && p[8].indexOf('.') > 0) {
      return new Route("/wmts/{layer}/{style}/{time}/{set}/{z}/{row}/{col}.{ext}", p);
    }
    if (p.length < 7 || !p[1].equals("ogcapi")) {
      return null;
    }
    if (p.length == 9 && p[2].equals("collections") && p[4].equals("tiles")) {
      return new Route("/ogcapi/collections/{id}/tiles/{set}/{z}/{row}/{col}", p);
    }
    if (p.length == 10
        && p[2].equals("collections")
        && p[4].equals("map")
        && p[5].equals("tiles")) {
      return new Route("/ogcapi/collections/{id}/map/tiles/{set}/{z}/{row}/{col}", p);
    }
    if (p.length == 7 && p[2].equals("tiles")) {
      return new Route("/ogcapi/tiles/{set}/{z}/{row}/{col}", p);
    }
    if (p.length == 8 && p[2].equals("map") && p[3].equals("tiles")) {
      return new Route("/ogcapi/map/tiles/{set}/{z}/{row}/{col}", p);
    }
    return null;
  }

  /** The controller's answer, or null when it failed (the ordinary way answers the failure). */
  private ResponseEntity<?> answer(Route route, HttpServletRequest http) {
    String[] p = route.parts();
    HttpHeaders headers = TileResponses.requestHeaders(http);
    String datetime = http.getParameter("datetime");
    String f = http.getParameter("f");
    try {
      return switch (route.pattern()) {
        case "/wmts" -> wmts.kvp(http, headers);
        case "/wmts/{layer}/{style}/{time}/{set}/{z}/{row}/{col}.{ext}" -> {
          int dot = p[8].lastIndexOf('.');
          yield wmts.restTile(
              http,
              p[2],
              p[3],
              p[4],
              p[5],
              p[6],
              p[7],
              p[8].substring(0, dot),
              p[8].substring(dot + 1),
              headers);
        }
        case "/ogcapi/collections/{id}/tiles/{set}/{z}/{row}/{col}" ->
            ogcApi.collectionTile(
                p[3],
                p[5],
                Integer.parseInt(p[6]),
                Long.parseLong(p[7]),
                Long.parseLong(p[8]),
                datetime,
                headers);
        case "/ogcapi/collections/{id}/map/tiles/{set}/{z}/{row}/{col}" ->
            ogcApi.collectionMapTile(
                p[3],
                p[6],
                Integer.parseInt(p[7]),
                Long.parseLong(p[8]),
                Long.parseLong(p[9]),
                datetime,
                f,
                headers);
        case "/ogcapi/tiles/{set}/{z}/{row}/{col}" ->
            ogcApi.datasetTile(
                p[3],
                Integer.parseInt(p[4]),
                Long.parseLong(p[5]),
                Long.parseLong(p[6]),
                datetime,
                headers);
        case "/ogcapi/map/tiles/{set}/{z}/{row}/{col}" ->
            ogcApi.mapTile(
                p[4],
                Integer.parseInt(p[5]),
                Long.parseLong(p[6]),
                Long.parseLong(p[7]),
                datetime,
                f,
                headers);
        default -> null;
      };
    } catch (RuntimeException e) {
      return null;
    }
  }
}
