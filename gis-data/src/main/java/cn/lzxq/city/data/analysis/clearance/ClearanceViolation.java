package cn.lzxq.city.data.analysis.clearance;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.pipe.PipeRef;

/**
 * A pair of pipes closer than the governing clearance rule allows (wall to wall).
 *
 * @param direction horizontal (in plan) or vertical (at a crossing)
 * @param measuredM the clearance found, metres (negative: the solids overlap)
 * @param requiredM the rule's minimum, metres
 * @param centreDistanceM horizontal: plan distance between centrelines; vertical: difference of
 *     centre elevations, metres
 * @param upperFid vertical only: the fid of the upper pipe
 * @param rule the governing clearance_rule row
 * @param geometry where: the middle of the shortest plan line, or the crossing (CRS84)
 */
public record ClearanceViolation(
    String direction,
    PipeRef a,
    PipeRef b,
    double measuredM,
    double requiredM,
    double centreDistanceM,
    Long upperFid,
    RuleRef rule,
    GeoJson geometry)
    implements Located {}
