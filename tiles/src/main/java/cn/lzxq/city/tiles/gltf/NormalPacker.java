package cn.lzxq.city.tiles.gltf;

import cn.lzxq.city.tiles.geo.Vec3;

/**
 * Packs a unit normal into three signed normalized bytes, choosing among the neighbouring roundings
 * the one whose decoded length is closest to 1 (plain rounding can be off by ~1 %, which validators
 * flag as a non-unit normal).
 */
final class NormalPacker {

  private NormalPacker() {}

  static byte[] pack(Vec3 n) {
    double vx = n.x() * 127, vy = n.y() * 127, vz = n.z() * 127;
    int bx = 0, by = 0, bz = 0;
    double bestErr = Double.MAX_VALUE;
    for (int mask = 0; mask < 8; mask++) {
      int cx = component(vx, mask & 1), cy = component(vy, mask & 2), cz = component(vz, mask & 4);
      double len = Math.sqrt(cx * cx + cy * cy + cz * cz);
      double dot = cx * vx + cy * vy + cz * vz;
      double err = Math.abs(len / 127 - 1) + (len == 0 ? 1 : 1 - dot / (len * 127));
      if (err < bestErr) {
        bestErr = err;
        bx = cx;
        by = cy;
        bz = cz;
      }
    }
    return new byte[] {(byte) bx, (byte) by, (byte) bz};
  }

  /** {@code v} rounded down ({@code up} = 0) or up, clamped to ±127. */
  private static int component(double v, int up) {
    return (int) Math.max(-127, Math.min(127, up == 0 ? Math.floor(v) : Math.ceil(v)));
  }
}
