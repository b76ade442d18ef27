package cn.lzxq.city.data.tileset;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Where a registered tileset's files come from: a folder, or the base URL of a tileset served over
 * HTTP(S). Paths are relative to the folder of the root {@code tileset.json}, {@code /}-separated,
 * already checked by the caller to stay inside it. Every read is bounded in size (and in time over
 * HTTP).
 */
public interface TilesetSource {

  /** The bytes of a file; {@link NoSuchFileException} when it does not exist. */
  byte[] read(String path, long maxBytes) throws IOException;

  /** Where the tileset comes from, for messages and the version row. */
  String describe();

  /**
   * The source of {@code dirOrUrl}: an http(s) URL of a folder or of its tileset.json, or a folder.
   */
  static TilesetSource of(String dirOrUrl) {
    if (dirOrUrl.startsWith("http://") || dirOrUrl.startsWith("https://")) {
      String base =
          dirOrUrl.endsWith("/tileset.json")
              ? dirOrUrl.substring(0, dirOrUrl.length() - "tileset.json".length())
              : dirOrUrl.endsWith("/") ? dirOrUrl : dirOrUrl + "/";
      return new Http(URI.create(base));
    }
    Path p = Path.of(dirOrUrl).toAbsolutePath().normalize();
    return new Folder(
        p.getFileName() != null && p.getFileName().toString().equals("tileset.json")
            ? p.getParent()
            : p);
  }

  /** A folder on disk. */
  record Folder(Path dir) implements TilesetSource {
    @Override
    public byte[] read(String path, long maxBytes) throws IOException {
      Path f = dir.resolve(path).normalize();
      if (!f.startsWith(dir) || !Files.isRegularFile(f)) {
        throw new NoSuchFileException(path);
      }
      if (Files.size(f) > maxBytes) {
        throw new IOException(Files.size(f) + " bytes, more than " + maxBytes);
      }
      return Files.readAllBytes(f);
    }

    @Override
    public String describe() {
      return dir.toString();
    }
  }

  /** A tileset served over HTTP(S): each file fetched with a 60 s limit. */
  record Http(URI base) implements TilesetSource {
    private static final HttpClient CLIENT =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();

    @Override
    public byte[] read(String path, long maxBytes) throws IOException {
      HttpRequest request =
          HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).GET().build();
      try {
        HttpResponse<InputStream> r =
            CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream in = r.body()) {
          if (r.statusCode() == 404) {
            throw new NoSuchFileException(path);
          }
          if (r.statusCode() != 200) {
            throw new IOException("HTTP " + r.statusCode() + " for " + request.uri());
          }
          byte[] body = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
          if (body.length > maxBytes) {
            throw new IOException("more than " + maxBytes + " bytes");
          }
          return body;
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IOException("interrupted");
      }
    }

    @Override
    public String describe() {
      return base.toString();
    }
  }
}
