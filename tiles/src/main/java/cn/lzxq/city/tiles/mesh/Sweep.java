package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * Sweeps a {@link Profile} along a 3D polyline. The profile keeps its "up" (v) axis as close to
 * local vertical as the direction allows, so rectangular ducts do not twist. At every interior
 * station the ring is a mitre: it lies in the bisector plane of the two segments, so adjacent
 * segments share the ring and there is no gap or crack. Arcs at bends come from {@link
 * CentrelinePath}, which makes the mitre angles small.
 */
public final class Sweep {

  private Sweep() {}

  /**
   * Sweeps {@code profile} along {@code path}.
   *
   * @param path at least two distinct points, metres
   * @param scales profile scale per path point (same size as {@code path}), e.g. for reducers;
   *     {@code null} for 1 everywhere
   * @param capStart close the start with a flat cap facing backwards
   * @param capEnd close the end with a flat cap facing forwards
   * @return the swept surface; empty when the path has fewer than two distinct points
   */
  public static MeshData sweep(
      Profile profile, List<Vec3> path, double[] scales, boolean capStart, boolean capEnd) {
    List<Vec3> pts = new ArrayList<>();
    List<Double> sc = new ArrayList<>();
    for (int i = 0; i < path.size(); i++) {
      if (pts.isEmpty() || pts.get(pts.size() - 1).distance(path.get(i)) > 1e-6) {
        pts.add(path.get(i));
        sc.add(scales == null ? 1.0 : scales[i]);
      }
    }
    MeshData mesh = new MeshData();
    if (pts.size() < 2) {
      return mesh;
    }
    int n = profile.size();
    int[][] rings = new int[pts.size()][];
    for (int i = 0; i < pts.size(); i++) {
      rings[i] = ring(mesh, profile, pts, i, sc.get(i));
    }
    int[] e = profile.edges();
    for (int i = 0; i + 1 < pts.size(); i++) {
      for (int k = 0; k < e.length; k += 2) {
        int a = e[k], b = e[k + 1];
        mesh.addQuad(rings[i][a], rings[i + 1][a], rings[i + 1][b], rings[i][b]);
      }
    }
    if (capStart) {
      cap(mesh, profile, pts, 0, sc.get(0), false);
    }
    if (capEnd) {
      cap(mesh, profile, pts, pts.size() - 1, sc.get(pts.size() - 1), true);
    }
    assert n > 0;
    return mesh;
  }

  /** Forward unit direction at station i: the bisector at interior stations. */
  static Vec3 tangent(List<Vec3> pts, int i) {
    Vec3 in = i > 0 ? pts.get(i).minus(pts.get(i - 1)).normalized() : null;
    Vec3 out = i + 1 < pts.size() ? pts.get(i + 1).minus(pts.get(i)).normalized() : null;
    if (in == null) {
      return out;
    }
    if (out == null) {
      return in;
    }
    Vec3 t = in.plus(out);
    return t.length() < 1e-9 ? in : t.normalized();
  }

  /** Right and up unit axes for a forward direction, up as close to +z as possible. */
  static Vec3[] frame(Vec3 forward) {
    Vec3 right = forward.cross(Vec3.Z);
    if (right.length() < 1e-6) {
      right = forward.cross(Vec3.Y);
    }
    right = right.normalized();
    return new Vec3[] {right, right.cross(forward).normalized()};
  }

  private static int[] ring(MeshData mesh, Profile p, List<Vec3> pts, int i, double scale) {
    Vec3 t = tangent(pts, i);
    Vec3 seg = i > 0 ? pts.get(i).minus(pts.get(i - 1)).normalized() : t;
    Vec3[] segFrame = frame(seg);
    Vec3[] bisFrame = frame(t);
    double cos = seg.dot(t);
    int[] ids = new int[p.size()];
    for (int k = 0; k < p.size(); k++) {
      Vec3 w = segFrame[0].times(p.u()[k] * scale).plus(segFrame[1].times(p.v()[k] * scale));
      Vec3 mitred = w.minus(seg.times(w.dot(t) / cos));
      Vec3 normal = bisFrame[0].times(p.nu()[k]).plus(bisFrame[1].times(p.nv()[k]));
      ids[k] = mesh.addVertex(pts.get(i).plus(mitred), normal);
    }
    return ids;
  }

  private static void cap(
      MeshData mesh, Profile p, List<Vec3> pts, int i, double scale, boolean end) {
    Vec3 t = tangent(pts, i);
    Vec3[] f = frame(t);
    Vec3 normal = end ? t : t.times(-1);
    int[] e = p.edges();
    List<Integer> ids = new ArrayList<>();
    for (int k = 0; k < e.length; k += 2) {
      int v = e[k];
      Vec3 w = f[0].times(p.u()[v] * scale).plus(f[1].times(p.v()[v] * scale));
      ids.add(mesh.addVertex(pts.get(i).plus(w), normal));
    }
    int centre = mesh.addVertex(pts.get(i), normal);
    for (int k = 0; k < ids.size(); k++) {
      int a = ids.get(k), b = ids.get((k + 1) % ids.size());
      if (end) {
        mesh.addTriangle(centre, b, a);
      } else {
        mesh.addTriangle(centre, a, b);
      }
    }
  }
}
