package cn.lzxq.city.server.tiles3d;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** GET with raw bytes and optional request headers, for the tile tests. */
final class HttpBytes {

  private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private HttpBytes() {
  }

  static HttpResponse<byte[]> get(String url, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(120)).GET();
    if (headers.length > 0) {
      b.headers(headers);
    }
    try {
      return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
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
