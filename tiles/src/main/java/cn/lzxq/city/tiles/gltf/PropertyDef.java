package cn.lzxq.city.tiles.gltf;

/**
 * One property of a metadata class.
 *
 * @param id property id, {@code [a-zA-Z_][a-zA-Z0-9_]*}
 * @param name display name (may be Chinese)
 * @param type column type
 * @param required whether every feature has a value; if not, nulls are written as the type's {@code
 *     noData} sentinel
 */
public record PropertyDef(String id, String name, PropertyType type, boolean required) {

  public PropertyDef {
    if (!id.matches("[a-zA-Z_][a-zA-Z0-9_]*")) {
      throw new IllegalArgumentException("invalid property id " + id);
    }
  }

  /** An optional (nullable) property. */
  public static PropertyDef optional(String id, String name, PropertyType type) {
    return new PropertyDef(id, name, type, false);
  }

  /** A required property. */
  public static PropertyDef required(String id, String name, PropertyType type) {
    return new PropertyDef(id, name, type, true);
  }
}
