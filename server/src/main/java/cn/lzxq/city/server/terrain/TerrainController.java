package cn.lzxq.city.server.terrain;

import cn.lzxq.city.server.tilestore.CacheEntry;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
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
import org.springframework.web.bind.annotation.RestController;

/**
 * HTTP for the quantized-mesh terrain: {@code /terrain/layer.json} and {@code
 * /terrain/{z}/{x}/{y}.terrain}. The {@code octvertexnormals} extension is included when the Accept
 * header names it ({@code application/vnd.quantized-mesh;extensions=octvertexnormals}, as CesiumJS
 * sends it); tiles are gzip-encoded when the client accepts gzip, with strong ETags (If-None-Match
 * → 304) and CORS open.
 */
@RestController
@RequestMapping("/terrain")
class TerrainController {

  static final MediaType QUANTIZED_MESH =
      MediaType.parseMediaType("application/vnd.quantized-mesh");

  private final TerrainService service;

  TerrainController(TerrainService service) {
    this.service = service;
  }

  @GetMapping("/layer.json")
  ResponseEntity<byte[]> layer(
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
      @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
    return respond(
        service.layerJson(), MediaType.APPLICATION_JSON, ifNoneMatch, acceptEncoding, false);
  }

  @GetMapping("/{z}/{x}/{y}.terrain")
  ResponseEntity<byte[]> tile(
      @PathVariable int z,
      @PathVariable long x,
      @PathVariable long y,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      @RequestHeader(value = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch,
      @RequestHeader(value = HttpHeaders.ACCEPT_ENCODING, required = false) String acceptEncoding) {
    boolean normals = accept != null && accept.contains("octvertexnormals");
    MediaType type =
        normals
            ? MediaType.parseMediaType("application/vnd.quantized-mesh;extensions=octvertexnormals")
            : QUANTIZED_MESH;
    return respond(service.tile(z, x, y, normals), type, ifNoneMatch, acceptEncoding, true);
  }

  private static ResponseEntity<byte[]> respond(
      CacheEntry e, MediaType type, String ifNoneMatch, String acceptEncoding, boolean tile) {
    boolean gzip = acceptEncoding != null && acceptEncoding.contains("gzip");
    String etag = gzip ? e.gzipEtag() : e.etag();
    HttpHeaders h = new HttpHeaders();
    h.setETag(etag);
    h.setCacheControl(
        tile
            ? CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic()
            : CacheControl.maxAge(10, TimeUnit.SECONDS).cachePublic().mustRevalidate());
    h.setVary(List.of(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.ACCEPT));
    h.setAccessControlAllowOrigin("*");
    if (ifNoneMatch != null
        && (ifNoneMatch.contains(e.etag()) || ifNoneMatch.contains(e.gzipEtag()))) {
      return new ResponseEntity<>(h, HttpStatus.NOT_MODIFIED);
    }
    h.setContentType(type);
    if (gzip) {
      h.set(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    return new ResponseEntity<>(gzip ? e.gzip() : e.bytes(), h, HttpStatus.OK);
  }

  @ExceptionHandler(NoSuchElementException.class)
  ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }
}
