package cn.lzxq.city.tiles.tiling;

import cn.lzxq.city.tiles.geo.Region;

/**
 * An implicit quadtree over a root region: each tile's region is an equal subdivision of the root
 * rectangle in longitude and latitude; heights are the root's at every level.
 *
 * @param root the root bounding region
 * @param availableLevels number of levels (root = level 0, deepest = availableLevels - 1)
 * @param subtreeLevels levels per subtree file
 */
public record ImplicitQuadtree(Region root, int availableLevels, int subtreeLevels) {

  public ImplicitQuadtree {
    if (availableLevels < 1 || subtreeLevels < 1 || availableLevels > 30) {
      throw new IllegalArgumentException(
          "invalid level counts " + availableLevels + ", " + subtreeLevels);
    }
  }

  /** The bounding region of a tile. */
  public Region regionOf(TileCoord tile) {
    double n = 1L << tile.level();
    double w = (root.east() - root.west()) / n;
    double h = (root.north() - root.south()) / n;
    double west = root.west() + w * tile.x();
    double south = root.south() + h * tile.y();
    double east = tile.x() + 1 == (long) n ? root.east() : west + w;
    double north = tile.y() + 1 == (long) n ? root.north() : south + h;
    return new Region(west, south, east, north, root.minHeight(), root.maxHeight());
  }

  /**
   * The tile of {@code level} that owns a longitude/latitude in radians (west/south edges
   * inclusive).
   */
  public TileCoord tileAt(int level, double lonRad, double latRad) {
    long n = 1L << level;
    long x = (long) Math.floor((lonRad - root.west()) / (root.east() - root.west()) * n);
    long y = (long) Math.floor((latRad - root.south()) / (root.north() - root.south()) * n);
    return new TileCoord(level, Math.max(0, Math.min(n - 1, x)), Math.max(0, Math.min(n - 1, y)));
  }

  /** Whether {@code tile} is the root of a subtree file. */
  public boolean isSubtreeRoot(TileCoord tile) {
    return tile.level() % subtreeLevels == 0;
  }

  /** The root of the subtree that holds {@code tile}. */
  public TileCoord subtreeRootOf(TileCoord tile) {
    return tile.ancestor(tile.level() - tile.level() % subtreeLevels);
  }
}
