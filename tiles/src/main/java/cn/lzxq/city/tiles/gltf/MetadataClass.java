package cn.lzxq.city.tiles.gltf;

import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * A metadata class (one per content kind: pipe, fitting, asset, tower, sector, parcel, …).
 *
 * @param id class id, {@code [a-zA-Z_][a-zA-Z0-9_]*}
 * @param name display name
 * @param properties properties in column order
 */
public record MetadataClass(String id, String name, List<PropertyDef> properties) {

  public MetadataClass {
    if (!id.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
      throw new IllegalArgumentException("invalid class id " + id);
    }
    properties = List.copyOf(properties);
  }

  /**
   * Writes the class definition (name and properties, with noData for optional ones) into {@code
   * node}.
   */
  public void writeDefinition(ObjectNode node) {
    node.put("name", name);
    ObjectNode props = node.putObject("properties");
    for (PropertyDef p : properties) {
      ObjectNode d = props.putObject(p.id());
      d.put("name", p.name());
      d.put("type", p.type().type());
      if (p.type().componentType() != null) {
        d.put("componentType", p.type().componentType());
      }
      if (p.required()) {
        d.put("required", true);
      } else if (p.type().noData() != null) {
        Object nd = p.type().noData();
        if (nd instanceof Integer i) {
          d.put("noData", i);
        } else if (nd instanceof Long l) {
          d.put("noData", l);
        } else if (nd instanceof Double x) {
          d.put("noData", x);
        } else {
          d.put("noData", nd.toString());
        }
      }
    }
  }
}
