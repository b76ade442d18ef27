package cn.lzxq.city.server.ogcapi;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.edit.Editor;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.QueryException;
import cn.lzxq.city.server.encode.StreamedResponse;
import cn.lzxq.city.server.error.ProblemAdvice;
import cn.lzxq.city.server.ows.ServiceUrl;
import cn.lzxq.city.server.security.Editors;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URI;
import java.sql.SQLException;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/**
 * {@code /ogcapi}: OGC API Features Parts 1-4 over HTTP. JSON by default, HTML for browsers ({@code
 * f=html} or an Accept preferring text/html); errors as problem details.
 */
@RestController
@RequestMapping("/ogcapi")
class OgcApiController {

  private static final String GEOJSON = "application/geo+json";

  private final OgcApiService service;
  private final OgcApiDocuments documents;
  private final ItemsParser parser;

  OgcApiController(OgcApiService service, OgcApiProperties settings) {
    this.service = service;
    this.documents =
        new OgcApiDocuments(service.nativeSrid(), settings.maxLimit(), service.catalog());
    this.parser = new ItemsParser(service.nativeSrid(), settings);
  }

  @GetMapping({"", "/"})
  ResponseEntity<String> landing(HttpServletRequest request, @RequestParam Map<String, String> q) {
    return document(
        "Lanzhou New Area OGC API Features", documents.landing(base(request)), request, q);
  }

  @GetMapping("/conformance")
  ResponseEntity<String> conformance(
      HttpServletRequest request, @RequestParam Map<String, String> q) {
    return document("Conformance", documents.conformance(), request, q);
  }

