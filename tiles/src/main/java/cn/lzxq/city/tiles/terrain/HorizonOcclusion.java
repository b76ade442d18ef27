package cn.lzxq.city.tiles.terrain;

import cn.lzxq.city.tiles.geo.Ellipsoid;
import cn.lzxq.city.tiles.geo.Vec3;

/**
 * The horizon occlusion point of a tile in ellipsoid-scaled space (coordinates divided by the
 * radii), as Cesium's {@code EllipsoidalOccluder.computeHorizonCullingPoint}: a point along the
 * direction of the tile's centre that is below the horizon only when every vertex is.
 */
final class HorizonOcclusion {

  /** Magnitude of the fallback point, in ellipsoid radii. */
  static final double FAR = 1_000;

  private HorizonOcclusion() {}

  static Vec3 point(Ellipsoid e, Vec3[] ecef, Vec3 centre) {
    Vec3 direction = scaled(e, centre).normalized();
    double magnitude = 0;
    for (Vec3 p : ecef) {
      magnitude = Math.max(magnitude, magnitude(scaled(e, p), direction));
    }
    if (!Double.isFinite(magnitude) || magnitude <= 0) {
      // a tile reaching 90° or more from its centre has no such point; a far one along the centre
      // is hidden only when the camera is on the opposite side of the globe
      return direction.times(FAR);
    }
    return direction.times(magnitude);
  }

  private static double magnitude(Vec3 scaled, Vec3 direction) {
    double squared = scaled.dot(scaled);
    double length = Math.sqrt(squared);
    Vec3 towards = scaled.times(1 / length);
    squared = Math.max(1, squared);
    length = Math.max(1, length);
    double cosAlpha = towards.dot(direction);
    double sinAlpha = towards.cross(direction).length();
    double cosBeta = 1 / length;
    double sinBeta = Math.sqrt(squared - 1) * cosBeta;
    double denominator = cosAlpha * cosBeta - sinAlpha * sinBeta;
    return denominator <= 0 ? Double.POSITIVE_INFINITY : 1 / denominator;
  }

  private static Vec3 scaled(Ellipsoid e, Vec3 p) {
    return new Vec3(p.x() / e.a(), p.y() / e.a(), p.z() / e.b());
  }
}
