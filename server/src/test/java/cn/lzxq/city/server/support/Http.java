package cn.lzxq.city.server.support;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * The one HTTP client of the server tests (black-box requests to the running server): every test
 * sends through {@link #send}; {@code wfs.OgcClient} adds KVP encoding and bodies on top.
 */
public final class Http {

  private static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private Http() {}

  /** Sends a request (give it a timeout) and reads the body with {@code body}. */
  public static <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> body)
      throws IOException, InterruptedException {
    return CLIENT.send(request, body);
  }

  /** GET {@code url}, body as UTF-8 text, within 30 s. */
  public static HttpResponse<String> get(String url) throws IOException, InterruptedException {
    return send(
        HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The {@code Authorization} header value for HTTP Basic with {@code user:password}. */
  public static String basic(String credentials) {
    return "Basic "
        + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
  }
}