  @GetMapping("/api")
  ResponseEntity<String> api(HttpServletRequest request) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/vnd.oai.openapi+json;version=3.0"))
        .body(documents.openApi(base(request)).toString());
  }

  @GetMapping("/collections")
  ResponseEntity<String> collections(
      HttpServletRequest request, @RequestParam Map<String, String> q) {
    return document("Collections", documents.collections(base(request)), request, q);
  }

  @GetMapping("/collections/{id}")
  ResponseEntity<String> collection(
      @PathVariable String id, HttpServletRequest request, @RequestParam Map<String, String> q) {
    Layer layer = service.layer(id);
    return document(layer.titleZh(), documents.collection(base(request), layer), request, q);
  }

  @GetMapping("/collections/{id}/queryables")
  ResponseEntity<String> queryables(@PathVariable String id, HttpServletRequest request) {
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType("application/schema+json"))
        .body(documents.queryables(base(request), service.layer(id)).toString());
  }

  @GetMapping("/collections/{id}/items")
  void items(
      @PathVariable String id,
      @RequestParam Map<String, String> q,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, SQLException {
    Layer layer = service.layer(id);
    ItemsRequest r = parser.parse(layer, q, wantsHtml(request, q));
    String itemsUrl = base(request) + "/collections/" + id + "/items";
    String query =
        request.getQueryString() == null
            ? ""
            : request
                .getQueryString()
                .replaceAll("(^|&)(offset|limit|f)=[^&]*", "")
                .replaceFirst("^&", "");
    StreamedResponse.Body body = service.items(r, itemsUrl, query);
    response.setContentType(r.html() ? "text/html; charset=UTF-8" : GEOJSON);
    response.setHeader("Content-Crs", "<" + r.crs().uri() + ">");
    StreamedResponse.send(request, response, body);
  }

  @GetMapping("/collections/{id}/items/{fid}")
  void item(
      @PathVariable String id,
      @PathVariable String fid,
      @RequestParam Map<String, String> q,
      HttpServletRequest request,
      HttpServletResponse response)
      throws IOException, SQLException {
    Layer layer = service.layer(id);
    CrsRef crs = parser.crs(q.getOrDefault("crs", CrsRef.CRS84.uri()), "crs");
    ItemsRequest time =
        parser.parse(
            layer,
            q.containsKey("datetime") ? Map.of("datetime", q.get("datetime")) : Map.of(),
            false);
    long n = id(fid);
    StreamedResponse.Body body =
        service.item(layer, n, crs, time.asOf(), base(request) + "/collections/" + id);
    if (time.asOf() == null) {
      service.etag(layer, n).ifPresent(tag -> response.setHeader("ETag", tag));
    }
    response.setContentType(GEOJSON);
    response.setHeader("Content-Crs", "<" + crs.uri() + ">");
    StreamedResponse.send(request, response, body);
  }

  @PostMapping("/collections/{id}/items")
  ResponseEntity<Void> create(
      @PathVariable String id,
      @RequestBody String body,
      Authentication auth,
      @RequestHeader(name = "Content-Crs", required = false) String contentCrs,
      HttpServletRequest request) {
    Layer layer = service.layer(id);
    OgcApiService.Written w =
        service.create(layer, FeatureInput.parse(body, contentCrs(contentCrs)), editor(auth));
    return ResponseEntity.created(
            URI.create(base(request) + "/collections/" + id + "/items/" + w.fid()))
        .eTag(w.etag())
        .build();
  }

  @PutMapping("/collections/{id}/items/{fid}")
  ResponseEntity<Void> replace(
      @PathVariable String id,
      @PathVariable String fid,
      @RequestBody String body,
      @RequestHeader(name = "Content-Crs", required = false) String contentCrs,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      Authentication auth) {
    String etag =
        service.replace(
            service.layer(id),
            id(fid),
            FeatureInput.parse(body, contentCrs(contentCrs)),
            editor(auth),
            ifMatch);
    return ResponseEntity.noContent().eTag(etag).build();
  }

  @PatchMapping("/collections/{id}/items/{fid}")
  ResponseEntity<Void> update(
      @PathVariable String id,
      @PathVariable String fid,
      @RequestBody String body,
      @RequestHeader(name = "Content-Crs", required = false) String contentCrs,
      @RequestHeader(name = "If-Match", required = false) String ifMatch,
      Authentication auth) {
    String etag =
        service.update(
            service.layer(id),
            id(fid),
            FeatureInput.parse(body, contentCrs(contentCrs)),
            editor(auth),
            ifMatch);
    return ResponseEntity.noContent().eTag(etag).build();
  }

  @DeleteMapping("/collections/{id}/items/{fid}")
  ResponseEntity<Void> delete(
      @PathVariable String id,
      @PathVariable String fid,
      Authentication auth,
      @RequestHeader(name = "If-Match", required = false) String ifMatch) {
    service.delete(service.layer(id), id(fid), editor(auth), ifMatch);
    return ResponseEntity.noContent().build();
  }

  @ExceptionHandler(OgcApiException.class)
  ResponseEntity<ProblemDetail> problem(
      OgcApiException e, HttpServletRequest request, HttpServletResponse response)
      throws Exception {
    if (response.isCommitted()) {
      return ProblemAdvice.answer(e, request, response);
    }
    response.resetBuffer();
    return problem(e.status(), e.getMessage());
  }

  @ExceptionHandler(QueryException.class)
  ResponseEntity<ProblemDetail> problem(
      QueryException e, HttpServletRequest request, HttpServletResponse response) throws Exception {
    if (response.isCommitted()) {
      return ProblemAdvice.answer(e, request, response);
    }
    response.resetBuffer();
    return problem(400, e.getMessage());
  }

  /**
   * The statement timeout met before any byte of the answer was sent: a 400 problem; other failures
   * as {@link ProblemAdvice} answers them. Once items stream, the failure is rethrown and the
   * transfer aborted ({@link StreamedResponse}).
   */
  @ExceptionHandler(SQLException.class)
  ResponseEntity<ProblemDetail> problem(
      SQLException e, HttpServletRequest request, HttpServletResponse response) throws Exception {
    if (response.isCommitted() || !ReadExecutor.timedOut(e)) {
      return ProblemAdvice.answer(e, request, response);
    }
    response.resetBuffer();
    return problem(
        400,
        "the query ran longer than the statement timeout; narrow the filter or page with limit and offset");
  }

  private static ResponseEntity<ProblemDetail> problem(int status, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(status), detail);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }

  private CrsRef contentCrs(String header) {
    return header == null
        ? CrsRef.CRS84
        : parser.crs(header.replaceAll("^<|>$", ""), "Content-Crs");
  }

  private static Editor editor(Authentication auth) {
    Editor who = Editors.of(auth).orElseThrow(() -> new OgcApiException(401, "log in to edit"));
    if (who.role() == Editor.Role.VIEWER) {
      throw new OgcApiException(403, "user " + who.name() + " may only read");
    }
    return who;
  }

  private static long id(String fid) {
    try {
      return Long.parseLong(fid);
    } catch (NumberFormatException e) {
      throw new OgcApiException(404, "no feature '" + fid + "'");
    }
  }

  private ResponseEntity<String> document(
      String title, JsonNode doc, HttpServletRequest request, Map<String, String> q) {
    if (wantsHtml(request, q)) {
      return ResponseEntity.ok()
          .contentType(MediaType.parseMediaType("text/html; charset=UTF-8"))
          .body(HtmlPages.page(title, doc));
    }
    if (q.containsKey("f") && !q.get("f").equals("json")) {
      throw new OgcApiException(400, "f must be json or html");
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(doc.toString());
  }

  private static boolean wantsHtml(HttpServletRequest request, Map<String, String> q) {
    if (q.containsKey("f")) {
      return q.get("f").equals("html");
    }
    String accept = request.getHeader("Accept");
    return accept != null && accept.startsWith("text/html");
  }

  private static String base(HttpServletRequest request) {
    return ServiceUrl.of(request, "/ogcapi");
  }
}
