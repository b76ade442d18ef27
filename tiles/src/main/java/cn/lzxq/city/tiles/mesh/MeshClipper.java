package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.LocalFrame;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.geo.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Cuts a mesh at the longitude/latitude boundaries of a region, exactly (the cut points are
 * found on the true meridian planes and latitude cones, not on a planar approximation), so the
 * geometry of a tile never leaves its bounding volume and the pieces in neighbouring tiles meet
 * on the shared boundary without overlap. Heights are not clipped.
 */
public final class MeshClipper {

    private final LocalFrame frame;
    private final List<ToDoubleFunction<Vec3>> planes;

    /** A clipper for meshes expressed in {@code frame}, keeping what lies inside {@code region}. */
    public MeshClipper(LocalFrame frame, Region region) {
        this.frame = frame;
        this.planes = List.of(
            p -> lonRad(p) - region.west(),
            p -> region.east() - lonRad(p),
            p -> latRad(p) - region.south(),
            p -> region.north() - latRad(p));
    }

    private double lonRad(Vec3 local) {
        Vec3 e = frame.enuToEcef().transformPoint(local);
        return Math.atan2(e.y(), e.x());
    }

    private double latRad(Vec3 local) {
        GeoPoint g = frame.toGeodetic(local);
        return g.latRad();
    }

    /** The part of {@code mesh} inside the region. */
    public MeshData clip(MeshData mesh) {
        MeshData out = new MeshData();
        int[] remap = new int[mesh.vertexCount()];
        boolean[] inside = new boolean[mesh.vertexCount()];
        for (int i = 0; i < mesh.vertexCount(); i++) {
            remap[i] = -1;
            inside[i] = isInside(mesh.position(i));
        }
        for (int t = 0; t < mesh.triangleCount(); t++) {
            int a = mesh.index(t, 0), b = mesh.index(t, 1), c = mesh.index(t, 2);
            if (inside[a] && inside[b] && inside[c]) {
                out.addTriangle(copy(mesh, out, remap, a), copy(mesh, out, remap, b), copy(mesh, out, remap, c));
            } else {
                clipTriangle(mesh, out, a, b, c);
            }
        }
        return out;
    }

    private boolean isInside(Vec3 p) {
        for (ToDoubleFunction<Vec3> plane : planes) {
            if (plane.applyAsDouble(p) < 0) {
                return false;
            }
        }
        return true;
    }

    private static int copy(MeshData from, MeshData to, int[] remap, int i) {
        if (remap[i] < 0) {
            remap[i] = to.addVertex(from.position(i), from.normal(i));
        }
        return remap[i];
    }

    private record Vertex(Vec3 p, Vec3 n) {
    }

    private void clipTriangle(MeshData mesh, MeshData out, int a, int b, int c) {
        List<Vertex> poly = new ArrayList<>();
        for (int i : new int[] {a, b, c}) {
            poly.add(new Vertex(mesh.position(i), mesh.normal(i)));
        }
        for (ToDoubleFunction<Vec3> plane : planes) {
            poly = clipPolygon(poly, plane);
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

    private static List<Vertex> clipPolygon(List<Vertex> poly, ToDoubleFunction<Vec3> plane) {
        List<Vertex> out = new ArrayList<>();
        for (int i = 0; i < poly.size(); i++) {
            Vertex s = poly.get(i), e = poly.get((i + 1) % poly.size());
            double fs = plane.applyAsDouble(s.p()), fe = plane.applyAsDouble(e.p());
            if (fs >= 0) {
                out.add(s);
            }
            if ((fs >= 0) != (fe >= 0)) {
                double t = crossing(s.p(), e.p(), fs, fe, plane);
                out.add(new Vertex(s.p().lerp(e.p(), t), s.n().lerp(e.n(), t).normalized()));
            }
        }
        return out;
    }

    /** Parameter on s→e where the boundary function is zero (secant steps, then nudged inside). */
    private static double crossing(Vec3 s, Vec3 e, double fs, double fe, ToDoubleFunction<Vec3> plane) {
        double t0 = 0, f0 = fs, t1 = 1, f1 = fe;
        double t = fs / (fs - fe);
        for (int k = 0; k < 6; k++) {
            double ft = plane.applyAsDouble(s.lerp(e, t));
            if (Math.abs(ft) < 1e-15) {
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
