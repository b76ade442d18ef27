package cn.lzxq.city.server.wfs;

import cn.lzxq.city.server.support.Http;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** HTTP for the protocol tests: KVP GET with encoded values, XML/JSON bodies, Basic credentials. */
public final class OgcClient {

  private final String base;

  public OgcClient(String base) {
    this.base = base;
  }

  /** GET {@code path?k=v&…} with every value URL-encoded. */
  public HttpResponse<String> get(String path, String... keyValues)
      throws IOException, InterruptedException {
    StringBuilder q = new StringBuilder();
    for (int i = 0; i < keyValues.length; i += 2) {
      q.append(i == 0 ? "?" : "&")
          .append(keyValues[i])
          .append('=')
          .append(URLEncoder.encode(keyValues[i + 1], StandardCharsets.UTF_8));
    }
    return send(HttpRequest.newBuilder(URI.create(base + path + q)).GET(), null);
  }

  /** A request with a body ({@code method} POST, PUT, PATCH), optional user:password. */
  public HttpResponse<String> send(
      String method, String path, String contentType, String body, String credentials)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", contentType);
    return send(b, credentials);
  }

  /** As {@link #send}, with one more header. */
  public HttpResponse<String> sendWithHeader(
      String method,
      String path,
      String contentType,
      String body,
      String credentials,
      String header,
      String value)
      throws IOException, InterruptedException {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create(base + path))
            .method(method, HttpRequest.BodyPublishers.ofString(body))
            .header("Content-Type", contentType)
            .header(header, value);
    return send(b, credentials);
  }

  private static HttpResponse<String> send(HttpRequest.Builder b, String credentials)
      throws IOException, InterruptedException {
    if (credentials != null) {
      b.header("Authorization", Http.basic(credentials));
    }
    return Http.send(
        b.timeout(Duration.ofSeconds(120)).build(), HttpResponse.BodyHandlers.ofString());
  }
}
