package cn.lzxq.city.data.analysis.tower;

import cn.lzxq.city.data.analysis.common.Listing;
import java.time.Instant;
import java.util.List;

/**
 * The answer of a co-location request.
 *
 * @param verdict share (an existing tower can host it: no new tower, 工信部联通〔2008〕235号) or new_tower
 * @param sharedSite the nearest tower that can host it (verdict share), else null
 * @param reasons why, in Chinese and English
 * @param areaType the area type the rules were taken for
 * @param searchRadiusM the search radius, metres (site_rule colocation_search_radius_m)
 * @param candidates towers within the radius, nearest first
 * @param siteFlags QA checks of the proposed position (spacing to the nearest site, antenna height)
 * @param emf the EMF compliance distance and sensitive parcels within it (null without EIRP and
 *     frequency)
 */
public record ColocationResult(
    Instant asOf,
    String verdict,
    String sharedSite,
    List<String> reasons,
    String areaType,
    double searchRadiusM,
    List<TowerCandidate> candidates,
    List<Check> siteFlags,
    EmfResult emf)
    implements Listing<TowerCandidate> {

  @Override
  public List<TowerCandidate> items() {
    return candidates;
  }
}
