package cn.lzxq.city.data.analysis.clearance;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.pipe.PipeRef;

/**
 * A pipe closer in plan to a feature (tower, building, kerb) than GB 50289-2016 Table 4.1.9 allows.
 *
 * @param pipe the pipe
 * @param feature the feature
 * @param measuredM plan distance from the pipe's outer wall to the feature (its centre for a tower,
 *     its footprint for a building, the kerb line; 0 when the pipe runs under it), metres
 * @param requiredM the rule's minimum, metres
 * @param rule the governing clearance_rule row
 * @param geometry the feature's point nearest the pipe (CRS84)
 */
public record FeatureClearanceViolation(
    PipeRef pipe,
    FeatureRef feature,
    double measuredM,
    double requiredM,
    RuleRef rule,
    GeoJson geometry)
    implements Located {}
