/**
 * 3D Tiles 1.1 implicit quadtree tiling: tile coordinates and their regions, geometric error and
 * importance (level-of-detail) policies, exact clipping of polylines at tile boundaries, binary
 * {@code .subtree} files and the tileset.json model.
 *
 * <p>Refinement is ADD: a feature appears at exactly one level (the coarsest the {@link
 * cn.lzxq.city.tiles.tiling.ImportancePolicy} allows), in every tile of that level it crosses, cut
 * at the tile boundaries; finer levels add smaller features.
 */
package cn.lzxq.city.tiles.tiling;
