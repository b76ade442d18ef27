/**
 * The tileset.json model of a 3D Tiles 1.1 implicit tileset as records, serialised with Jackson 3
 * ({@link cn.lzxq.city.tiles.tileset.TilesetJson}), and {@link
 * cn.lzxq.city.tiles.tileset.ImplicitTilesetFactory} which builds one from a quadtree, a
 * geometric-error policy and content layers (one content group per layer, e.g. per network).
 */
package cn.lzxq.city.tiles.tileset;
