package cn.lzxq.city.server.encode;

import cn.lzxq.city.server.error.Failures;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.sql.SQLException;

/**
 * Sends a body that streams from a database cursor, so that a failure half-way never looks like a
 * whole document. The response stream is completed (the final chunk written) only after the whole
 * body was written. On failure it is left open and the failure is rethrown:
 *
 * <ul>
 *   <li>while nothing has reached the client yet ({@link HttpServletResponse#isCommitted()} false:
 *       the container buffers the first 8 KiB), the caller resets the response and answers with its
 *       protocol's error document;
 *   <li>once bytes have been sent, the servlet container closes the connection without ending the
 *       chunked transfer (Tomcat's ErrorReportValve on a committed response), so a client sees a
 *       broken download — the streaming servers' behaviour (GeoServer's SPEED output strategy: no
 *       OGC error can follow a 200 already sent). This holds for every failure, not only the
 *       statement timeout: the error page writes nothing on a committed response ({@code
 *       cn.lzxq.city.server.error.ErrorPage}). The failure is logged here ({@link Failures}), a
 *       broken client connection excepted.
 * </ul>
 */
public final class StreamedResponse {

  private StreamedResponse() {}

  /** A body written straight to the response stream. */
  @FunctionalInterface
  public interface Body {
    void write(OutputStream out) throws IOException, SQLException;
  }

  /** Writes the body, then completes the response; see the class comment for failures. */
  public static void send(HttpServletRequest request, HttpServletResponse response, Body body)
      throws IOException, SQLException {
    OutputStream out = response.getOutputStream();
    try {
      body.write(out);
    } catch (IOException | SQLException | RuntimeException e) {
      if (response.isCommitted() && !(e instanceof IOException)) {
        switch (Failures.classify(e)) {
          case DATABASE_UNAVAILABLE, BUSY, CONFLICT -> Failures.logUnavailable(e, request);
          case INTERNAL -> Failures.logInternal(e, request);
          case STATEMENT_TIMEOUT, BAD_TEXT -> {}
        }
      }
      throw e;
    }
    out.close();
  }
}
