package cn.lzxq.city.data.analysis.tower;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;
import java.util.List;

/**
 * An existing tower near a proposed site.
 *
 * @param distanceM plan distance from the proposed site, metres
 * @param towerHeightM tower height, metres
 * @param canHost every blocking check passed
 * @param checks the checks (tenants, operator, height, vertical separation, zoning)
 */
public record TowerCandidate(
    String siteCode,
    String siteName,
    String towerType,
    double distanceM,
    double towerHeightM,
    List<String> tenants,
    String parcelCode,
    String landUseCode,
    boolean canHost,
    List<Check> checks,
    GeoJson geometry)
    implements Located {}
