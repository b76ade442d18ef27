package cn.lzxq.city.server.error;

import cn.lzxq.city.server.ows.ExceptionReports;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wms.capabilities.WmsVersion;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;

/**
 * Writes an error straight to the servlet response in the form of the endpoint it reached, for the
 * filters that answer before any controller runs (body limit, authentication during an outage): WMS
 * ServiceExceptionReport on {@code /wms} (1.1.1 or 1.3.0 as the query string's VERSION says), OWS
 * ExceptionReport on {@code /wfs} and {@code /ows}, JSON problem details elsewhere. A 503 carries
 * Retry-After.
 */
public final class ErrorBodies {

  private ErrorBodies() {}

  /**
   * Whether a /wms request asks for WMS 1.1.1 (read from the query string only: a refused body is
   * never read).
   */
  private static boolean wms111(HttpServletRequest request) {
    Map<String, String> query = new HashMap<>();
    String q = request.getQueryString() == null ? "" : request.getQueryString();
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        query.put(
            pair.substring(0, eq).toUpperCase(Locale.ROOT),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return WmsVersion.ofRequest(
            query.getOrDefault("REQUEST", ""),
            Optional.ofNullable(query.getOrDefault("VERSION", query.get("WMTVER"))))
        == WmsVersion.V111;
  }

  /** Writes {@code e} with its status. */
  public static void write(HttpServletRequest request, HttpServletResponse response, OwsException e)
      throws IOException {
    String path = request.getRequestURI().substring(request.getContextPath().length());
    response.setStatus(e.httpStatus());
    if (e.unavailable()) {
      response.setHeader("Retry-After", Failures.RETRY_AFTER_SECONDS);
    }
    String body;
    if (path.equals("/wms") && wms111(request)) {
      response.setContentType(ExceptionReports.WMS_111_MEDIA_TYPE);
      body = ExceptionReports.wms111(e);
    } else if (path.equals("/wms")) {
      response.setContentType("text/xml;charset=UTF-8");
      body = ExceptionReports.wms(e);
    } else if (path.equals("/wfs") || path.equals("/ows")) {
      response.setContentType("application/xml; charset=UTF-8");
      body = ExceptionReports.ows(e);
    } else {
      HttpStatus status = HttpStatus.resolve(e.httpStatus());
      response.setContentType("application/problem+json");
      body =
          "{\"type\":\"about:blank\",\"title\":\""
              + (status == null ? "Error" : status.getReasonPhrase())
              + "\",\"status\":"
              + e.httpStatus()
              + ",\"detail\":\""
              + json(e.getMessage())
              + "\"}";
    }
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }

  private static String json(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\') {
        b.append('\\').append(c);
      } else if (c < 0x20) {
        b.append(String.format("\\u%04x", (int) c));
      } else {
        b.append(c);
      }
    }
    return b.toString();
  }
}
