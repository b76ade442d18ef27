package cn.lzxq.city.data.analysis.section;

/**
 * A segment of a longitudinal profile in run order.
 *
 * @param fromPoint the point the run enters by
 * @param toPoint the point it leaves by
 * @param lengthM plan length, metres
 * @param slope invert fall per metre along the run (positive = falling), dimensionless
 */
public record ProfileSegment(
    long fid, String fromPoint, String toPoint, double lengthM, double slope) {}
