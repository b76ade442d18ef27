package cn.lzxq.city.server.tilestore;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * The HTTP answer of every built tile — WMTS and OGC API – Tiles (map and vector tiles), 3D Tiles
 * (tileset.json, subtrees, glb) and quantized-mesh terrain — per RFC 9110:
 *
 * <ul>
 *   <li>the representation is gzip when the client accepts gzip ({@code Accept-Encoding}, §12.5.3:
 *       {@code gzip} or {@code x-gzip} or {@code *} with a q-value above 0), the type compresses
 *       (everything but {@code image/*}) and the body has at least {@link #GZIP_MIN_BYTES} bytes;
 *       then {@code Content-Encoding: gzip} and the gzip ETag (a different representation, a
 *       different strong tag);
 *   <li>{@code If-None-Match} (§13.1.2) is {@code *} or a list of entity tags, possibly weak and
 *       over several header lines; it is compared with the selected representation's tag by the
 *       weak comparison (§8.8.3.2), so {@code W/"x"} from a proxy that weakened our {@code "x"}
 *       matches; a match answers 304 with the headers the 200 would have (ETag, Cache-Control, Vary
 *       — §15.4.5) and no body; an unparsable list matches nothing (the full answer);
 *   <li>{@code Vary: Accept-Encoding} whenever the type compresses (a cache cannot know the body's
 *       size), plus what the caller's content depends on (terrain: {@code Accept}).
 * </ul>
 *
 * Cache lifetimes: {@link #present()} for what an edit can change, {@link #past()} for a past time.
 */
public final class TileResponses {

  /** Bodies smaller than this are sent as they are. */
  public static final int GZIP_MIN_BYTES = 512;

  private TileResponses() {}

  /** For the present city: kept 10 s, then revalidated (an edit may have changed it). */
  public static CacheControl present() {
    return CacheControl.maxAge(10, TimeUnit.SECONDS).cachePublic().mustRevalidate();
  }

  /** For a past time, which no edit changes: kept a day. */
  public static CacheControl past() {
    return CacheControl.maxAge(1, TimeUnit.DAYS).cachePublic();
  }

  /** {@link #past()} when {@code asOf} is before now, else {@link #present()} (null = now). */
  public static CacheControl lifetime(Instant asOf) {
    return asOf != null && asOf.isBefore(Instant.now()) ? past() : present();
  }

  /**
   * The request headers an answer of {@link #of} depends on ({@code Accept-Encoding}, {@code
   * If-None-Match}), every line of each.
   */
  public static HttpHeaders requestHeaders(HttpServletRequest http) {
    HttpHeaders h = new HttpHeaders();
    for (String name : List.of(HttpHeaders.ACCEPT_ENCODING, HttpHeaders.IF_NONE_MATCH)) {
      Enumeration<String> values = http.getHeaders(name);
      while (values.hasMoreElements()) {
        h.add(name, values.nextElement());
      }
    }
    return h;
  }

  /**
   * The answer of {@code e} to a GET with the request headers {@code request}.
   *
   * @param type the content type of the 200 answer
   * @param cache its Cache-Control (also sent with a 304)
   * @param varyAlso request headers other than Accept-Encoding the body depends on
   */
  public static ResponseEntity<byte[]> of(
      CacheEntry e, MediaType type, CacheControl cache, HttpHeaders request, String... varyAlso) {
    boolean compressible = !type.getType().equals("image");
    boolean gzip =
        compressible
            && e.bytes().length >= GZIP_MIN_BYTES
            && acceptsGzip(String.join(",", request.getOrEmpty(HttpHeaders.ACCEPT_ENCODING)));
    String etag = gzip ? e.gzipEtag() : e.etag();
    HttpHeaders h = new HttpHeaders();
    h.setETag(etag);
    h.setCacheControl(cache);
    List<String> vary = new ArrayList<>(List.of(varyAlso));
    if (compressible) {
      vary.add(0, HttpHeaders.ACCEPT_ENCODING);
    }
    if (!vary.isEmpty()) {
      h.setVary(vary);
    }
    if (noneMatchFails(String.join(",", request.getOrEmpty(HttpHeaders.IF_NONE_MATCH)), etag)) {
      return new ResponseEntity<>(h, HttpStatus.NOT_MODIFIED);
    }
    h.setContentType(type);
    if (gzip) {
      h.set(HttpHeaders.CONTENT_ENCODING, "gzip");
    }
    return new ResponseEntity<>(gzip ? e.gzip() : e.bytes(), h, HttpStatus.OK);
  }

  /**
   * Whether an {@code Accept-Encoding} value (RFC 9110 §12.5.3) accepts gzip: {@code gzip} or
   * {@code x-gzip} listed with a q-value above 0, or else {@code *} with one. Empty: no.
   */
  static boolean acceptsGzip(String acceptEncoding) {
    Double gzip = null;
    Double any = null;
    for (String item : acceptEncoding.split(",")) {
      String[] parts = item.split(";");
      String coding = parts[0].trim().toLowerCase(Locale.ROOT);
      double q = quality(parts);
      if (coding.equals("gzip") || coding.equals("x-gzip")) {
        gzip = gzip == null ? q : Math.max(gzip, q);
      } else if (coding.equals("*")) {
        any = q;
      }
    }
    return gzip != null ? gzip > 0 : any != null && any > 0;
  }

  /** The q parameter of a list item's parameters (1 when absent, 0 when unreadable). */
  private static double quality(String[] parts) {
    for (int i = 1; i < parts.length; i++) {
      String p = parts[i].trim();
      if (p.length() > 2 && (p.startsWith("q=") || p.startsWith("Q="))) {
        try {
          return Double.parseDouble(p.substring(2).trim());
        } catch (NumberFormatException e) {
          return 0;
        }
      }
    }
    return 1;
  }

  /**
   * Whether an {@code If-None-Match} value (RFC 9110 §13.1.2: {@code *} or a comma-separated list
   * of {@code [W/]"opaque"}) fails for a representation tagged {@code etag}: {@code *}, or a listed
   * tag equal to it by the weak comparison (opaque parts equal, weakness ignored). Empty or
   * unparsable: false.
   */
  static boolean noneMatchFails(String ifNoneMatch, String etag) {
    String v = ifNoneMatch.trim();
    if (v.equals("*")) {
      return true;
    }
    String opaque = etag.startsWith("W/") ? etag.substring(2) : etag;
    int i = 0;
    while (i < v.length()) {
      char c = v.charAt(i);
      if (c == ',' || c == ' ' || c == '\t') {
        i++;
        continue;
      }
      if (v.startsWith("W/", i)) {
        i += 2;
      }
      if (i >= v.length() || v.charAt(i) != '"') {
        return false;
      }
      int end = v.indexOf('"', i + 1);
      if (end < 0) {
        return false;
      }
      if (v.regionMatches(i, opaque, 0, opaque.length()) && end + 1 - i == opaque.length()) {
        return true;
      }
      i = end + 1;
    }
    return false;
  }
}
