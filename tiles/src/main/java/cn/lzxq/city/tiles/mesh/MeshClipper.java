package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.LocalFrame;
import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.geo.RegionBoundary;
import cn.lzxq.city.tiles.geo.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a mesh at the longitude/latitude boundaries of a region, exactly (the cut points are found
 * on the true meridian planes and latitude cones, {@link RegionBoundary}, not on a planar
 * approximation), so the geometry of a tile never leaves its bounding volume and the pieces in
 * neighbouring tiles meet on the shared boundary without overlap. Heights are not clipped. Each
 * vertex is tested in closed form (one ENU → ECEF transform, no geodetic conversion).
 */
public final class MeshClipper {

  private final Matrix4 enuToEcef;
  private final List<RegionBoundary> sides;

  /** A clipper for meshes expressed in {@code frame}, keeping what lies inside {@code region}. */
  public MeshClipper(LocalFrame frame, Region region) {
    this.enuToEcef = frame.enuToEcef();
    this.sides = RegionBoundary.of(region, frame.ellipsoid());
  }

  private double distance(RegionBoundary side, Vec3 local) {
    Vec3 e = enuToEcef.transformPoint(local);
    return side.distance(e.x(), e.y(), e.z());
  }

  /**
   * Whether every vertex of {@code mesh} lies inside the region (so clipping would keep it whole).
   */
  public boolean containsAll(MeshData mesh) {
    for (int i = 0; i < mesh.vertexCount(); i++) {
      if (!isInside(mesh.position(i))) {
        return false;
      }
    }
    return true;
  }

  /** The part of {@code mesh} inside the region ({@code mesh} itself when all of it is inside). */
  public MeshData clip(MeshData mesh) {
    boolean[] inside = new boolean[mesh.vertexCount()];
    boolean all = true;
    for (int i = 0; i < mesh.vertexCount(); i++) {
      inside[i] = isInside(mesh.position(i));
      all &= inside[i];
    }
    if (all) {
      return mesh;
    }
    MeshData out = new MeshData();
    int[] remap = new int[mesh.vertexCount()];
    java.util.Arrays.fill(remap, -1);
    for (int t = 0; t < mesh.triangleCount(); t++) {
      int a = mesh.index(t, 0), b = mesh.index(t, 1), c = mesh.index(t, 2);
      if (inside[a] && inside[b] && inside[c]) {
        out.addTriangle(
            copy(mesh, out, remap, a), copy(mesh, out, remap, b), copy(mesh, out, remap, c));
      } else {
        clipTriangle(mesh, out, a, b, c);
      }
    }
    return out;
  }

  private boolean isInside(Vec3 p) {
    Vec3 e = enuToEcef.transformPoint(p);
    for (RegionBoundary side : sides) {
      if (side.distance(e.x(), e.y(), e.z()) < 0) {
        return false;
      }
    }
    return true;
  }

  private static int copy(MeshData from, MeshData to, int[] remap, int i) {
    if (remap[i] < 0) {
      remap[i] = to.addVertex(from, i);
    }
    return remap[i];
  }

  private record Vertex(Vec3 p, Vec3 n) {}

  private void clipTriangle(MeshData mesh, MeshData out, int a, int b, int c) {
    List<Vertex> poly = new ArrayList<>();
    for (int i : new int[] {a, b, c}) {
      poly.add(new Vertex(mesh.position(i), mesh.normal(i)));
    }
    for (RegionBoundary side : sides) {
      poly = clipPolygon(poly, side);
      if (poly.size() < 3) {
        return;
      }
    }
    int first = out.addVertex(poly.get(0).p(), poly.get(0).n());
    int prev = out.addVertex(poly.get(1).p(), poly.get(1).n());
    for (int k = 2; k < poly.size(); k++) {
      int next = out.addVertex(poly.get(k).p(), poly.get(k).n());
      out.addTriangle(first, prev, next);
      prev = next;
    }
  }

  private List<Vertex> clipPolygon(List<Vertex> poly, RegionBoundary side) {
    List<Vertex> out = new ArrayList<>();
    for (int i = 0; i < poly.size(); i++) {
      Vertex s = poly.get(i), e = poly.get((i + 1) % poly.size());
      double fs = distance(side, s.p()), fe = distance(side, e.p());
      if (fs >= 0) {
        out.add(s);
      }
      if ((fs >= 0) != (fe >= 0)) {
        double t = crossing(s.p(), e.p(), fs, fe, side);
        out.add(new Vertex(s.p().lerp(e.p(), t), s.n().lerp(e.n(), t).normalized()));
      }
    }
    return out;
  }

  /**
   * Parameter on s→e where the side's distance is zero: exact at once for a meridian plane, a few
   * regula falsi steps (to below 1 nm) for a latitude cone.
   */
  private double crossing(Vec3 s, Vec3 e, double fs, double fe, RegionBoundary side) {
    double t0 = 0, f0 = fs, t1 = 1, f1 = fe;
    double t = fs / (fs - fe);
    for (int k = 0; k < 6; k++) {
      double ft = distance(side, s.lerp(e, t));
      if (Math.abs(ft) < 1e-9) {
        break;
      }
      if ((ft >= 0) == (f0 >= 0)) {
        t0 = t;
        f0 = ft;
      } else {
        t1 = t;
        f1 = ft;
      }
      t = t0 + (t1 - t0) * f0 / (f0 - f1);
    }
    return t;
  }
}
