package cn.lzxq.city.server.maptiles;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * 2D tiles (WMTS, OGC API – Tiles): {@code city.map-tiles.*}.
 *
 * @param metatile tiles across and down rendered as one map (raster tiles): labels crossing a tile
 *     edge inside the block are drawn whole
 * @param gutterPx pixels rendered around a metatile and thrown away, so symbols and labels reaching
 *     in from outside the block are drawn
 * @param labelBufferPx the farthest a symbol or label reaches from its feature, pixels: an edit
 *     invalidates raster tiles this far around its extent (besides the metatile)
 * @param mvtExtent vector tile extent (units per tile side)
 * @param mvtBuffer vector tile buffer in tile units: geometries are clipped this far outside the
 *     tile, and an edit invalidates vector tiles this far around its extent
 * @param nativeLeft easting of the top-left corner of the native set, native CRS metres
 * @param nativeTop northing of the top-left corner of the native set, native CRS metres
 * @param nativeCellSize0 metres per pixel at level 0 of the native set (one tile covers 256 times
 *     this)
 * @param nativeMaxLevel deepest level of the native set
 * @param maxLevel deepest level of the WebMercatorQuad and CGCS2000Quad sets
 * @param seedMaxTiles the most tiles one seeding job may build
 */
@ConfigurationProperties("city.map-tiles")
public record MapTilesProperties(
    @DefaultValue("4") int metatile,
    @DefaultValue("32") int gutterPx,
    @DefaultValue("64") int labelBufferPx,
    @DefaultValue("4096") int mvtExtent,
    @DefaultValue("256") int mvtBuffer,
    @DefaultValue("300000") double nativeLeft,
    @DefaultValue("4200000") double nativeTop,
    @DefaultValue("1024") double nativeCellSize0,
    @DefaultValue("18") int nativeMaxLevel,
    @DefaultValue("20") int maxLevel,
    @DefaultValue("200000") long seedMaxTiles) {}
