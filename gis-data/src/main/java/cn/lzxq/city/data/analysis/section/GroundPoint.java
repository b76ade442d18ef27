package cn.lzxq.city.data.analysis.section;

/**
 * A point of a ground line: chainage along the line and ground elevation, metres (null where
 * unknown).
 */
public record GroundPoint(double chainageM, Double groundM) {}
