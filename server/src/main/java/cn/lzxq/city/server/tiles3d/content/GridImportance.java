package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.server.tiles3d.grid.Grid;
import cn.lzxq.city.tiles.tiling.ImportancePolicy;

/**
 * The tiles module's default importance policy anchored to tile widths rather than to the root: its
 * root level (DN 1600 and larger) goes to the level whose tiles are about {@value
 * #ANCHOR_TILE_METRES} m wide, so a pipe of a given size appears at the same tile width (and so at
 * the same viewing distance) whatever the extent of the city; each halving of the size still moves
 * it one level finer.
 */
final class GridImportance implements ImportancePolicy {

  /** Tile width (m) that holds the policy's root-level features. */
  static final double ANCHOR_TILE_METRES = 5000;

  private final ImportancePolicy base = ImportancePolicy.defaultPolicy();
  private final int shift;

  GridImportance(Grid grid) {
    this.shift =
        (int)
            Math.max(
                0, Math.round(Math.log(grid.rootWidthMetres() / ANCHOR_TILE_METRES) / Math.log(2)));
  }

  @Override
  public int levelFor(double sizeMm, double lengthMetres, int deepestLevel) {
    int level = base.levelFor(sizeMm, lengthMetres, 64) + shift;
    return Math.max(0, Math.min(deepestLevel, level));
  }
}
