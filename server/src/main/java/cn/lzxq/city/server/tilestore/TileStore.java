package cn.lzxq.city.server.tilestore;

import java.util.function.Predicate;

/**
 * The project's one store of built tiles (2D map and vector tiles, 3D Tiles content, terrain):
 * bytes with the change-log sequence number they were built at, under a relative key such as {@code
 * 2d/pipe_js/default/WebMercatorQuad/now/12/3301/1612.png}. Whether an entry is still valid is the
 * caller's question, answered by the {@link ChangeLog} (a tile is stale when a later change of one
 * of its layers crosses its area), so a store shared by several nodes needs no invalidation
 * messages: any node may read, write or drop any key.
 *
 * <p>{@link LocalTileStore} keeps entries in memory and on a local disk; a shared store (S3, a
 * network folder) implements the same three operations.
 */
public interface TileStore {

  /** The entry of {@code key}, or null when the store has none. */
  CacheEntry get(String key);

  /** Stores an entry, replacing any entry of the key. */
  void put(String key, CacheEntry entry);

  /**
   * Removes the entries whose key starts with {@code prefix} and passes {@code which}.
   *
   * @return the number of entries removed (memory and disk counted once per key)
   */
  long remove(String prefix, Predicate<String> which);
}
