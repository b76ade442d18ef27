package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.server.terrain.DemSource;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * The ground a feature of the 3D Tiles stands on in absolute height mode, so buildings, towers and
 * parcel envelopes stand on the terrain: the lowest DEM height (1985 datum, metres) at its vertices
 * (longitude/latitude), or the recorded ground elevation where there is no DEM or a vertex lies off
 * it.
 */
final class TerrainGround {

  private TerrainGround() {}

  /**
   * @param feature the feature's geometry, EPSG:4490 longitude/latitude
   * @param recorded its recorded ground elevation, metres (1985 datum)
   * @param terrain the current DEM, or null (ground-relative mode, or no DEM imported)
   */
  static double under(Geometry feature, double recorded, DemSource.Dem terrain) {
    if (terrain == null) {
      return recorded;
    }
    double lowest = Double.POSITIVE_INFINITY;
    for (Coordinate c : feature.getCoordinates()) {
      double h = terrain.sample(c.x, c.y);
      if (Double.isNaN(h)) {
        return recorded;
      }
      lowest = Math.min(lowest, h);
    }
    return lowest;
  }
}
