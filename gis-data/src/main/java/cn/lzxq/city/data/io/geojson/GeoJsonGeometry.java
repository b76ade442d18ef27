package cn.lzxq.city.data.io.geojson;

import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;
import tools.jackson.databind.JsonNode;

/** Reads RFC 7946 geometry objects into JTS, keeping a third coordinate as Z. */
public final class GeoJsonGeometry {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private GeoJsonGeometry() {}

  /** True when a JSON object looks like a geometry (has "type" and "coordinates"). */
  public static boolean isGeometry(JsonNode node) {
    return node != null && node.isObject() && node.has("type") && node.has("coordinates");
  }

  /**
   * The geometry, or null for a JSON null.
   *
   * @throws IllegalArgumentException when the object is not a valid geometry
   */
  public static Geometry read(JsonNode node) {
    if (node == null || node.isNull()) {
      return null;
    }
    String type = node.path("type").asString("");
    JsonNode c = node.path("coordinates");
    try {
      return switch (type) {
        case "Point" -> point(c);
        case "LineString" -> line(c);
        case "Polygon" -> polygon(c);
        case "MultiPoint" ->
            FACTORY.createMultiPoint(
                c.values().stream().map(GeoJsonGeometry::point).toArray(Point[]::new));
        case "MultiLineString" ->
            FACTORY.createMultiLineString(
                c.values().stream().map(GeoJsonGeometry::line).toArray(LineString[]::new));
        case "MultiPolygon" ->
            FACTORY.createMultiPolygon(
                c.values().stream().map(GeoJsonGeometry::polygon).toArray(Polygon[]::new));
        default -> throw new IllegalArgumentException("unsupported geometry type '" + type + "'");
      };
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("invalid " + type + ": " + e.getMessage(), e);
    }
  }

  private static Coordinate coordinate(JsonNode p) {
    if (!p.isArray() || p.size() < 2) {
      throw new IllegalArgumentException("a position needs at least two numbers");
    }
    return p.size() > 2
        ? new Coordinate(p.get(0).doubleValue(), p.get(1).doubleValue(), p.get(2).doubleValue())
        : new Coordinate(p.get(0).doubleValue(), p.get(1).doubleValue());
  }

  private static Coordinate[] coordinates(JsonNode list) {
    return list.values().stream().map(GeoJsonGeometry::coordinate).toArray(Coordinate[]::new);
  }

  private static Point point(JsonNode c) {
    return FACTORY.createPoint(coordinate(c));
  }

  private static LineString line(JsonNode c) {
    return FACTORY.createLineString(coordinates(c));
  }

  private static Polygon polygon(JsonNode rings) {
    LinearRing[] all =
        rings.values().stream()
            .map(r -> FACTORY.createLinearRing(coordinates(r)))
            .toArray(LinearRing[]::new);
    if (all.length == 0) {
      throw new IllegalArgumentException("a polygon needs a ring");
    }
    LinearRing[] holes = new LinearRing[all.length - 1];
    System.arraycopy(all, 1, holes, 0, holes.length);
    return FACTORY.createPolygon(all[0], holes);
  }
}
