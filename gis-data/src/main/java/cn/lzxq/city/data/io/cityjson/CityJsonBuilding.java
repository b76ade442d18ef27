package cn.lzxq.city.data.io.cityjson;

import cn.lzxq.city.data.io.feature.FeatureRecord;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.operation.union.CascadedPolygonUnion;
import tools.jackson.databind.JsonNode;

/**
 * One CityJSON building as a {@code building} feature. Of its geometries (and its parts') the
 * highest LOD is used:
 *
 * <ul>
 *   <li>footprint ({@code geom}): the union of the surfaces seen from above ({@code GroundSurface}s
 *       when the semantics name them), Z = the lowest vertex (the ground, 1985 datum);
 *   <li>LOD1: {@code height_m} = highest − lowest vertex unless {@code measuredHeight} is given;
 *   <li>LOD2 and above: {@code lod2} = every surface but the ground; {@code roof_height_m} = the
 *       ridge (highest − lowest vertex); {@code height_m} per GB 50352-2019 §4.5.2 = the midpoint
 *       of eave (lowest {@code RoofSurface} vertex) and ridge (the roof surface for a flat roof).
 * </ul>
 *
 * CityJSON attributes {@code measuredHeight}, {@code storeysAboveGround} and {@code
 * yearOfConstruction} become {@code height_m}, {@code floors} and {@code build_year}; others are
 * read by column name; {@code building_code} defaults to the object id.
 */
final class CityJsonBuilding {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private static final Map<String, String> STANDARD_ATTRIBUTES =
      Map.of(
          "measuredHeight", "height_m",
          "storeysAboveGround", "floors",
          "yearOfConstruction", "build_year");

  /** A boundary surface: its rings (outer first) and its semantic type, or null. */
  private record Surface(List<Coordinate[]> rings, String semantic) {}

  private CityJsonBuilding() {}

  static FeatureRecord feature(
      long number, Map<String, Object> properties, List<JsonNode> geometries, CityJsonVertices v) {
    STANDARD_ATTRIBUTES.forEach(
        (cityJson, column) -> {
          Object value = properties.remove(cityJson);
          if (value != null) {
            properties.putIfAbsent(column, value);
          }
        });
    List<Surface> surfaces;
    int lod;
    try {
      lod = geometries.stream().mapToInt(CityJsonBuilding::lod).max().orElse(-1);
      surfaces = new ArrayList<>();
      for (JsonNode g : geometries) {
        if (lod(g) == lod) {
          surfaces(g, v, surfaces);
        }
      }
    } catch (IllegalArgumentException e) {
      return new FeatureRecord(number, properties, null, e.getMessage());
    }
    if (surfaces.isEmpty()) {
      return new FeatureRecord(number, properties, null, "no Solid or MultiSurface geometry 缺少几何");
    }
    double ground = Double.POSITIVE_INFINITY, top = Double.NEGATIVE_INFINITY;
    double eave = Double.POSITIVE_INFINITY;
    for (Surface s : surfaces) {
      for (Coordinate c : s.rings().get(0)) {
        ground = Math.min(ground, c.z);
        top = Math.max(top, c.z);
        if ("RoofSurface".equals(s.semantic())) {
          eave = Math.min(eave, c.z);
        }
      }
    }
    Geometry footprint = footprint(surfaces, ground);
    if (footprint == null) {
      return new FeatureRecord(number, properties, null, "the surfaces enclose no area 无底面");
    }
    if (lod >= 1) {
      double ridge = top - ground;
      double height = lod >= 2 && eave <= top ? ((eave - ground) + ridge) / 2 : ridge;
      properties.putIfAbsent("height_m", metres(height));
      if (lod >= 2) {
        properties.putIfAbsent("roof_height_m", metres(ridge));
        properties.put("lod2", walls(surfaces, ground));
      }
    }
    return new FeatureRecord(number, properties, footprint, null);
  }

  /** The LOD of a geometry as an integer (1.2 → 1, "2.2" → 2), or -1 without one. */
  private static int lod(JsonNode g) {
    String text = g.path("lod").asString("");
    if (text.isEmpty() || !Character.isDigit(text.charAt(0))) {
      return -1;
    }
    return text.charAt(0) - '0';
  }

  /** Adds the surfaces of a Solid, MultiSolid, CompositeSolid, MultiSurface or CompositeSurface. */
  private static void surfaces(JsonNode g, CityJsonVertices v, List<Surface> out) {
    String type = g.path("type").asString("");
    JsonNode semantics = g.path("semantics");
    int depth =
        switch (type) {
          case "MultiSurface", "CompositeSurface" -> 1;
          case "Solid" -> 2;
          case "MultiSolid", "CompositeSolid" -> 3;
          default -> 0;
        };
    if (depth > 0) {
      collect(g.path("boundaries"), semantics.path("values"), depth, semantics, v, out);
    }
  }

