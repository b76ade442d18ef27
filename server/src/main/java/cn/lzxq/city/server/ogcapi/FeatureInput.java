package cn.lzxq.city.server.ogcapi;

import cn.lzxq.city.data.crs.AxisSwap;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.io.geojson.GeoJsonGeometry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.locationtech.jts.geom.Geometry;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A GeoJSON feature sent to Part 4 (create, replace, update): its properties as values and its
 * geometry in the {@code Content-Crs} (CRS84 by default), in that CRS's axis order.
 *
 * @param values property values (null for JSON null); versioning fields are ignored
 * @param geometry the geometry with SRID, x = easting/longitude; null when absent
 */
record FeatureInput(Map<String, Object> values, Geometry geometry) {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final Set<String> IGNORED = Set.of("valid_from", "valid_to", "id", "fid");

  static FeatureInput parse(String body, CrsRef crs) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (JacksonException e) {
      throw new OgcApiException(400, "the body is not JSON: " + e.getOriginalMessage());
    }
    if (!root.isObject() || !"Feature".equals(root.path("type").asString(""))) {
      throw new OgcApiException(400, "the body must be a GeoJSON Feature");
    }
    Map<String, Object> values = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> e : root.path("properties").properties()) {
      if (!IGNORED.contains(e.getKey())) {
        values.put(e.getKey(), value(e.getValue()));
      }
    }
    Geometry g = null;
    if (root.has("geometry") && !root.get("geometry").isNull()) {
      try {
        g = AxisSwap.toEastNorth(GeoJsonGeometry.read(root.get("geometry")), crs);
      } catch (IllegalArgumentException e) {
        throw new OgcApiException(400, "bad geometry: " + e.getMessage());
      }
    }
    return new FeatureInput(values, g);
  }

  private static Object value(JsonNode v) {
    if (v.isNull()) {
      return null;
    } else if (v.isNumber()) {
      return v.decimalValue();
    } else if (v.isBoolean()) {
      return v.booleanValue();
    } else if (v.isArray()) {
      List<String> items = new ArrayList<>();
      v.values().forEach(i -> items.add(i.asString()));
      return items;
    }
    return v.asString();
  }
}
