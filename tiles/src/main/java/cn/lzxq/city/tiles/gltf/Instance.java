package cn.lzxq.city.tiles.gltf;

import cn.lzxq.city.tiles.geo.Vec3;

/**
 * One GPU instance of a prototype mesh.
 *
 * @param feature feature ID (row of the group's table)
 * @param translation anchor in the tile's local ENU frame (metres)
 * @param yawRad rotation about local up, radians counter-clockwise from east
 * @param scale per-axis scale of the prototype
 */
public record Instance(int feature, Vec3 translation, double yawRad, Vec3 scale) {

  /** The rotation as a unit quaternion (x, y, z, w) about +z. */
  public double[] quaternion() {
    return new double[] {0, 0, Math.sin(yawRad / 2), Math.cos(yawRad / 2)};
  }
}
