package cn.lzxq.city.server.terrain;

import cn.lzxq.city.server.tilestore.TileResponses;
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
 * sends it). Answered by {@link TileResponses} (gzip when accepted, strong ETags, If-None-Match →
 * 304, {@code Vary: Accept-Encoding, Accept}); CORS is the one policy of every path ({@code
 * CorsPolicy}).
 */
@RestController
@RequestMapping("/terrain")
class TerrainController {

  static final MediaType QUANTIZED_MESH =
      MediaType.parseMediaType("application/vnd.quantized-mesh");

  /** Tiles change only when a DEM is imported: kept an hour, then revalidated by ETag. */
  private static final CacheControl TILE_LIFETIME =
      CacheControl.maxAge(1, TimeUnit.HOURS).cachePublic();

  private final TerrainService service;

  TerrainController(TerrainService service) {
    this.service = service;
  }

  @GetMapping("/layer.json")
  ResponseEntity<byte[]> layer(@RequestHeader HttpHeaders headers) {
    return TileResponses.of(
        service.layerJson(), MediaType.APPLICATION_JSON, TileResponses.present(), headers);
  }

  @GetMapping("/{z}/{x}/{y}.terrain")
  ResponseEntity<byte[]> tile(
      @PathVariable int z,
      @PathVariable long x,
      @PathVariable long y,
      @RequestHeader HttpHeaders headers) {
    boolean normals =
        headers.getOrEmpty(HttpHeaders.ACCEPT).stream()
            .anyMatch(a -> a.contains("octvertexnormals"));
    MediaType type =
        normals
            ? MediaType.parseMediaType("application/vnd.quantized-mesh;extensions=octvertexnormals")
            : QUANTIZED_MESH;
    return TileResponses.of(
        service.tile(z, x, y, normals), type, TILE_LIFETIME, headers, HttpHeaders.ACCEPT);
  }

  @ExceptionHandler(NoSuchElementException.class)
  ResponseEntity<ProblemDetail> notFound(NoSuchElementException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage()));
  }
}
