package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Coordinate lists in query parameters ({@code x1,y1,x2,y2,…}, x = easting or longitude first). */
final class Coordinates {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Coordinates() {}

  /** {@code x,y} → two numbers, or null when the parameter is absent. */
  static double[] point(String text, String name) {
    if (ScopeParams.blank(text) == null) {
      return null;
    }
    double[] v = numbers(text, name);
    if (v.length != 2) {
      throw new AnalysisInputException(
          name + " 需要 2 个数 x,y", name + " needs two numbers: x,y (longitude,latitude in CRS84)");
    }
    return v;
  }

  /** {@code x1,y1,x2,y2,…} → a GeoJSON LineString. */
  static JsonNode lineString(String text, String name) {
    double[] v = numbers(text, name);
    if (v.length < 4 || v.length % 2 != 0) {
      throw new AnalysisInputException(
          name + " 需要至少两个点 x1,y1,x2,y2", name + " needs at least two points: x1,y1,x2,y2");
    }
    ObjectNode g = JSON.createObjectNode();
    g.put("type", "LineString");
    ArrayNode c = g.putArray("coordinates");
    for (int i = 0; i < v.length; i += 2) {
      c.addArray().add(v[i]).add(v[i + 1]);
    }
    return g;
  }

  private static double[] numbers(String text, String name) {
    if (ScopeParams.blank(text) == null) {
      throw new AnalysisInputException("缺少参数 " + name, "missing parameter " + name);
    }
    String[] parts = text.split(",");
    double[] v = new double[parts.length];
    for (int i = 0; i < parts.length; i++) {
      v[i] = ScopeParams.number(parts[i], name);
    }
    return v;
  }
}
