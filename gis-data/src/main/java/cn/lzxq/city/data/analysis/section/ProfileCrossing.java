package cn.lzxq.city.data.analysis.section;

/**
 * A pipe crossing the run.
 *
 * @param chainageM along the run, metres
 * @param topM the crossing pipe's top, metres
 * @param invertM its bottom, metres
 * @param verticalClearanceM underside of the upper − top of the lower, metres (negative: they
 *     clash)
 */
public record ProfileCrossing(
    long fid,
    String network,
    Integer sizeMm,
    String owner,
    double chainageM,
    double topM,
    double invertM,
    double verticalClearanceM) {}
