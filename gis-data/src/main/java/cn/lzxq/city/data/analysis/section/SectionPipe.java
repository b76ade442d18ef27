package cn.lzxq.city.data.analysis.section;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;

/**
 * A pipe crossed by a cross-section line. Elevations in metres (1985 datum).
 *
 * @param chainageM distance along the section line from its start, metres
 * @param typeZh the network's Chinese name (给水 …)
 * @param rgb the network's CJJ 61 colour
 * @param sizeMm DN, or the box width, mm
 * @param heightMm box height, mm (null for round pipes)
 * @param topM outer top elevation
 * @param invertM inner invert elevation: the outer underside (centre − half the outer height) plus
 *     the wall (pipe_wall)
 * @param groundM ground above it
 * @param gapToPreviousM horizontal clearance along the section to the previous pipe: Δchainage −
 *     half widths (null for the first)
 * @param clearToPreviousM clear distance between the two outlines in the section plane (null for
 *     the first)
 * @param gapToNextM as gapToPreviousM, to the next pipe
 * @param clearToNextM as clearToPreviousM, to the next pipe
 */
public record SectionPipe(
    long fid,
    String network,
    String typeZh,
    String rgb,
    Integer sizeMm,
    Integer heightMm,
    String material,
    String owner,
    String ownerName,
    double chainageM,
    double topM,
    double invertM,
    Double groundM,
    Double gapToPreviousM,
    Double clearToPreviousM,
    Double gapToNextM,
    Double clearToNextM,
    GeoJson geometry)
    implements Located {}
