package cn.lzxq.city.data.tileset;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The structural checks of the 3D Tiles 1.0/1.1 specification that registration makes, in the
 * spirit of the 3d-tiles-validator: of a tileset JSON file ({@link #tileset}: asset.version 1.0 or
 * 1.1, geometric errors non-negative and not larger than the parent's, bounding volumes of 12
 * (box), 6 (region) or 4 (sphere) numbers, transforms of 16, refine ADD or REPLACE and given at the
 * root, content URIs relative and inside the tileset's folder) and of a content file ({@link
 * #content}: the magic of its extension, version, and byteLength equal to the file's size; a glTF
 * JSON self-contained). Each problem names the file and the JSON pointer.
 */
public final class TilesetCheck {

  static final JsonMapper JSON = JsonMapper.builder().build();

  private static final Set<String> VERSIONS = Set.of("1.0", "1.1");

  private TilesetCheck() {}

  /**
   * What a tileset JSON file holds.
   *
   * @param json the parsed file (null when it is not JSON)
   * @param uris the files it references (contents and external tilesets), relative to the root
   *     tileset's folder
   * @param regions whether a tile of it has a region bounding volume
   */
  public record Parsed(JsonNode json, List<String> uris, boolean regions) {}

  /**
   * Checks a tileset JSON file, adding problems to {@code problems}.
   *
   * @param path its path relative to the root's folder
   */
  public static Parsed tileset(String path, byte[] bytes, List<String> problems) {
    JsonNode json;
    try {
      json = JSON.readTree(bytes);
    } catch (JacksonException e) {
      problems.add(path + ": not JSON (" + e.getOriginalMessage() + ")");
      return new Parsed(null, List.of(), false);
    }
    Walk w = new Walk(path, problems);
    String version = json.path("asset").path("version").asString("");
    if (!VERSIONS.contains(version)) {
      w.problem("/asset/version", "'" + version + "' is not a 3D Tiles version (1.0 or 1.1)");
    }
    w.nonNegative(json, "", "geometricError");
    if (!json.path("root").isObject()) {
      w.problem("/root", "missing");
    } else {
      if (json.path("root").has("implicitTiling")) {
        w.problem(
            "/root/implicitTiling", "implicit tiling is not registered yet; export it explicit");
      }
      if (!json.path("root").has("refine")) {
        w.problem("/root/refine", "the root tile must give refine (ADD or REPLACE)");
      }
      w.tile(json.get("root"), "/root", json.path("geometricError").asDouble(Double.MAX_VALUE));
    }
    return new Parsed(json, w.uris, w.regions);
  }

  /** One file's walk over its tiles. */
  private static final class Walk {
    final String path;
    final List<String> problems;
    final List<String> uris = new ArrayList<>();
    boolean regions;

    Walk(String path, List<String> problems) {
      this.path = path;
      this.problems = problems;
    }

    void problem(String pointer, String what) {
      problems.add(path + " " + pointer + ": " + what);
    }

    void nonNegative(JsonNode n, String pointer, String field) {
      if (!n.path(field).isNumber() || n.path(field).asDouble() < 0) {
        problem(pointer + "/" + field, "a number ≥ 0 is required");
      }
    }

    void tile(JsonNode t, String pointer, double parentError) {
      nonNegative(t, pointer, "geometricError");
      if (t.path("geometricError").asDouble(0) > parentError) {
        problem(pointer + "/geometricError", "larger than its parent's (" + parentError + ")");
      }
      volume(t.path("boundingVolume"), pointer + "/boundingVolume");
      if (t.has("transform") && !numbers(t.get("transform"), 16)) {
        problem(pointer + "/transform", "16 numbers are required");
      }
      String refine = t.path("refine").asString("REPLACE");
      if (!refine.equals("ADD") && !refine.equals("REPLACE")) {
        problem(pointer + "/refine", "'" + refine + "' is neither ADD nor REPLACE");
      }
      if (t.has("content")) {
        content(t.get("content"), pointer + "/content");
      }
      for (int i = 0; i < t.path("contents").size(); i++) {
        content(t.get("contents").get(i), pointer + "/contents/" + i);
      }
      JsonNode children = t.path("children");
      for (int i = 0; i < children.size(); i++) {
        tile(children.get(i), pointer + "/children/" + i, t.path("geometricError").asDouble(0));
      }
    }

    void volume(JsonNode v, String pointer) {
      if (v.has("box")
          ? numbers(v.get("box"), 12)
          : v.has("sphere")
              ? numbers(v.get("sphere"), 4) && v.get("sphere").get(3).asDouble() >= 0
              : v.has("region") && numbers(v.get("region"), 6)) {
        regions |= v.has("region");
        return;
      }
      problem(pointer, "box (12 numbers), region (6) or sphere (4) is required");
    }

    void content(JsonNode c, String pointer) {
      String uri = c.path("uri").asString(c.path("url").asString(""));
      String resolved = resolve(uri);
      if (resolved == null) {
        problem(
            pointer + "/uri", "'" + uri + "' is not a relative path inside the tileset's folder");
      } else {
        volumeIfAny(c, pointer);
        uris.add(resolved);
      }
    }

    void volumeIfAny(JsonNode c, String pointer) {
      if (c.has("boundingVolume")) {
        volume(c.get("boundingVolume"), pointer + "/boundingVolume");
      }
    }

    /**
     * A content URI relative to this file, as a {@code /}-separated path from the root's folder
     * (percent-escapes decoded, query dropped); null when it is absolute or leaves the folder.
     */
    String resolve(String uri) {
      String raw = uri.split("[?#]", 2)[0];
      String decoded;
      try {
        URI u = new URI(raw);
        if (u.isAbsolute() || u.getRawAuthority() != null) {
          return null;
        }
        decoded = u.getPath();
      } catch (URISyntaxException e) {
        decoded = raw;
      }
      if (decoded == null
          || decoded.isBlank()
          || decoded.startsWith("/")
          || decoded.contains("\\")) {
        return null;
      }
      Path p = Path.of(path.substring(0, path.lastIndexOf('/') + 1) + decoded).normalize();
      return p.startsWith("..") ? null : p.toString().replace('\\', '/');
    }
  }

  private static boolean numbers(JsonNode a, int n) {
    if (!a.isArray() || a.size() != n) {
      return false;
    }
    for (JsonNode x : a) {
      if (!x.isNumber()) {
        return false;
      }
    }
    return true;
  }

  /**
   * Checks a content file by its extension ({@code .b3dm .i3dm .pnts .cmpt .glb .gltf}); returns
   * the problem, or null when it is sound.
   */
  public static String content(String path, byte[] bytes) {
    String ext = path.substring(path.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT);
    if (ext.equals("gltf")) {
      return gltf(path, bytes);
    }
    String magic =
        switch (ext) {
          case "b3dm", "i3dm", "pnts", "cmpt" -> ext;
          case "glb" -> "glTF";
          default -> null;
        };
    if (magic == null) {
      return path + ": ." + ext + " is no 3D Tiles content (b3dm, i3dm, pnts, cmpt, glb, gltf)";
    }
    if (bytes.length < 12 || !new String(bytes, 0, 4, StandardCharsets.US_ASCII).equals(magic)) {
      return path + ": not a " + magic + " file (magic)";
    }
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    int version = b.getInt(4);
    int expected = ext.equals("glb") ? 2 : 1;
    if (version != expected) {
      return path + ": version " + version + ", " + expected + " expected";
    }
    long length = Integer.toUnsignedLong(b.getInt(8));
    if (length != bytes.length) {
      return path + ": byteLength " + length + " but the file has " + bytes.length + " bytes";
    }
    return null;
  }

  /** A glTF JSON file must be 2.0 and self-contained (buffers and images as data: URIs). */
  private static String gltf(String path, byte[] bytes) {
    JsonNode json;
    try {
      json = JSON.readTree(bytes);
    } catch (JacksonException e) {
      return path + ": not JSON (" + e.getOriginalMessage() + ")";
    }
    if (!json.path("asset").path("version").asString("").equals("2.0")) {
      return path + ": not glTF 2.0";
    }
    for (String kind : List.of("buffers", "images")) {
      for (JsonNode n : json.path(kind)) {
        if (n.has("uri") && !n.get("uri").asString("").startsWith("data:")) {
          return path + ": " + kind + " refer to other files; convert it to .glb";
        }
      }
    }
    return null;
  }
}
