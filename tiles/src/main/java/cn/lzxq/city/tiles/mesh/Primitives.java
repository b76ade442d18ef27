package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.Vec3;
import java.util.List;

/** Closed solids (outward normals) used to compose assets, towers and fittings. Metres. */
public final class Primitives {

  private Primitives() {}

  /** A closed prism of {@code profile} from {@code a} to {@code b}. */
  public static MeshData prism(Profile profile, Vec3 a, Vec3 b) {
    return Sweep.sweep(profile, List.of(a, b), null, true, true);
  }

  /** A closed vertical cylinder around the z axis from height z0 to z1. */
  public static MeshData cylinder(double radius, double z0, double z1, int sides) {
    return prism(Profile.circle(radius, sides), new Vec3(0, 0, z0), new Vec3(0, 0, z1));
  }

  /**
   * A closed frustum (cone when {@code r1} is tiny) from {@code a} (radius r0) to {@code b} (radius
   * r1).
   */
  public static MeshData frustum(Vec3 a, double r0, Vec3 b, double r1, int sides) {
    double big = Math.max(r0, r1);
    return Sweep.sweep(
        Profile.circle(big, sides), List.of(a, b), new double[] {r0 / big, r1 / big}, true, true);
  }

  /** An axis-aligned closed box between two corners. */
  public static MeshData box(Vec3 min, Vec3 max) {
    double cx = (min.x() + max.x()) / 2, cy = (min.y() + max.y()) / 2;
    return prism(
        Profile.rectangle(max.y() - min.y(), max.x() - min.x()),
        new Vec3(cx, cy, min.z()),
        new Vec3(cx, cy, max.z()));
  }

  /** A UV sphere with {@code segments} around and {@code segments / 2} rings from pole to pole. */
  public static MeshData sphere(Vec3 centre, double radius, int segments) {
    MeshData mesh = new MeshData();
    int rings = Math.max(2, segments / 2);
    int south = mesh.addVertex(centre.plus(new Vec3(0, 0, -radius)), new Vec3(0, 0, -1));
    int[][] grid = new int[rings - 1][segments];
    for (int r = 1; r < rings; r++) {
      double lat = -Math.PI / 2 + Math.PI * r / rings;
      for (int s = 0; s < segments; s++) {
        double lon = 2 * Math.PI * s / segments;
        Vec3 n =
            new Vec3(Math.cos(lat) * Math.cos(lon), Math.cos(lat) * Math.sin(lon), Math.sin(lat));
        grid[r - 1][s] = mesh.addVertex(centre.plus(n.times(radius)), n);
      }
    }
    int north = mesh.addVertex(centre.plus(new Vec3(0, 0, radius)), new Vec3(0, 0, 1));
    for (int s = 0; s < segments; s++) {
      int s1 = (s + 1) % segments;
      mesh.addTriangle(south, grid[0][s1], grid[0][s]);
      for (int r = 0; r + 1 < rings - 1; r++) {
        mesh.addQuad(grid[r][s], grid[r][s1], grid[r + 1][s1], grid[r + 1][s]);
      }
      mesh.addTriangle(north, grid[rings - 2][s], grid[rings - 2][s1]);
    }
    return mesh;
  }
}
