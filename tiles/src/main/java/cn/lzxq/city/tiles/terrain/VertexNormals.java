package cn.lzxq.city.tiles.terrain;

import cn.lzxq.city.tiles.geo.Vec3;

/**
 * Per-vertex unit normals of a grid mesh in ECEF: central differences along the rows and columns.
 */
final class VertexNormals {

  private VertexNormals() {}

  /** The normal of each vertex of an {@code n × n} grid (row-major from the south-west). */
  static Vec3[] of(Vec3[] ecef, int n) {
    Vec3[] out = new Vec3[ecef.length];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        Vec3 east = ecef[j * n + Math.min(i + 1, n - 1)].minus(ecef[j * n + Math.max(i - 1, 0)]);
        Vec3 north = ecef[Math.min(j + 1, n - 1) * n + i].minus(ecef[Math.max(j - 1, 0) * n + i]);
        out[j * n + i] = east.cross(north).normalized();
      }
    }
    return out;
  }
}
