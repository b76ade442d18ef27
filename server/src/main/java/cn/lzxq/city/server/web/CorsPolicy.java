package cn.lzxq.city.server.web;

import java.util.List;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.UrlBasedCorsConfigurationSource;

/**
 * Which browser origins may read the services (WMS, WFS, OGC API, 3D Tiles, /api …), one policy for
 * every path, preflight included. Configured origins ({@link HttpProperties#corsOrigins()}) may
 * read and edit with credentials; with none configured any origin ({@code *}, without credentials)
 * may read while reads are public, and no origin once reads need a login.
 */
public final class CorsPolicy {

  /** Response headers a cross-origin script may read. */
  static final List<String> EXPOSED =
      List.of(
          "ETag",
          "Location",
          "Content-Crs",
          "Link",
          "Retry-After",
          "Content-Disposition",
          "Content-Encoding");

  private CorsPolicy() {}

  /** The CORS configuration of every path. */
  public static UrlBasedCorsConfigurationSource source(
      HttpProperties settings, boolean publicReads) {
    UrlBasedCorsConfigurationSource source = new UrlBasedCorsConfigurationSource();
    List<String> origins =
        settings.corsOrigins().stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    CorsConfiguration c = new CorsConfiguration();
    if (!origins.isEmpty()) {
      c.setAllowedOrigins(origins);
      c.setAllowCredentials(true);
      c.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"));
    } else if (publicReads) {
      c.setAllowedOrigins(List.of("*"));
      c.setAllowCredentials(false);
      c.setAllowedMethods(List.of("GET", "HEAD", "POST", "OPTIONS"));
    } else {
      return source; // no origin may read
    }
    c.setAllowedHeaders(List.of("*"));
    c.setExposedHeaders(EXPOSED);
    c.setMaxAge(3600L);
    source.registerCorsConfiguration("/**", c);
    return source;
  }
}
