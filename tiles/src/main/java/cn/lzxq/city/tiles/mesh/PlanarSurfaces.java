package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.LocalFrame;
import cn.lzxq.city.tiles.geo.Vec3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.polygon.PolygonTriangulator;

/**
 * Triangulates planar 3D polygons (LOD2 walls and roofs; x = longitude, y = latitude in degrees, z
 * = height in metres, holes allowed): each polygon is moved into the tile frame, projected onto its
 * own plane (Newell normal) and triangulated by JTS' {@link PolygonTriangulator}; triangles wind
 * counter-clockwise about the normal, which every vertex of the face carries (flat shading). A
 * polygon without area (fewer than three distinct points, or collinear) is skipped.
 */
public final class PlanarSurfaces {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private PlanarSurfaces() {}

  /** One mesh of all the surfaces. */
  public static MeshData triangulate(LocalFrame frame, List<Polygon> surfaces) {
    MeshData mesh = new MeshData();
    for (Polygon p : surfaces) {
      add(mesh, frame, p);
    }
    return mesh;
  }

  private static void add(MeshData mesh, LocalFrame frame, Polygon p) {
    List<Vec3[]> rings = new ArrayList<>();
    rings.add(local(frame, p.getExteriorRing().getCoordinates()));
    for (int i = 0; i < p.getNumInteriorRing(); i++) {
      rings.add(local(frame, p.getInteriorRingN(i).getCoordinates()));
    }
    Vec3 normal = newell(rings.get(0));
    if (normal.length() < 1e-9) {
      return;
    }
    normal = normal.normalized();
    Vec3 u = (Math.abs(normal.z()) < 0.9 ? Vec3.Z : Vec3.X).cross(normal).normalized();
    Vec3 v = normal.cross(u);
    Map<Coordinate, Vec3> back = new HashMap<>();
    List<LinearRing> planar = new ArrayList<>();
    for (Vec3[] ring : rings) {
      Coordinate[] c = new Coordinate[ring.length];
      for (int i = 0; i < ring.length; i++) {
        c[i] = new Coordinate(ring[i].dot(u), ring[i].dot(v));
        back.putIfAbsent(c[i], ring[i]);
      }
      planar.add(FACTORY.createLinearRing(c));
    }
    Polygon flat =
        FACTORY.createPolygon(
            planar.get(0), planar.subList(1, planar.size()).toArray(LinearRing[]::new));
    Geometry triangles;
    try {
      triangles = PolygonTriangulator.triangulate(flat.isValid() ? flat : flat.buffer(0));
    } catch (RuntimeException e) {
      return;
    }
    Map<Coordinate, Integer> index = new HashMap<>();
    for (int t = 0; t < triangles.getNumGeometries(); t++) {
      Coordinate[] c = triangles.getGeometryN(t).getCoordinates();
      Vec3 a = position(back, c[0], u, v, rings.get(0)[0], normal);
      Vec3 b = position(back, c[1], u, v, rings.get(0)[0], normal);
      Vec3 d = position(back, c[2], u, v, rings.get(0)[0], normal);
      if (b.minus(a).cross(d.minus(a)).length() < 1e-12) {
        continue;
      }
      int ia = vertex(mesh, index, c[0], a, normal);
      int ib = vertex(mesh, index, c[1], b, normal);
      int id = vertex(mesh, index, c[2], d, normal);
      if (b.minus(a).cross(d.minus(a)).dot(normal) > 0) {
        mesh.addTriangle(ia, ib, id);
      } else {
        mesh.addTriangle(ia, id, ib);
      }
    }
  }

  /**
   * The 3D point of a planar coordinate: the input vertex, or (after buffer(0)) the plane point.
   */
  private static Vec3 position(
      Map<Coordinate, Vec3> back, Coordinate c, Vec3 u, Vec3 v, Vec3 onPlane, Vec3 normal) {
    Vec3 known = back.get(c);
    if (known != null) {
      return known;
    }
    return u.times(c.x).plus(v.times(c.y)).plus(normal.times(onPlane.dot(normal)));
  }

  private static int vertex(
      MeshData mesh, Map<Coordinate, Integer> index, Coordinate c, Vec3 p, Vec3 normal) {
    return index.computeIfAbsent(c, k -> mesh.addVertex(p, normal));
  }

  private static Vec3[] local(LocalFrame frame, Coordinate[] ring) {
    Vec3[] out = new Vec3[ring.length];
    for (int i = 0; i < ring.length; i++) {
      out[i] = frame.toLocal(new GeoPoint(ring[i].x, ring[i].y, ring[i].z));
    }
    return out;
  }

  /** Newell's normal of a closed ring (length = twice the area). */
  private static Vec3 newell(Vec3[] ring) {
    double x = 0, y = 0, z = 0;
    for (int i = 0; i + 1 < ring.length; i++) {
      Vec3 a = ring[i], b = ring[i + 1];
      x += (a.y() - b.y()) * (a.z() + b.z());
      y += (a.z() - b.z()) * (a.x() + b.x());
      z += (a.x() - b.x()) * (a.y() + b.y());
    }
    return new Vec3(x, y, z);
  }
}
