package cn.lzxq.city.tiles.tileset;

import java.util.Map;

/**
 * One content of every tile, e.g. one utility network.
 *
 * @param pathPrefix URI prefix of this layer's contents, e.g. {@code "pipe_js/"} (may be empty)
 * @param groupProperties property values of this layer's group (class {@link
 *     ImplicitTilesetFactory#GROUP_CLASS})
 */
public record ContentLayer(String pathPrefix, Map<String, Object> groupProperties) {

  /** The content URI template of this layer: prefix + {@code {level}/{x}/{y}.glb}. */
  public String uriTemplate() {
    return pathPrefix + "{level}/{x}/{y}.glb";
  }
}
