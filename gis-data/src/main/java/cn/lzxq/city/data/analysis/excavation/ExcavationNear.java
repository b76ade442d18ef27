package cn.lzxq.city.data.analysis.excavation;

import cn.lzxq.city.data.analysis.common.GeoJson;

/**
 * A pipe outside the pit but within the protection distance of its edge.
 *
 * @param label DN300, or W×H (800×300) for a box or duct bank
 * @param distanceM plan distance from its outer wall to the pit edge, metres
 * @param geometry the segment (CRS84)
 */
public record ExcavationNear(
    long fid,
    String network,
    String label,
    String owner,
    String ownerName,
    double distanceM,
    GeoJson geometry) {}
