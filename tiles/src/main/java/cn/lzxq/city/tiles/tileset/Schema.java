package cn.lzxq.city.tiles.tileset;

import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.gltf.PropertyDef;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A 3D Metadata schema in tileset.json.
 *
 * @param id schema id
 * @param classes class id → class
 */
public record Schema(String id, Map<String, SchemaClass> classes) {

  /** A schema holding the given classes, in order. */
  public static Schema of(String id, List<MetadataClass> classes) {
    Map<String, SchemaClass> map = new LinkedHashMap<>();
    for (MetadataClass c : classes) {
      Map<String, ClassProperty> props = new LinkedHashMap<>();
      for (PropertyDef p : c.properties()) {
        props.put(
            p.id(),
            new ClassProperty(
                p.name(),
                p.type().type(),
                p.type().componentType(),
                p.required() ? Boolean.TRUE : null,
                p.required() ? null : p.type().noData()));
      }
      map.put(c.id(), new SchemaClass(c.name(), props));
    }
    return new Schema(id, map);
  }

  /**
   * @param name display name
   * @param properties property id → definition
   */
  public record SchemaClass(String name, Map<String, ClassProperty> properties) {}

  /**
   * @param name display name
   * @param type SCALAR, STRING or BOOLEAN
   * @param componentType for SCALAR
   * @param required true, or null (optional)
   * @param noData sentinel for optional properties, or null
   */
  @JsonInclude(JsonInclude.Include.NON_NULL)
  public record ClassProperty(
      String name, String type, String componentType, Boolean required, Object noData) {}
}
