package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Vec3;

/**
 * The inverse-transpose of a matrix's linear part, which carries normals through non-uniform
 * scaling.
 */
final class NormalMatrix {

  private NormalMatrix() {}

  static Matrix4 of(Matrix4 m) {
    Vec3 c0 = m.column(0), c1 = m.column(1), c2 = m.column(2);
    Vec3 r0 = c1.cross(c2), r1 = c2.cross(c0), r2 = c0.cross(c1);
    double det = c0.dot(r0);
    if (det == 0) {
      throw new IllegalArgumentException("singular transform");
    }
    // inverse-transpose = cofactor matrix / det; its columns are r0, r1, r2.
    return Matrix4.fromAxes(r0.times(1 / det), r1.times(1 / det), r2.times(1 / det), Vec3.ZERO);
  }
}
