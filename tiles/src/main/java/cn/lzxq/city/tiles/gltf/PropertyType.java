package cn.lzxq.city.tiles.gltf;

/**
 * Column types of an EXT_structural_metadata property table, with the {@code noData} sentinel used
 * for null values (BOOLEAN cannot have one: null is written as false).
 */
public enum PropertyType {
  INT32("SCALAR", "INT32", 4, Integer.MIN_VALUE),
  INT64("SCALAR", "INT64", 8, Long.MIN_VALUE),
  FLOAT32("SCALAR", "FLOAT32", 4, -3.4028234663852886E38),
  FLOAT64("SCALAR", "FLOAT64", 8, -1.7976931348623157E308),
  STRING("STRING", null, 0, ""),
  BOOLEAN("BOOLEAN", null, 0, null);

  private final String type;
  private final String componentType;
  private final int size;
  private final Object noData;

  PropertyType(String type, String componentType, int size, Object noData) {
    this.type = type;
    this.componentType = componentType;
    this.size = size;
    this.noData = noData;
  }

  /** The metadata {@code type} (SCALAR, STRING, BOOLEAN). */
  public String type() {
    return type;
  }

  /** The metadata {@code componentType}, or {@code null} for STRING and BOOLEAN. */
  public String componentType() {
    return componentType;
  }

  /** Bytes per value for scalars, 0 otherwise. */
  public int size() {
    return size;
  }

  /** The sentinel written for null values, or {@code null} when the type has none. */
  public Object noData() {
    return noData;
  }
}
