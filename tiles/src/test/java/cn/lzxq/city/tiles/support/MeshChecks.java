package cn.lzxq.city.tiles.support;

import cn.lzxq.city.tiles.geo.Vec3;
import cn.lzxq.city.tiles.mesh.MeshData;
import java.util.HashMap;
import java.util.Map;

/** Geometric properties of meshes used by the tests. */
public final class MeshChecks {

  private MeshChecks() {}

  /**
   * Whether the surface is closed and consistently oriented after welding coincident positions:
   * every directed edge appears once and its reverse once.
   */
  public static boolean isClosed(MeshData mesh) {
    Map<String, Integer> edges = new HashMap<>();
    for (int t = 0; t < mesh.triangleCount(); t++) {
      if (area(mesh, t) < 1e-12) {
        continue;
      }
      for (int c = 0; c < 3; c++) {
        String a = key(mesh.position(mesh.index(t, c)));
        String b = key(mesh.position(mesh.index(t, (c + 1) % 3)));
        if (!a.equals(b)) {
          edges.merge(a + ">" + b, 1, Integer::sum);
        }
      }
    }
    for (Map.Entry<String, Integer> e : edges.entrySet()) {
      String[] ab = e.getKey().split(">");
      if (e.getValue() != 1 || !edges.containsKey(ab[1] + ">" + ab[0])) {
        return false;
      }
    }
    return !edges.isEmpty();
  }

  /** Signed volume (positive when the closed surface's triangles face outward). */
  public static double signedVolume(MeshData mesh) {
    double v = 0;
    for (int t = 0; t < mesh.triangleCount(); t++) {
      Vec3 a = mesh.position(mesh.index(t, 0)),
          b = mesh.position(mesh.index(t, 1)),
          c = mesh.position(mesh.index(t, 2));
      v += a.dot(b.cross(c)) / 6;
    }
    return v;
  }

  /**
   * Fraction of vertices whose stored normal agrees (dot &gt; 0) with the face normal of every
   * triangle using it.
   */
  public static double normalAgreement(MeshData mesh) {
    long agree = 0, total = 0;
    for (int t = 0; t < mesh.triangleCount(); t++) {
      Vec3 f = mesh.faceNormal(t);
      if (f.length() == 0) {
        continue;
      }
      for (int c = 0; c < 3; c++) {
        total++;
        if (mesh.normal(mesh.index(t, c)).dot(f) > 0) {
          agree++;
        }
      }
    }
    return total == 0 ? 0 : (double) agree / total;
  }

  private static double area(MeshData m, int t) {
    Vec3 a = m.position(m.index(t, 0));
    return m.position(m.index(t, 1)).minus(a).cross(m.position(m.index(t, 2)).minus(a)).length()
        / 2;
  }

  private static String key(Vec3 p) {
    return Math.round(p.x() * 1e5) + "," + Math.round(p.y() * 1e5) + "," + Math.round(p.z() * 1e5);
  }
}
