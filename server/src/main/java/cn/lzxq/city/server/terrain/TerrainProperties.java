package cn.lzxq.city.server.terrain;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Terrain settings: {@code city.terrain.*} in application.yml. The height anomaly ζ is the one of
 * the 3D Tiles ({@code city.tiles3d.height-anomaly-m}), so terrain and tiles share it; built tiles
 * go to the tile store ({@code city.tile-store.*}).
 *
 * @param gridSize vertices per side of a terrain tile (a regular grid, 2..256)
 * @param globeLevels levels 0..globeLevels are available over the whole globe (flat outside the
 *     DEM)
 * @param demCacheMb DEM pixels kept in memory, MiB
 */
@ConfigurationProperties("city.terrain")
public record TerrainProperties(
    @DefaultValue("65") int gridSize,
    @DefaultValue("5") int globeLevels,
    @DefaultValue("128") int demCacheMb) {}
