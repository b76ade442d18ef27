package cn.lzxq.city.tiles.tileset;

import java.nio.charset.StandardCharsets;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Serialises a {@link Tileset} to tileset.json bytes (UTF-8, pretty-printed, deterministic). */
public final class TilesetJson {

  private static final JsonMapper MAPPER =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  private TilesetJson() {}

  /** The JSON text of a tileset. */
  public static String toJson(Tileset tileset) {
    return MAPPER.writeValueAsString(tileset);
  }

  /** The UTF-8 bytes of {@link #toJson(Tileset)}. */
  public static byte[] toBytes(Tileset tileset) {
    return toJson(tileset).getBytes(StandardCharsets.UTF_8);
  }
}
