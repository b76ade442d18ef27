package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.server.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET with raw bytes and optional request headers, for the tile tests. */
final class HttpBytes {

  private HttpBytes() {}

  static HttpResponse<byte[]> get(String url, String... headers) {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    try {
      return Http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new AssertionError("GET " + url + ": " + e, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** GET that must answer 200; the body. */
  static byte[] ok(String url) {
    HttpResponse<byte[]> r = get(url);
    if (r.statusCode() != 200) {
      throw new AssertionError("GET " + url + " → " + r.statusCode() + ": " + new String(r.body()));
    }
    return r.body();
  }
}
