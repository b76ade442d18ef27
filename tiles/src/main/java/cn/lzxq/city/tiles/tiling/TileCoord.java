package cn.lzxq.city.tiles.tiling;

import java.util.List;

/**
 * A quadtree tile: level 0 is the root; x grows east, y grows north, both in 0 .. 2^level - 1.
 *
 * @param level tree level
 * @param x column
 * @param y row
 */
public record TileCoord(int level, long x, long y) {

  /** The root tile. */
  public static final TileCoord ROOT = new TileCoord(0, 0, 0);

  public TileCoord {
    long n = 1L << level;
    if (level < 0 || level > 30 || x < 0 || y < 0 || x >= n || y >= n) {
      throw new IllegalArgumentException("invalid tile " + level + "/" + x + "/" + y);
    }
  }

  /** The four children in Morton order (x bit lowest): (0,0), (1,0), (0,1), (1,1). */
  public List<TileCoord> children() {
    return List.of(child(0), child(1), child(2), child(3));
  }

  /** Child with Morton index {@code m} (0..3). */
  public TileCoord child(int m) {
    return new TileCoord(level + 1, 2 * x + (m & 1), 2 * y + ((m >> 1) & 1));
  }

  /** The parent; the root has none. */
  public TileCoord parent() {
    if (level == 0) {
      throw new IllegalStateException("the root has no parent");
    }
    return new TileCoord(level - 1, x >> 1, y >> 1);
  }

  /** The ancestor at {@code ancestorLevel} (≤ this level). */
  public TileCoord ancestor(int ancestorLevel) {
    int d = level - ancestorLevel;
    return new TileCoord(ancestorLevel, x >> d, y >> d);
  }

  /** Morton (Z-order) index within the level: bits of x at even, bits of y at odd positions. */
  public long morton() {
    long m = 0;
    for (int b = 0; b < level; b++) {
      m |= ((x >> b) & 1L) << (2 * b) | ((y >> b) & 1L) << (2 * b + 1);
    }
    return m;
  }

  /**
   * This tile's Morton index relative to an ancestor (the tile's position inside the ancestor's
   * subtree).
   */
  public long mortonRelativeTo(TileCoord ancestor) {
    int d = level - ancestor.level;
    long mask = (1L << d) - 1;
    return new TileCoord(d, x & mask, y & mask).morton();
  }

  /** The URI path part {@code level/x/y}. */
  public String path() {
    return level + "/" + x + "/" + y;
  }
}
