package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.tiles.geo.GeoPoint;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** JTS geometries in longitude/latitude degrees for footprints. */
final class TileGeometry {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private TileGeometry() {}

  /** A point at a position's longitude and latitude. */
  static Geometry point(GeoPoint p) {
    return FACTORY.createPoint(new Coordinate(p.lon(), p.lat()));
  }
}
