package cn.lzxq.city.server.tiles3d.grid;

import cn.lzxq.city.server.tiles3d.ContentKind;
import cn.lzxq.city.server.tiles3d.HeightMode;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.tiling.GeometricErrorPolicy;
import cn.lzxq.city.tiles.tiling.ImplicitQuadtree;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.util.List;
import java.util.Map;

/**
 * The one tile grid every tileset shares (so a network's tile content is the same bytes in its own
 * tileset and in {@code city}): an implicit quadtree over the data extent, squared in metres.
 * Content depends only on a tile's longitude/latitude rectangle; each tileset's bounding heights
 * come from {@link #treeFor} (the height range of its layers in the requested height mode).
 *
 * @param tree the quadtree (root rectangle in radians; heights of the whole city, ground mode)
 * @param layers per-layer extents by layer name
 * @param errorFactor geometric error as a fraction of a tile's width
 * @param anomalyM height anomaly for absolute heights, metres
 * @param rankings per pipe layer, its importance levels by rank ({@link ImportanceRanking})
 * @param signature short text identifying the grid (changes when the extent or levels change)
 */
public record Grid(
    ImplicitQuadtree tree,
    Map<String, LayerExtent> layers,
    double errorFactor,
    double anomalyM,
    Map<String, ImportanceRanking> rankings,
    String signature) {

  /** The deepest level. */
  public int deepest() {
    return tree.availableLevels() - 1;
  }

  /** A tile's region (radians; heights are the grid's, not the tileset's). */
  public Region region(TileCoord tile) {
    return tree.regionOf(tile);
  }

  /** Width of the root tile in metres. */
  public double rootWidthMetres() {
    return tree.root().widthMetres();
  }

  /** Geometric error per level: {@code errorFactor} × tile width (metres). */
  public GeometricErrorPolicy errors() {
    double root = errorFactor * rootWidthMetres();
    return level -> root / Math.pow(2, level);
  }

  /**
   * The quadtree of a tileset: the grid's rectangle with the height range of its contents in {@code
   * mode}.
   */
  public ImplicitQuadtree treeFor(List<ContentKind> kinds, HeightMode mode) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (ContentKind k : kinds) {
      for (String layer : k.layers()) {
        LayerExtent e = layers.get(layer);
        if (e != null) {
          min =
              Math.min(
                  min,
                  mode == HeightMode.GROUND ? e.relMin() : e.groundMin() + e.relMin() + anomalyM);
          max =
              Math.max(
                  max,
                  mode == HeightMode.GROUND ? e.relMax() : e.groundMax() + e.relMax() + anomalyM);
        }
      }
    }
    if (min > max) {
      min = -1;
      max = 1;
    }
    Region r = tree.root();
    return new ImplicitQuadtree(
        new Region(
            r.west(), r.south(), r.east(), r.north(), Math.floor(min - 1), Math.ceil(max + 1)),
        tree.availableLevels(),
        tree.subtreeLevels());
  }
}
