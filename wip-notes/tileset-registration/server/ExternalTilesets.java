package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.data.db.ReadExecutor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The files of registered tilesets ({@code city import tileset}, layer {@code photogrammetry}),
 * read from the database per request, so every node serves the same current version.
 */
@Component
public class ExternalTilesets {

  private static final String SQL =
      "SELECT f.body, f.etag FROM external_tileset t JOIN external_tileset_file f ON f.tileset_id = t.id"
          + " WHERE t.name = :name AND t.valid_to IS NULL AND f.path = :path";

  /** A stored file: its bytes and strong ETag. */
  public record File(byte[] body, String etag) {}

  private final ReadExecutor reads;

  public ExternalTilesets(ReadExecutor reads) {
    this.reads = reads;
  }

  /** The file at {@code path} (relative, / separated) of the current version of {@code name}. */
  public Optional<File> file(String name, String path) {
    List<File> rows =
        reads.rows(
            SQL, Map.of("name", name, "path", path), rs -> new File(rs.getBytes(1), rs.getString(2)));
    return rows.stream().findFirst();
  }

  /** The media type of a tileset file by its extension. */
  static String mediaType(String path) {
    String p = path.toLowerCase(java.util.Locale.ROOT);
    if (p.endsWith(".json")) {
      return "application/json";
    }
    if (p.endsWith(".glb")) {
      return "model/gltf-binary";
    }
    if (p.endsWith(".gltf")) {
      return "model/gltf+json";
    }
    if (p.endsWith(".png")) {
      return "image/png";
    }
    if (p.endsWith(".jpg") || p.endsWith(".jpeg")) {
      return "image/jpeg";
    }
    if (p.endsWith(".ktx2")) {
      return "image/ktx2";
    }
    return "application/octet-stream";
  }
}
