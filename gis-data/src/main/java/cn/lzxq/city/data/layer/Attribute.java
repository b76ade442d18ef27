package cn.lzxq.city.data.layer;

/**
 * One attribute of a layer: a column of its table with a type, titles and a unit.
 *
 * @param name the public name, the same in every protocol (also the column name)
 * @param type the value type
 * @param titleZh the Chinese title (field name in the viewer and GetFeatureInfo)
 * @param titleEn the English title
 * @param unit the unit symbol ("m", "mm", "MPa", "kV", "°", "dBm"…) or empty
 */
public record Attribute(
    String name, AttributeType type, String titleZh, String titleEn, String unit) {

  /** An attribute without a unit. */
  public static Attribute of(String name, AttributeType type, String titleZh, String titleEn) {
    return new Attribute(name, type, titleZh, titleEn, "");
  }

  /** An attribute measured in {@code unit}. */
  public static Attribute measured(
      String name, AttributeType type, String titleZh, String titleEn, String unit) {
    return new Attribute(name, type, titleZh, titleEn, unit);
  }
}
