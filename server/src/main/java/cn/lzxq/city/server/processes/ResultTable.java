package cn.lzxq.city.server.processes;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * A GeoJSON FeatureCollection as a table, for CSV and XLSX: one row per feature; a column per
 * property, nested objects flattened with dotted names ({@code a.fid}, {@code rule.id}), arrays as
 * JSON text; {@code lon} and {@code lat} (CRS84) for point geometries, {@code geometry} as GeoJSON
 * text for any other. Columns in order of first appearance.
 *
 * @param columns the header
 * @param rows values: String, Number, Boolean or null
 */
record ResultTable(List<String> columns, List<List<Object>> rows) {

  static ResultTable of(JsonNode featureCollection) {
    List<Map<String, Object>> records = new ArrayList<>();
    Map<String, Boolean> columns = new LinkedHashMap<>();
    for (JsonNode f : featureCollection.path("features").values()) {
      Map<String, Object> row = new LinkedHashMap<>();
      flatten("", f.path("properties"), row);
      JsonNode g = f.path("geometry");
      if ("Point".equals(g.path("type").asString(""))) {
        row.put("lon", g.at("/coordinates/0").asDouble());
        row.put("lat", g.at("/coordinates/1").asDouble());
      } else if (g.isObject()) {
        row.put("geometry", g.toString());
      }
      row.keySet().forEach(k -> columns.put(k, true));
      records.add(row);
    }
    List<String> header = List.copyOf(columns.keySet());
    List<List<Object>> rows = new ArrayList<>();
    for (Map<String, Object> r : records) {
      List<Object> row = new ArrayList<>(header.size());
      header.forEach(c -> row.add(r.get(c)));
      rows.add(row);
    }
    return new ResultTable(header, rows);
  }

  private static void flatten(String prefix, JsonNode node, Map<String, Object> out) {
    for (Map.Entry<String, JsonNode> e : node.properties()) {
      String name = prefix + e.getKey();
      JsonNode v = e.getValue();
      if (v.isObject()) {
        flatten(name + ".", v, out);
      } else if (v.isArray()) {
        out.put(name, v.toString());
      } else if (v.isNumber()) {
        out.put(name, v.numberValue());
      } else if (v.isBoolean()) {
        out.put(name, v.asBoolean());
      } else if (!v.isNull()) {
        out.put(name, v.asString());
      } else {
        out.put(name, null);
      }
    }
  }
}
