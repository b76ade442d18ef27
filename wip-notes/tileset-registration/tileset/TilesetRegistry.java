package cn.lzxq.city.data.tileset;

import cn.lzxq.city.data.db.ValidTime;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Registers an existing 3D Tiles tileset folder (photogrammetry) as the current version of a
 * named tileset of the {@code photogrammetry} layer: every file is stored in the database, the root
 * {@code tileset.json} with its root transform adjusted ({@link RootAdjustment}). Checked before
 * anything is written: a readable folder with {@code tileset.json} at its top holding a JSON
 * tileset ({@code asset.version}, {@code root.boundingVolume}), at most {@value #MAX_FILES} files
 * and {@value #MAX_BYTES} bytes, a name not used by the built tilesets.
 */
public final class TilesetRegistry {

  /** The catalog layer of registered tilesets. */
  public static final String LAYER = "photogrammetry";

  static final int MAX_FILES = 200_000;
  static final long MAX_BYTES = 4L * 1024 * 1024 * 1024;

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final Set<String> reserved;

  /**
   * @param reserved names of the built tilesets (city, pipe_js, buildings …), refused as names
   */
  public TilesetRegistry(Set<String> reserved) {
    this.reserved = Set.copyOf(reserved);
  }

  /** What a registration stored. */
  public record Registered(long id, int files, long bytes) {}

  /**
   * Stores the folder as the current version of {@code name}, in the caller's transaction.
   *
   * @throws TilesetImportException naming the folder or file that is wrong; nothing is written
   */
  public Registered register(
      Connection c, String name, Path dir, double heightOffsetM, String note, String user, int srid)
      throws TilesetImportException, SQLException, IOException {
    if (!name.matches("[a-z][a-z0-9_-]{0,39}") || reserved.contains(name)) {
      throw new TilesetImportException(
          "name '" + name + "': use a-z, 0-9, _ or -, at most 40, not one of " + reserved);
    }
    Path root = dir.resolve("tileset.json");
    if (!Files.isRegularFile(root)) {
      throw new TilesetImportException(dir + ": no tileset.json in the folder");
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(dir)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    long bytes = 0;
    for (Path f : files) {
      bytes += Files.size(f);
    }
    if (files.size() > MAX_FILES || bytes > MAX_BYTES) {
      throw new TilesetImportException(
          dir + ": " + files.size() + " files, " + bytes + " bytes; at most " + MAX_FILES + " and " + MAX_BYTES);
    }
    ObjectNode tileset = tileset(root);
    RootAdjustment.Placed placed = RootAdjustment.apply(tileset, heightOffsetM);
    try (PreparedStatement p =
        c.prepareStatement("UPDATE external_tileset SET valid_to = now() WHERE name = ? AND " + ValidTime.open(""))) {
      p.setString(1, name);
      p.executeUpdate();
    }
    long id;
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO external_tileset (name, source, note, height_offset_m, files, bytes, geom, changed_by)"
                + " VALUES (?, ?, ?, ?, ?, ?, CASE WHEN CAST(? AS float8) IS NULL THEN NULL ELSE"
                + " ST_Transform(ST_MakeEnvelope(?, ?, ?, ?, 4326), ?) END, ?) RETURNING id")) {
      p.setString(1, name);
      p.setString(2, dir.toAbsolutePath().toString());
      p.setString(3, note);
      p.setDouble(4, heightOffsetM);
      p.setInt(5, files.size());
      p.setLong(6, bytes);
      double[] box = placed.lonLatBox();
      p.setObject(7, box == null ? null : box[0]);
      for (int i = 0; i < 4; i++) {
        p.setObject(8 + i, box == null ? null : box[i]);
      }
      p.setInt(12, srid);
      p.setString(13, user);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        id = rs.getLong(1);
      }
    }
    try (PreparedStatement p =
        c.prepareStatement(
            "INSERT INTO external_tileset_file (tileset_id, path, body, etag) VALUES (?, ?, ?, ?)")) {
      for (Path f : files) {
        byte[] body = f.equals(root) ? JSON.writeValueAsBytes(tileset) : Files.readAllBytes(f);
        p.setLong(1, id);
        p.setString(2, dir.relativize(f).toString().replace('\\', '/'));
        p.setBytes(3, body);
        p.setString(4, sha256(body));
        p.executeUpdate();
      }
    }
    return new Registered(id, files.size(), bytes);
  }

  private static ObjectNode tileset(Path root) throws TilesetImportException, IOException {
    JsonNode json;
    try {
      json = JSON.readTree(root.toFile());
    } catch (JacksonException e) {
      throw new TilesetImportException(root + ": not JSON (" + e.getOriginalMessage() + ")");
    }
    if (!(json instanceof ObjectNode o)
        || !json.path("asset").path("version").isString()
        || !json.path("root").path("boundingVolume").isObject()
        || !json.path("geometricError").isNumber()) {
      throw new TilesetImportException(
          root + ": not a 3D Tiles tileset (asset.version, geometricError and root.boundingVolume required)");
    }
    if (json.at("/root/transform") instanceof ArrayNode t && t.size() != 16) {
      throw new TilesetImportException(root + ": root.transform is not 16 numbers");
    }
    return o;
  }

  /** The strong ETag of a body: its SHA-256 in hex, quoted. */
  static String sha256(byte[] body) {
    try {
      return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)) + "\"";
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
