package cn.lzxq.city.data.analysis.tower;

import cn.lzxq.city.data.analysis.common.RuleRef;
import java.util.List;

/**
 * EMF check of a transmitter at a site.
 *
 * @param complianceDistanceM where S = EIRP/(4πd²) falls to limit × share, metres
 * @param eirpW EIRP, W
 * @param limitWm2 GB 8702 power-density limit at the frequency, W/m²
 * @param share the fraction of the limit one project may use
 * @param protectionDistanceM site_rule emf_sensitive_protection_m, metres
 * @param sensitiveParcels EMF-sensitive parcels within the larger of the two distances
 * @param rules the site_rule rows used
 */
public record EmfResult(
    double complianceDistanceM,
    double eirpW,
    double limitWm2,
    double share,
    double protectionDistanceM,
    List<SensitiveParcel> sensitiveParcels,
    List<RuleRef> rules) {

  /**
   * @param distanceM plan distance from the site, metres (0 = the site is inside)
   * @param withinCompliance closer than the compliance distance
   * @param withinProtection closer than the protection distance
   */
  public record SensitiveParcel(
      String parcelCode,
      String landUseCode,
      String landUseName,
      double distanceM,
      boolean withinCompliance,
      boolean withinProtection) {}
}
