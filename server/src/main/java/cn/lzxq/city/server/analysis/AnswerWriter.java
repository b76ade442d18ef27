package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.Listing;
import cn.lzxq.city.data.analysis.common.Located;
import java.util.ArrayList;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an analysis answer as JSON, or as a GeoJSON FeatureCollection of its located items when
 * {@code f=geojson} or {@code Accept: application/geo+json} (the rest of the answer goes in a
 * foreign member "answer" without the items).
 */
@Component
public class AnswerWriter {

  public static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

  private final JsonMapper mapper;

  AnswerWriter(JsonMapper mapper) {
    this.mapper = mapper;
  }

  /** True when the request asks for GeoJSON. */
  static boolean wantsGeoJson(String f, String accept) {
    if (f != null && !f.isBlank()) {
      return f.equalsIgnoreCase("geojson");
    }
    return accept != null && accept.contains("application/geo+json");
  }

  ResponseEntity<Object> write(Object answer, String f, String accept) {
    if (f != null
        && !f.isBlank()
        && !f.equalsIgnoreCase("json")
        && !f.equalsIgnoreCase("geojson")) {
      throw new AnalysisInputException(
          "不支持的格式 f=" + f, "unsupported format f=" + f + " (json or geojson)");
    }
    if (answer instanceof Listing<?> listing && wantsGeoJson(f, accept)) {
      return ResponseEntity.ok().contentType(GEO_JSON).body(featureCollection(answer, listing));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(answer);
  }

  /** The GeoJSON FeatureCollection of a listing answer (as {@code f=geojson}), UTF-8. */
  public byte[] geoJson(Listing<?> answer) {
    return mapper.writeValueAsBytes(featureCollection(answer, answer));
  }

  private ObjectNode featureCollection(Object answer, Listing<?> listing) {
    ObjectNode fc = mapper.createObjectNode();
    fc.put("type", "FeatureCollection");
    ArrayNode features = fc.putArray("features");
    for (Located item : listing.items()) {
      ObjectNode properties = (ObjectNode) mapper.valueToTree(item);
      properties.remove("geometry");
      ObjectNode feature = features.addObject();
      feature.put("type", "Feature");
      feature.set(
          "geometry",
          item.geometry() == null ? mapper.nullNode() : mapper.readTree(item.geometry().json()));
      feature.set("properties", properties);
    }
    ObjectNode rest = (ObjectNode) mapper.valueToTree(answer);
    rest.remove("items");
    fc.set("answer", stripLists(rest));
    return fc;
  }

  /** The answer without its item arrays (they are the features). */
  private static JsonNode stripLists(ObjectNode rest) {
    List<String> lists = new ArrayList<>();
    for (String name : rest.propertyNames()) {
      if (rest.get(name).isArray() && !name.equals("rulesUsed")) {
        lists.add(name);
      }
    }
    rest.remove(lists);
    return rest;
  }
}
