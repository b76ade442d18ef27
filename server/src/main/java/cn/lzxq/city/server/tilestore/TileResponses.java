package cn.lzxq.city.server.tilestore;

import java.util.List;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer of a stored tile: strong ETag (per encoding), {@code If-None-Match} → 304, gzip
 * when the client accepts it and the type compresses, and the caller's Cache-Control.
 */
public final class TileResponses {

  /** Bodies smaller than this are sent as they are. */
  public static final int GZIP_MIN_BYTES = 512;

  private TileResponses() {}

  /**
   * The answer of {@code e}.
   *
   * @param compressible whether gzip may be used (not for PNG or JPEG)
   */
  public static ResponseEntity<byte[]> of(
      CacheEntry e,
      MediaType type,
      CacheControl cache,
      boolean compressible,
      String ifNoneMatch,
      String acceptEncoding) {
    boolean gzip =
        compressible
            && acceptEncoding != null
            && acceptEncoding.contains("gzip")
            && e.bytes().length >= GZIP_MIN_BYTES;
    HttpHeaders h = new HttpHeaders();
    h.setETag(gzip ? e.gzipEtag() : e.etag());
    h.setCacheControl(cache);
    if (compressible) {
      h.setVary(List.of(HttpHeaders.ACCEPT_ENCODING));
    }
    if (ifNoneMatch != null
        && (ifNoneMatch.contains(e.etag())
            || ifNoneMatch.contains(e.gzipEtag())
            || ifNoneMatch.trim().equals("*"))) {
      return new ResponseEntity<>(h, HttpStatus.NOT_MODIFIED);
    }
    h.setContentType(type);
    if (gzip) {
      h.set(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    return new ResponseEntity<>(gzip ? e.gzip() : e.bytes(), h, HttpStatus.OK);
  }
}
