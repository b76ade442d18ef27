package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.server.tilestore.CacheEntry;

/**
 * A response body of the 3D Tiles endpoints.
 *
 * @param entry bytes, ETag and gzip form
 * @param contentType media type
 * @param immutable true when the view is of a past time (cacheable for long)
 */
public record TileResource(CacheEntry entry, String contentType, boolean immutable) {

  public static final String JSON = "application/json";
  public static final String SUBTREE = "application/octet-stream";
  public static final String GLB = "model/gltf-binary";
}
