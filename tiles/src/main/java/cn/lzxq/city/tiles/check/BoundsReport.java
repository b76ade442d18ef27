package cn.lzxq.city.tiles.check;

import cn.lzxq.city.tiles.geo.GeoPoint;

/**
 * The outcome of a {@link ContentBoundsChecker} run.
 *
 * @param vertices vertices checked (instanced vertices counted per instance)
 * @param outside vertices farther outside the region than the tolerance
 * @param maxExcessM largest distance (metres) of any vertex outside the region (0 if all inside)
 * @param worst the vertex with the largest excess, or null when none lies outside
 */
public record BoundsReport(long vertices, long outside, double maxExcessM, GeoPoint worst) {

  /**
   * Whether every vertex lies inside (within the tolerance) and at least one vertex was checked.
   */
  public boolean ok() {
    return outside == 0 && vertices > 0;
  }
}
