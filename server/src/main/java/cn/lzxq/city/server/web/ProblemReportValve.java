package cn.lzxq.city.server.web;

import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.http.HttpStatus;

/**
 * Tomcat's report for the errors it answers itself, before any application code runs (a path with
 * an encoded NUL or slash, a malformed request line): JSON problem details with the status and its
 * reason phrase instead of Tomcat's HTML page with the server version.
 */
public class ProblemReportValve extends ErrorReportValve {

  @Override
  protected void report(Request request, Response response, Throwable throwable) {
    int status = response.getStatus();
    if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
      return;
    }
    HttpStatus known = HttpStatus.resolve(status);
    String reason = known == null ? null : known.getReasonPhrase();
    String body =
        "{\"type\":\"about:blank\",\"title\":\""
            + (reason == null ? "Error" : reason)
            + "\",\"status\":"
            + status
            + "}";
    try {
      response.setContentType("application/problem+json");
      response.setCharacterEncoding("UTF-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(body);
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client went away, or the response cannot take a body: nothing more to say
    }
  }
}
