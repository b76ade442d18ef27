package cn.lzxq.city.tiles.tileset;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A tileset.json document.
 *
 * @param asset {@code asset.version} "1.1" and an optional tileset version
 * @param schema metadata schema (classes for groups), or null
 * @param groups content groups, or null
 * @param geometricError error in metres when the tileset is not rendered
 * @param root the root tile
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tileset(
    Asset asset, Schema schema, List<Group> groups, double geometricError, Tile root) {

  /**
   * @param version 3D Tiles version, "1.1"
   * @param tilesetVersion application version (CesiumJS appends it to requests; bump on edits)
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record Asset(String version, String tilesetVersion) {}
}
