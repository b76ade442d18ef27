package cn.lzxq.city.server.processes;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.Scope;
import cn.lzxq.city.server.analysis.ScopeParams;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * The inputs of an analysis process, read from the {@code inputs} object of an execute request (or
 * of a stored job): the scope parameters of the synchronous API — {@code bbox} as an OGC bounding
 * box value {@code {"bbox": [minx, miny, maxx, maxy], "crs": uri}}, an array of four numbers or the
 * text "minx,miny,maxx,maxy"; {@code bbox-crs}, {@code road}, {@code project}, {@code owner},
 * {@code network}, {@code asOf} as text — and {@code frostDepth} (metres) for cover. No area means
 * the whole city.
 *
 * @param frostDepthM the frost depth for cover (null: the setting)
 */
record ProcessInputs(Scope scope, Double frostDepthM) {

  static final Set<String> SCOPE =
      Set.of("bbox", "bbox-crs", "road", "project", "owner", "network", "asOf");

  /**
   * Reads and checks the syntax of {@code inputs} (null = none) for a process taking {@code
   * allowed}.
   */
  static ProcessInputs read(JsonNode inputs, Set<String> allowed) {
    if (inputs != null && !inputs.isNull() && !inputs.isObject()) {
      throw new AnalysisInputException("inputs 应为对象", "inputs must be a JSON object");
    }
    JsonNode in =
        inputs == null ? tools.jackson.databind.node.JsonNodeFactory.instance.objectNode() : inputs;
    for (String name : in.propertyNames()) {
      if (!allowed.contains(name)) {
        throw new AnalysisInputException(
            "未知输入：" + name, "unknown input '" + name + "' (allowed: " + allowed + ")");
      }
    }
    JsonNode bbox = in.get("bbox");
    String crs = text(in, "bbox-crs");
    if (bbox != null && bbox.isObject()) {
      crs = bbox.has("crs") ? bbox.get("crs").asString() : crs;
      bbox = bbox.get("bbox");
    }
    Scope scope =
        ScopeParams.scope(
            bboxText(bbox),
            crs,
            text(in, "road"),
            text(in, "project"),
            text(in, "owner"),
            text(in, "network"),
            text(in, "asOf"));
    JsonNode frost = in.get("frostDepth");
    Double frostDepth =
        frost == null || frost.isNull() ? null : ScopeParams.number(frost.asString(), "frostDepth");
    if (frostDepth != null
        && !(frostDepth >= 0 && frostDepth <= 5)) { // the schema of the process description
      throw new AnalysisInputException("冻土深度应在 0–5 m", "frostDepth must be 0–5 m");
    }
    return new ProcessInputs(scope, frostDepth);
  }

  private static String bboxText(JsonNode bbox) {
    if (bbox == null || bbox.isNull()) {
      return null;
    }
    if (bbox.isString()) {
      return bbox.asString();
    }
    if (!bbox.isArray()) {
      throw new AnalysisInputException(
          "bbox 应为 4 个数", "bbox must be 4 numbers: minx, miny, maxx, maxy");
    }
    List<String> parts = new ArrayList<>();
    bbox.values().forEach(v -> parts.add(v.asString()));
    return String.join(",", parts);
  }

  private static String text(JsonNode in, String name) {
    JsonNode v = in.get(name);
    if (v == null || v.isNull()) {
      return null;
    }
    if (!v.isValueNode()) {
      throw new AnalysisInputException("输入 " + name + " 应为文本", "input '" + name + "' must be text");
    }
    return v.asString();
  }
}
