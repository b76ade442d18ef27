package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Vec3;

/**
 * A sector antenna panel (0.32 m wide, 0.12 m deep, 1.4 m high) hung at a mount point, facing an
 * azimuth and tilted down.
 */
public final class SectorPanel {

  /** Distance in metres from the tower axis to the panel centre. */
  public static final double STANDOFF = 0.9;

  private SectorPanel() {}

  /**
   * The panel mesh in the tower's local ENU frame.
   *
   * @param mount point on the tower axis at the antenna centre height (local ENU, metres)
   * @param azimuthDeg direction the panel faces, degrees clockwise from north
   * @param downtiltDeg total downtilt (mechanical + electrical), degrees, positive down
   */
  public static MeshData build(Vec3 mount, double azimuthDeg, double downtiltDeg) {
    return AssetMeshes.transformed(unit(), placement(mount, azimuthDeg, downtiltDeg));
  }

  /** The transform from panel axes (x right, y front, z up) to local ENU. */
  public static Matrix4 placement(Vec3 mount, double azimuthDeg, double downtiltDeg) {
    double az = Math.toRadians(azimuthDeg), tilt = Math.toRadians(downtiltDeg);
    Vec3 facing = new Vec3(Math.sin(az), Math.cos(az), 0);
    Vec3 right = facing.cross(Vec3.Z).normalized();
    Vec3 front = facing.times(Math.cos(tilt)).minus(Vec3.Z.times(Math.sin(tilt)));
    Vec3 up = right.cross(front);
    return Matrix4.fromAxes(right, front, up, mount.plus(facing.times(STANDOFF)));
  }

  private static MeshData unit() {
    return Primitives.box(new Vec3(-0.16, -0.06, -0.7), new Vec3(0.16, 0.06, 0.7));
  }
}
