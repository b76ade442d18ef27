package cn.lzxq.city.server.tiles3d;

import static java.nio.charset.StandardCharsets.UTF_8;

import cn.lzxq.city.data.db.DatabaseReadException;
import cn.lzxq.city.data.io.AsOf;
import cn.lzxq.city.server.error.Failures;
import cn.lzxq.city.server.error.ProblemAdvice;
import cn.lzxq.city.server.tilestore.TileResponses;
import cn.lzxq.city.tiles.tiling.TileCoord;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.UriUtils;

/**
 * HTTP for the 3D Tiles: {@code /3dtiles/{tileset}/tileset.json}, its subtrees and contents (the
 * files of a registered tileset, {@link RegisteredTilesets}, at their own paths), with {@code
 * ?asOf=} (date or date-time; the city at that time) and {@code ?heights=ground|absolute}. Answered
 * by {@link TileResponses} (strong ETags per encoding, If-None-Match → 304, gzip done here so the
 * compressed bytes are cached), Cache-Control short and must-revalidate for the present, long for
 * past times.
 */
@RestController
@RequestMapping("/3dtiles")
class Tiles3dController {

  private final TilesetService service;
  private final RegisteredTilesets registered;

  Tiles3dController(TilesetService service, RegisteredTilesets registered) {
    this.service = service;
    this.registered = registered;
  }

  /** Whether {@code tileset} is built by the server (else it may be a registered one). */
  private boolean built(String tileset) {
    return service.catalog().names().contains(tileset);
  }

  @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
  List<Map<String, Object>> tilesets() {
    List<Map<String, Object>> out = new ArrayList<>();
    for (String name : service.catalog().names()) {
      Map<String, Object> t = new LinkedHashMap<>();
      t.put("name", name);
      t.put("url", "/3dtiles/" + name + "/tileset.json");
      t.put(
          "groups",
          service.contents(name).stream()
              .map(k -> Map.of("code", k.code(), "name", k.nameZh(), "prefix", k.prefix()))
              .toList());
      out.add(t);
    }
    out.addAll(registered.list());
    return out;
  }

  @GetMapping("/{tileset}/tileset.json")
  ResponseEntity<byte[]> tileset(
      @PathVariable String tileset,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String heights,
      @RequestHeader HttpHeaders headers) {
    return respond(
        built(tileset)
            ? service.tileset(tileset, view(asOf, heights))
            : registered.file(tileset, "tileset.json"),
        headers);
  }

  /**
   * A file of a registered tileset ({@code city import tileset}) at its path relative to the
   * tileset's folder (percent-escapes decoded, {@code +} kept).
   */
  @GetMapping("/{tileset}/**")
  ResponseEntity<byte[]> registeredFile(
      @PathVariable String tileset,
      HttpServletRequest request,
      @RequestHeader HttpHeaders headers) {
    String prefix = "/3dtiles/" + tileset + "/";
    String raw = request.getRequestURI();
    String path = UriUtils.decode(raw.substring(raw.indexOf(prefix) + prefix.length()), UTF_8);
    return respond(registered.file(tileset, path), headers);
  }

  @GetMapping("/{tileset}/subtrees/{level}/{x}/{y}.subtree")
  ResponseEntity<byte[]> subtree(
      @PathVariable String tileset,
      @PathVariable int level,
      @PathVariable long x,
      @PathVariable long y,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String heights,
      @RequestHeader HttpHeaders headers) {
    return respond(
        built(tileset)
            ? service.subtree(tileset, view(asOf, heights), new TileCoord(level, x, y))
            : registered.file(tileset, "subtrees/" + level + "/" + x + "/" + y + ".subtree"),
        headers);
  }

  @GetMapping("/{tileset}/{content}/{level}/{x}/{y}.glb")
  ResponseEntity<byte[]> content(
      @PathVariable String tileset,
      @PathVariable String content,
      @PathVariable int level,
      @PathVariable long x,
      @PathVariable long y,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String heights,
      @RequestHeader HttpHeaders headers) {
    if (!built(tileset)) {
      return respond(
          registered.file(tileset, content + "/" + level + "/" + x + "/" + y + ".glb"), headers);
    }
    ContentKind kind = service.catalog().ofFolder(content);
    return respond(
        service.content(tileset, kind, new TileCoord(level, x, y), view(asOf, heights)), headers);
  }

  private static View view(String asOf, String heights) {
    return new View(
        asOf == null || asOf.isBlank() ? null : AsOf.parse(asOf), HeightMode.parse(heights));
  }

  private static ResponseEntity<byte[]> respond(TileResource r, HttpHeaders headers) {
    return TileResponses.of(
        r.entry(),
        MediaType.parseMediaType(r.contentType()),
        r.immutable() ? TileResponses.past() : TileResponses.present(),
        headers);
  }

  @ExceptionHandler(NoSuchElementException.class)
  ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }

  /**
   * A content or subtree whose query ran past the statement timeout: 503 with a Retry-After, the
   * problem stated (the statement was cancelled in the database; nothing is cached).
   */
  @ExceptionHandler(DatabaseReadException.class)
  ResponseEntity<ProblemDetail> databaseRead(DatabaseReadException e, HttpServletRequest request) {
    if (Failures.retryLater(e)) {
      Failures.logUnavailable(e, request);
      return ProblemAdvice.retryLater(e);
    }
    if (!e.timedOut()) {
      throw e;
    }
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "查询超时，请稍后重试 / The tile's query ran past the statement timeout; try again shortly.");
    p.setTitle("Statement timeout");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "5")
        .body(p);
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<ProblemDetail> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest()
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
  }
}
