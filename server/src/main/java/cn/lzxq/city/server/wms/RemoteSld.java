package cn.lzxq.city.server.wms;

import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The SLD document of a GetMap: SLD_BODY, or the document at the SLD URL when its host is in {@code
 * city.wms.remote-sld-hosts} (none by default, so the server fetches nothing a request names).
 */
@Component
class RemoteSld {

  private static final int MAX_BYTES = 1 << 20;

  private final WmsProperties properties;
  private final HttpClient client =
      HttpClient.newBuilder()
          .connectTimeout(Duration.ofSeconds(5))
          .followRedirects(HttpClient.Redirect.NEVER)
          .build();

  RemoteSld(WmsProperties properties) {
    this.properties = properties;
  }

  /** The SLD document of the request, or null. */
  String document(KvpMap kvp) {
    if (kvp.get("SLD_BODY").isPresent()) {
      return kvp.get("SLD_BODY").get();
    }
    if (kvp.get("SLD").isEmpty()) {
      return null;
    }
    URI uri;
    try {
      uri = URI.create(kvp.get("SLD").get());
    } catch (IllegalArgumentException e) {
      throw new OwsException(OwsException.INVALID_PARAMETER_VALUE, "SLD", "SLD is not a URL");
    }
    if (uri.getHost() == null
        || !properties.remoteSldHosts().contains(uri.getHost())
        || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "SLD",
          "SLD documents are not fetched from "
              + uri.getHost()
              + "; send the document in SLD_BODY");
    }
    try {
      HttpResponse<InputStream> r =
          client.send(
              HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10)).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      try (InputStream in = r.body()) {
        byte[] bytes = in.readNBytes(MAX_BYTES + 1);
        if (r.statusCode() != 200 || bytes.length > MAX_BYTES) {
          throw new IOException("HTTP " + r.statusCode() + ", " + bytes.length + " bytes");
        }
        return new String(bytes, StandardCharsets.UTF_8);
      }
    } catch (IOException e) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "SLD",
          "the SLD could not be fetched: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new OwsException(
          OwsException.NO_APPLICABLE_CODE, "SLD", "interrupted while fetching the SLD", 503);
    }
  }
}
