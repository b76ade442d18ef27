package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.LocalFrame;
import cn.lzxq.city.tiles.geo.Vec3;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.algorithm.Orientation;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.triangulate.polygon.PolygonTriangulator;

/**
 * Extrudes a parcel polygon (longitude/latitude degrees, holes allowed) from a base height to a top
 * height (the ground and the height limit) as a closed envelope: outward walls along the true
 * vertical, a top and a bottom triangulated by JTS' {@link PolygonTriangulator} (ear clipping with
 * hole joining).
 */
public final class ParcelExtruder {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private ParcelExtruder() {}

  /**
   * @param frame the tile frame the mesh is expressed in
   * @param lonLat polygon with x = longitude, y = latitude (degrees)
   * @param baseM height of the bottom (ellipsoid height in the tile's height mode), metres
   * @param topM height of the top, metres
   */
  public static MeshData extrude(LocalFrame frame, Polygon lonLat, double baseM, double topM) {
    MeshData mesh = new MeshData();
    List<Coordinate[]> rings = new ArrayList<>();
    rings.add(oriented(lonLat.getExteriorRing().getCoordinates(), true));
    for (int i = 0; i < lonLat.getNumInteriorRing(); i++) {
      rings.add(oriented(lonLat.getInteriorRingN(i).getCoordinates(), false));
    }
    for (Coordinate[] ring : rings) {
      walls(mesh, frame, ring, baseM, topM);
    }
    cap(mesh, frame, rings, topM, true);
    cap(mesh, frame, rings, baseM, false);
    return mesh;
  }

  private static Coordinate[] oriented(Coordinate[] ring, boolean ccw) {
    Coordinate[] copy = ring.clone();
    if (Orientation.isCCW(copy) != ccw) {
      java.util.Collections.reverse(java.util.Arrays.asList(copy));
    }
    return copy;
  }

  private static void walls(
      MeshData mesh, LocalFrame frame, Coordinate[] ring, double base, double top) {
    for (int i = 0; i + 1 < ring.length; i++) {
      Vec3 a0 = local(frame, ring[i], base), b0 = local(frame, ring[i + 1], base);
      Vec3 a1 = local(frame, ring[i], top), b1 = local(frame, ring[i + 1], top);
      Vec3 normal = b0.minus(a0).cross(a1.minus(a0));
      if (normal.length() < 1e-9) {
        continue;
      }
      mesh.addQuad(
          mesh.addVertex(a0, normal),
          mesh.addVertex(b0, normal),
          mesh.addVertex(b1, normal),
          mesh.addVertex(a1, normal));
    }
  }

  private static void cap(
      MeshData mesh, LocalFrame frame, List<Coordinate[]> rings, double height, boolean top) {
    Map<Coordinate, Integer> index = new HashMap<>();
    List<LinearRing> xy = new ArrayList<>();
    Vec3 up = frame.upAt(local(frame, rings.get(0)[0], height));
    Vec3 normal = top ? up : up.times(-1);
    for (Coordinate[] ring : rings) {
      Coordinate[] planar = new Coordinate[ring.length];
      for (int i = 0; i < ring.length; i++) {
        Vec3 p = local(frame, ring[i], height);
        planar[i] = new Coordinate(p.x(), p.y());
        index.computeIfAbsent(planar[i], c -> mesh.addVertex(p, normal));
      }
      xy.add(FACTORY.createLinearRing(planar));
    }
    Polygon polygon =
        FACTORY.createPolygon(xy.get(0), xy.subList(1, xy.size()).toArray(new LinearRing[0]));
    Geometry triangles = PolygonTriangulator.triangulate(polygon);
    for (int t = 0; t < triangles.getNumGeometries(); t++) {
      Coordinate[] c = triangles.getGeometryN(t).getCoordinates();
      int a = index.get(c[0]), b = index.get(c[1]), d = index.get(c[2]);
      boolean ccw = Orientation.isCCW(new Coordinate[] {c[0], c[1], c[2], c[0]});
      if (ccw == top) {
        mesh.addTriangle(a, b, d);
      } else {
        mesh.addTriangle(a, d, b);
      }
    }
  }

  private static Vec3 local(LocalFrame frame, Coordinate lonLat, double height) {
    return frame.toLocal(new GeoPoint(lonLat.x, lonLat.y, height));
  }
}
