/**
 * Cesium quantized-mesh 1.0 terrain: the geographic tiling scheme of {@code layer.json} ({@link
 * TerrainTiling}: EPSG:4326, TMS rows counted from the south, 2 × 1 tiles at level 0) and the
 * encoding of one tile's height grid ({@link QuantizedMesh}: header, zig-zag delta vertices,
 * high-water-mark indices, edge indices, the {@code octvertexnormals} extension).
 *
 * <p>Units: longitude and latitude in degrees, heights in metres above the ellipsoid. No Spring, no
 * JDBC: the caller samples its DEM into a {@link TerrainGrid}.
 */
package cn.lzxq.city.tiles.terrain;
