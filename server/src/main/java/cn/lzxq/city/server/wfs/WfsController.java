package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.edit.Editor;
import cn.lzxq.city.data.query.FilterLimits;
import cn.lzxq.city.server.encode.StreamedResponse;
import cn.lzxq.city.server.error.Failures;
import cn.lzxq.city.server.ows.ExceptionReports;
import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.ows.ServiceUrl;
import cn.lzxq.city.server.security.Editors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * {@code /wfs} (and {@code /ows?SERVICE=WFS}): adapts HTTP to {@link WfsService}. GET and form POST
 * are KVP, any other POST body is XML. Errors become an OWS ExceptionReport with the exception's
 * HTTP status; a Transaction without credentials is answered 401 with a Basic challenge, one by a
 * viewer 403. Any failure ({@link OwsException#of}; 503 with Retry-After) met while a feature
 * collection streams is an ExceptionReport while nothing has been sent, and a broken transfer
 * afterwards. The lock operations (LockFeature, GetFeatureWithLock, ReleaseLock) need an editor, as
 * a Transaction does.
 */
@Controller
class WfsController {

  private final WfsService service;
  private final WfsKvpParser kvp;
  private final WfsXmlParser xml;

  WfsController(WfsService service, WfsProperties settings) {
    this.service = service;
    this.kvp =
        new WfsKvpParser(service.nativeSrid(), settings, FilterLimits.DEFAULT, service.catalog());
    this.xml =
        new WfsXmlParser(service.nativeSrid(), settings, FilterLimits.DEFAULT, service.catalog());
  }

  @RequestMapping(
      path = "/wfs",
      method = {RequestMethod.GET, RequestMethod.POST})
  void handle(HttpServletRequest request, HttpServletResponse response, Authentication auth)
      throws Exception {
    WfsResponse answer;
    try {
      answer = execute(parse(request), ServiceUrl.of(request, "/wfs"), auth);
    } catch (SQLException | RuntimeException e) {
      answer = error(report(e, request), response);
    }
    try {
      send(answer, request, response);
    } catch (SQLException | RuntimeException e) {
      if (response.isCommitted()) {
        throw e; // the container aborts the transfer (StreamedResponse)
      }
      response.resetBuffer();
      send(error(report(e, request), response), request, response);
    }
  }

  private static OwsException report(Exception e, HttpServletRequest request) {
    return e instanceof SQLException s && ReadExecutor.timedOut(s)
        ? StatementTimeout.report()
        : OwsException.of(e, request);
  }

  /**
   * Streams the answer; a failure after the first bytes were sent aborts the transfer (see {@link
   * StreamedResponse}), one before them is still answered with an ExceptionReport.
   */
  private static void send(
      WfsResponse answer, HttpServletRequest request, HttpServletResponse response)
      throws IOException, SQLException {
    response.setStatus(answer.status());
    response.setContentType(answer.contentType());
    StreamedResponse.send(request, response, answer.body());
  }

  private WfsRequest parse(HttpServletRequest request) throws IOException {
    String contentType = request.getContentType() == null ? "" : request.getContentType();
    if (request.getMethod().equals("POST")
        && !contentType.startsWith("application/x-www-form-urlencoded")) {
      String body = new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (body.isBlank()) {
        throw new OwsException(
            OwsException.MISSING_PARAMETER_VALUE, "request", "the POST body is empty");
      }
      return xml.parse(body);
    }
    return kvp.parse(
        KvpMap.of(request.getParameterMap()),
        request.getMethod().equals("GET") ? request.getQueryString() : null);
  }

  private WfsResponse execute(WfsRequest r, String url, Authentication auth) throws SQLException {
    if (r instanceof WfsRequest.GetCapabilities c) {
      return service.getCapabilities(c, url);
    } else if (r instanceof WfsRequest.DescribeFeatureType d) {
      return service.describeFeatureType(d);
    } else if (r instanceof WfsRequest.GetFeature g) {
      return service.getFeature(g, url);
    } else if (r instanceof WfsRequest.GetPropertyValue p) {
      return service.getPropertyValue(p, url);
    } else if (r instanceof WfsRequest.RunStoredQuery q) {
      return service.runStoredQuery(q);
    } else if (r instanceof WfsRequest.ListStoredQueries) {
      return service.listStoredQueries();
    } else if (r instanceof WfsRequest.DescribeStoredQueries d) {
      return service.describeStoredQueries(d);
    } else if (r instanceof WfsRequest.Transaction t) {
      return service.transaction(t, editor(auth, "Transaction"));
    } else if (r instanceof WfsRequest.LockFeature l) {
      return service.lockFeature(l, editor(auth, "LockFeature"));
    } else if (r instanceof WfsRequest.GetFeatureWithLock g) {
      return service.getFeatureWithLock(g, url, editor(auth, "GetFeatureWithLock"));
    } else if (r instanceof WfsRequest.ReleaseLock l) {
      editor(auth, "ReleaseLock");
      return service.releaseLock(l);
    }
    throw new IllegalStateException("unhandled request " + r);
  }

  /** The editor a writing operation (Transaction, the lock operations) needs: 401, or 403. */
  private static Editor editor(Authentication auth, String operation) {
    Editor who =
        Editors.of(auth)
            .orElseThrow(
                () ->
                    new OwsException(
                        "OperationProcessingFailed",
                        operation,
                        "a " + operation + " needs a user: log in with HTTP Basic",
                        401));
    if (who.role() == Editor.Role.VIEWER) {
      throw new OwsException(
          "OperationProcessingFailed", operation, "user " + who.name() + " may only read", 403);
    }
    return who;
  }

  private static WfsResponse error(OwsException e, HttpServletResponse response) {
    if (e.httpStatus() == 401) {
      response.setHeader("WWW-Authenticate", "Basic realm=\"lzxq-city\"");
    }
    if (e.unavailable()) {
      response.setHeader("Retry-After", Failures.RETRY_AFTER_SECONDS);
    }
    String doc = ExceptionReports.ows(e);
    return new WfsResponse(
        e.httpStatus(),
        "application/xml; charset=UTF-8",
        out -> out.write(doc.getBytes(StandardCharsets.UTF_8)));
  }
}
