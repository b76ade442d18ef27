package cn.lzxq.city.server.tiles3d;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * 3D Tiles settings: {@code city.tiles3d.*} in application.yml.
 *
 * @param heightAnomalyM height anomaly ζ in metres added to 1985 normal heights in {@code
 *     ?heights=absolute} mode to get ellipsoid heights (h = H + ζ). For Lanzhou New Area the
 *     CGCS2000 quasi-geoid lies about 30 m below the ellipsoid there, so ζ ≈ −30 m (take the local
 *     value from the survey's quasi-geoid model; it is a constant here, not a grid)
 * @param leafTileMetres target width of the deepest tiles in metres; the number of levels follows
 *     from the data extent
 * @param subtreeLevels levels per subtree file
 * @param errorFactor geometric error of a tile as a fraction of its width. A camera that just sees
 *     the whole (square) root at the default screen-space error 16 on 1080 rows refines level L
 *     while 1080 × factor / 2^L > 16: with 0.05 it stops at level 2 (13.5), so a city-wide view
 *     loads at most 21 tiles' contents
 * @param featuresPerTile the average number of pipe segments a tile of a level above the deepest
 *     holds per network: each network's importance levels are shifted so that levels 0..L hold at
 *     most this × 4^L of its segments ({@code grid.ImportanceRanking}), which bounds what a
 *     city-wide view loads and draws (software WebGL included) whatever the network's sizes
 * @param warmUpTimeout how long the start-up warm-up ({@link TilesWarmUp}) may hold the readiness
 *     state back; zero turns the warm-up off
 */
@ConfigurationProperties("city.tiles3d")
public record Tiles3dProperties(
    @DefaultValue("-30") double heightAnomalyM,
    @DefaultValue("300") double leafTileMetres,
    @DefaultValue("4") int subtreeLevels,
    @DefaultValue("0.05") double errorFactor,
    @DefaultValue("32") int featuresPerTile,
    @DefaultValue("60s") Duration warmUpTimeout) {}
