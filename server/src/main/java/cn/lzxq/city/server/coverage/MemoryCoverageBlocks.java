package cn.lzxq.city.server.coverage;

import cn.lzxq.city.data.coverage.CoverageStore;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/** The most recently used coverage blocks in memory (least recently used dropped first). */
final class MemoryCoverageBlocks implements CoverageBlocks {

  private final Map<Key, Optional<CoverageStore.Block>> blocks;

  /**
   * @param maxBlocks blocks kept (one is 768 KiB: RSRP, SINR and server of 256 × 256 cells)
   */
  MemoryCoverageBlocks(int maxBlocks) {
    this.blocks =
        new LinkedHashMap<>(16, 0.75f, true) {
          @Override
          protected boolean removeEldestEntry(Map.Entry<Key, Optional<CoverageStore.Block>> e) {
            return size() > maxBlocks;
          }
        };
  }

  @Override
  public CoverageStore.Block get(Key key, Loader loader) throws SQLException {
    synchronized (blocks) {
      Optional<CoverageStore.Block> kept = blocks.get(key);
      if (kept != null) {
        return kept.orElse(null);
      }
    }
    CoverageStore.Block b = loader.load(key);
    synchronized (blocks) {
      blocks.put(key, Optional.ofNullable(b));
    }
    return b;
  }
}
