package cn.lzxq.city.tiles.terrain;

import cn.lzxq.city.tiles.geo.Vec3;

/**
 * Oct encoding of unit vectors into two bytes (0..255 each), as Cesium's {@code
 * AttributeCompression.octEncode}.
 */
final class OctEncoding {

  private OctEncoding() {}

  /** The two bytes of a unit vector. */
  static int[] encode(Vec3 v) {
    double sum = Math.abs(v.x()) + Math.abs(v.y()) + Math.abs(v.z());
    double x = v.x() / sum;
    double y = v.y() / sum;
    if (v.z() < 0) {
      double ox = x;
      x = (1 - Math.abs(y)) * signNotZero(ox);
      y = (1 - Math.abs(ox)) * signNotZero(y);
    }
    return new int[] {toSnorm(x), toSnorm(y)};
  }

  private static double signNotZero(double value) {
    return value < 0 ? -1 : 1;
  }

  private static int toSnorm(double value) {
    return (int) Math.round((Math.max(-1, Math.min(1, value)) * 0.5 + 0.5) * 255);
  }
}
