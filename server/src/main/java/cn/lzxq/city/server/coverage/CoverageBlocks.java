package cn.lzxq.city.server.coverage;

import cn.lzxq.city.data.coverage.CoverageSector;
import cn.lzxq.city.data.coverage.CoverageStore;
import java.sql.SQLException;

/**
 * Where decoded coverage blocks are kept between requests. A key names the grid and the change-log
 * position it includes, so an update of the grid makes new keys and nothing needs invalidating.
 * Today one implementation keeps them in memory ({@link MemoryCoverageBlocks}); a shared tile store
 * can take its place.
 */
interface CoverageBlocks {

  /**
   * A block.
   *
   * @param gridId grid id
   * @param changeSeq the grid's change-log position
   */
  record Key(
      long gridId, long changeSeq, CoverageSector.LayerKey layer, int blockRow, int blockCol) {}

  /** Loads a block that is not kept. */
  @FunctionalInterface
  interface Loader {
    CoverageStore.Block load(Key key) throws SQLException;
  }

  /** The block of the key (null when the grid has none), loading it when not kept. */
  CoverageStore.Block get(Key key, Loader loader) throws SQLException;
}
