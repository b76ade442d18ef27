package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Vec3;

/**
 * Unit meshes for point assets, meant to be GPU-instanced. Local axes: x along the pipe (or east
 * for an unrotated instance), z up, origin at the anchor point; sizes below are for scale 1.
 */
public final class AssetMeshes {

  private static final int SIDES = 16;

  private AssetMeshes() {}

  /**
   * Manhole shaft: a closed cylinder of radius 0.5 from z = -1 to z = 0 (scale z by the depth, xy
   * by the diameter).
   */
  public static MeshData manholeShaft() {
    return Primitives.cylinder(0.5, -1, 0, SIDES);
  }

  /**
   * Manhole cover: a disc of radius 0.55, 4 cm thick, its top 3 cm above the ground (scale xy
   * only).
   */
  public static MeshData manholeCover() {
    return Primitives.cylinder(0.55, -0.01, 0.03, SIDES);
  }

  /**
   * Gate valve for a pipe of diameter 1 (scale uniformly by the pipe diameter in metres), centred
   * on the pipe axis along x: body, two flanges and a stem with a hand wheel.
   */
  public static MeshData valve() {
    MeshData mesh = new MeshData();
    mesh.append(Primitives.sphere(Vec3.ZERO, 0.62, SIDES));
    for (int side = -1; side <= 1; side += 2) {
      mesh.append(
          Primitives.prism(
              Profile.circle(0.62, SIDES),
              new Vec3(0.55 * side, 0, 0),
              new Vec3(0.8 * side, 0, 0)));
    }
    mesh.append(Primitives.cylinder(0.09, 0.55, 1.25, 8));
    mesh.append(Primitives.cylinder(0.45, 1.25, 1.32, SIDES));
    return mesh;
  }

  /**
   * Pillar fire hydrant, real size (about 0.85 m high; use scale 1): barrel, dome and two outlets.
   */
  public static MeshData hydrant() {
    MeshData mesh = new MeshData();
    mesh.append(Primitives.cylinder(0.16, 0, 0.06, SIDES));
    mesh.append(Primitives.cylinder(0.11, 0.06, 0.7, SIDES));
    mesh.append(Primitives.frustum(new Vec3(0, 0, 0.7), 0.13, new Vec3(0, 0, 0.85), 0.03, SIDES));
    for (int side = -1; side <= 1; side += 2) {
      mesh.append(
          Primitives.prism(
              Profile.circle(0.045, 8),
              new Vec3(0.08 * side, 0, 0.55),
              new Vec3(0.2 * side, 0, 0.55)));
    }
    return mesh;
  }

  /** {@code unit} transformed by a matrix (e.g. an instance transform), as a new mesh. */
  public static MeshData transformed(MeshData unit, Matrix4 transform) {
    MeshData mesh = new MeshData();
    mesh.append(unit, transform);
    return mesh;
  }
}
