package cn.lzxq.city.data.terrain;

/**
 * One stored DEM version (a row of {@code dem}).
 *
 * @param id version id; tiles and caches are keyed by it
 * @param grid georeferencing (EPSG:4490 degrees)
 * @param tileSize pixels per side of a stored block
 * @param minH lowest height, metres (1985 datum)
 * @param maxH highest height, metres
 * @param source the imported file's name
 */
public record DemVersion(
    long id, DemGrid grid, int tileSize, double minH, double maxH, String source) {}
