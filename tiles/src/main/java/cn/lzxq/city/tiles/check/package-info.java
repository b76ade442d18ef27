/**
 * Checks of produced content that the official validators do not make. The public {@link
 * cn.lzxq.city.tiles.check.ContentBoundsChecker} proves that every vertex of a GLB lies inside its
 * tile's bounding region (3d-tiles-validator issue #233); {@link
 * cn.lzxq.city.tiles.check.GlbReader} decodes GLB JSON and accessors for it and for tests.
 */
package cn.lzxq.city.tiles.check;
