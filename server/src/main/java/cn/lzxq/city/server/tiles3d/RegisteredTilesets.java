package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ValidTime;
import cn.lzxq.city.server.tilestore.CacheEntry;
import cn.lzxq.city.server.tilestore.TileStore;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Component;

/**
 * The tilesets registered with {@code city import tileset} (tables {@code external_tileset}, {@code
 * external_tileset_file}, V72): the current version of a name is looked up in the database on every
 * request (so every node serves the same one), its files are kept in the {@link TileStore} under
 * {@code 3d/registered/<version>/<path>} (a version never changes, so an entry is never stale) and
 * served with strong ETags and a short must-revalidate lifetime (the URL names no version).
 */
@Component
public class RegisteredTilesets {

  private static final String CURRENT =
      "SELECT id FROM external_tileset t WHERE name = :name AND " + ValidTime.now("t");

  private static final String FILE =
      "SELECT body FROM external_tileset_file WHERE tileset_id = :id AND path = :path";

  private static final String LIST =
      "SELECT name, note, ST_XMin(b) AS w, ST_YMin(b) AS s, ST_XMax(b) AS e, ST_YMax(b) AS n FROM"
          + " (SELECT name, note, ST_Transform(geom, 4490)::box2d AS b FROM external_tileset t WHERE "
          + ValidTime.now("t")
          + ") x ORDER BY name";

  private final ReadExecutor reads;
  private final TileStore store;

  public RegisteredTilesets(ReadExecutor reads, TileStore store) {
    this.reads = reads;
    this.store = store;
  }

  /**
   * A file of the current version of {@code name}; {@link NoSuchElementException} (404) when the
   * name or the path is unknown.
   *
   * @param path relative to the tileset's folder, {@code /}-separated
   */
  public TileResource file(String name, String path) {
    long id =
        reads.rows(CURRENT, Map.of("name", name), rs -> rs.getLong(1)).stream()
            .findFirst()
            .orElseThrow(() -> new NoSuchElementException("no tileset " + name));
    String key = "3d/registered/" + id + "/" + path;
    CacheEntry e = store.get(key);
    if (e == null) {
      byte[] body =
          reads.rows(FILE, Map.of("id", id, "path", path), rs -> rs.getBytes(1)).stream()
              .findFirst()
              .orElseThrow(() -> new NoSuchElementException("no file " + path + " in " + name));
      e = new CacheEntry(body, 0);
      store.put(key, e);
    }
    return new TileResource(e, mediaType(path), false);
  }

  /** The current registered tilesets for the catalog: name, url, note and lon/lat extent. */
  public List<Map<String, Object>> list() {
    return reads.rows(
        LIST,
        Map.of(),
        rs -> {
          Map<String, Object> t = new LinkedHashMap<>();
          t.put("name", rs.getString("name"));
          t.put("url", "/3dtiles/" + rs.getString("name") + "/tileset.json");
          t.put("registered", true);
          t.put("note", rs.getString("note"));
          t.put(
              "extent",
              List.of(rs.getDouble("w"), rs.getDouble("s"), rs.getDouble("e"), rs.getDouble("n")));
          return t;
        });
  }

  /** The media type of a tileset file by its extension. */
  static String mediaType(String path) {
    String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    return switch (ext) {
      case "json" -> TileResource.JSON;
      case "glb" -> TileResource.GLB;
      case "gltf" -> "model/gltf+json";
      default -> "application/octet-stream";
    };
  }
}
