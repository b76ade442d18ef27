package cn.lzxq.city.server.ows;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The absolute URL of a service endpoint as the client reached the server (scheme, host and port of
 * the request, the context path), for the links and online resources of WMS, WFS and OGC API
 * documents: the one place such a URL is built.
 */
public final class ServiceUrl {

  private ServiceUrl() {}

  /**
   * The URL of {@code path} (e.g. {@code /wfs}, {@code /ogcapi}) on the server that answered {@code
   * request}.
   */
  public static String of(HttpServletRequest request, String path) {
    return ServletUriComponentsBuilder.fromContextPath(request).path(path).build().toUriString();
  }
}