  private static void collect(
      JsonNode boundaries,
      JsonNode values,
      int depth,
      JsonNode semantics,
      CityJsonVertices v,
      List<Surface> out) {
    for (int i = 0; i < boundaries.size(); i++) {
      JsonNode b = boundaries.get(i);
      JsonNode value = values.path(i);
      if (depth > 1) {
        collect(b, value, depth - 1, semantics, v, out);
        continue;
      }
      List<Coordinate[]> rings = new ArrayList<>();
      for (JsonNode ring : b.values()) {
        rings.add(ring(ring, v));
      }
      String semantic =
          value.isNumber()
              ? semantics.path("surfaces").path(value.asInt()).path("type").asString(null)
              : null;
      if (!rings.isEmpty()) {
        out.add(new Surface(rings, semantic));
      }
    }
  }

  private static Coordinate[] ring(JsonNode indices, CityJsonVertices v) {
    if (indices.size() < 3) {
      throw new IllegalArgumentException("a ring of fewer than 3 vertices 环顶点不足");
    }
    Coordinate[] c = new Coordinate[indices.size() + 1];
    for (int i = 0; i < indices.size(); i++) {
      c[i] = v.at(indices.get(i).asInt(-1));
    }
    c[indices.size()] = c[0].copy();
    return c;
  }

  /** The union of the surfaces seen from above, at Z = {@code ground}; null when it has no area. */
  private static Geometry footprint(List<Surface> surfaces, double ground) {
    boolean grounds = surfaces.stream().anyMatch(s -> "GroundSurface".equals(s.semantic()));
    List<Geometry> flat = new ArrayList<>();
    for (Surface s : surfaces) {
      if (grounds && !"GroundSurface".equals(s.semantic())) {
        continue;
      }
      Polygon p = polygon(s, ground, true);
      if (p.getArea() > 0) {
        flat.add(p.buffer(0));
      }
    }
    if (flat.isEmpty()) {
      return null;
    }
    Geometry union = CascadedPolygonUnion.union(flat);
    double tiny = union.getEnvelopeInternal().getArea() * 1e-9;
    List<Polygon> parts = new ArrayList<>();
    for (int i = 0; i < union.getNumGeometries(); i++) {
      Polygon p = (Polygon) union.getGeometryN(i);
      if (p.getArea() > tiny) {
        parts.add(atHeight(p, ground));
      }
    }
    return parts.isEmpty() ? null : FACTORY.createMultiPolygon(parts.toArray(Polygon[]::new));
  }

  /** Every surface but the ground (semantic GroundSurface, else horizontal at the lowest level). */
  private static Geometry walls(List<Surface> surfaces, double ground) {
    List<Polygon> out = new ArrayList<>();
    for (Surface s : surfaces) {
      boolean isGround =
          "GroundSurface".equals(s.semantic())
              || (s.semantic() == null
                  && java.util.Arrays.stream(s.rings().get(0))
                      .allMatch(c -> Math.abs(c.z - ground) < 0.01));
      if (!isGround) {
        out.add(polygon(s, ground, false));
      }
    }
    return FACTORY.createMultiPolygon(out.toArray(Polygon[]::new));
  }

  private static Polygon polygon(Surface s, double ground, boolean flat) {
    LinearRing shell =
        FACTORY.createLinearRing(flat ? at(s.rings().get(0), ground) : s.rings().get(0));
    LinearRing[] holes =
        s.rings().subList(1, s.rings().size()).stream()
            .map(r -> FACTORY.createLinearRing(flat ? at(r, ground) : r))
            .toArray(LinearRing[]::new);
    return FACTORY.createPolygon(shell, holes);
  }

  private static Polygon atHeight(Polygon p, double z) {
    LinearRing shell = FACTORY.createLinearRing(at(p.getExteriorRing().getCoordinates(), z));
    LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
    for (int i = 0; i < holes.length; i++) {
      holes[i] = FACTORY.createLinearRing(at(p.getInteriorRingN(i).getCoordinates(), z));
    }
    return FACTORY.createPolygon(shell, holes);
  }

  private static Coordinate[] at(Coordinate[] ring, double z) {
    Coordinate[] out = new Coordinate[ring.length];
    for (int i = 0; i < ring.length; i++) {
      out[i] = new Coordinate(ring[i].x, ring[i].y, z);
    }
    return out;
  }

  private static BigDecimal metres(double m) {
    return BigDecimal.valueOf(m).setScale(2, RoundingMode.HALF_UP);
  }
}
