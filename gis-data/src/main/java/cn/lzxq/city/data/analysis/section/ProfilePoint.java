package cn.lzxq.city.data.analysis.section;

/**
 * A node of a longitudinal profile. Elevations in metres (1985 datum).
 *
 * @param pointNo the surveyed point number (物探点号)
 * @param chainageM distance along the run from its start, metres
 * @param topM outer top of the run there
 * @param invertM underside of the run's outer wall there (centre − half the outer height)
 * @param depthM ground − top (cover), metres
 */
public record ProfilePoint(
    String pointNo, double chainageM, Double groundM, double topM, double invertM, Double depthM) {}
