package cn.lzxq.city.data.analysis.coconstruction;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.Located;

/**
 * Two planned works that can be built in one trench (联合施工).
 *
 * @param gapM plan distance between the corridors, metres
 * @param overlapStart first day both are on site (ISO date)
 * @param overlapEnd last day both are on site
 * @param sharedLengthM length along which the corridors run side by side, metres
 * @param excavationSavedM3 one trench instead of two along the shared length: shared length × the
 *     narrower corridor width × the shallower trench depth, m³ (null without depths)
 * @param geometry the shared zone (CRS84)
 */
public record TrenchShare(
    Party a,
    Party b,
    double gapM,
    String overlapStart,
    String overlapEnd,
    double sharedLengthM,
    Double excavationSavedM3,
    GeoJson geometry)
    implements Located {

  /**
   * A project and its owner.
   *
   * @param widthM corridor width (area / length of its minimum rectangle), metres
   */
  public record Party(
      String projectCode,
      String name,
      String owner,
      String ownerName,
      String start,
      String end,
      Double trenchDepthM,
      double widthM) {}
}
