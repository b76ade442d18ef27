package cn.lzxq.city.data.analysis.tower;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;
import cn.lzxq.city.data.analysis.common.RuleRef;

/**
 * A network QA finding on a base station.
 *
 * @param flag too_close, too_far, antenna_too_low/high, downtilt_too_small/large, sector_spacing,
 *     sensitive_parcel_within_protection, sensitive_parcel_within_emf_distance
 * @param other the other site, sector or parcel involved
 * @param sectorNo the sector, for sector flags
 * @param measured the figure found (m, deg)
 * @param limit the rule's figure (for EMF: the compliance distance, m)
 * @param rule the site_rule row
 */
public record SiteFlag(
    String flag,
    String siteCode,
    String other,
    Integer sectorNo,
    double measured,
    double limit,
    RuleRef rule,
    GeoJson geometry)
    implements Located {}
