package cn.lzxq.city.server.wms.style;

import java.math.BigDecimal;
import java.util.Map;

/**
 * A value in a style: a literal or a feature property (SLD {@code ogc:Literal} / {@code
 * ogc:PropertyName}).
 */
public sealed interface Expression {

  /** A constant. */
  record Literal(String value) implements Expression {}

  /** The value of a feature property, by its catalog name. */
  record Property(String name) implements Expression {}

  /** The value for a feature's properties, as text ("" when null). */
  default String text(Map<String, Object> properties) {
    Object v = this instanceof Property p ? properties.get(p.name()) : ((Literal) this).value();
    if (v == null) {
      return "";
    }
    return v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v.toString();
  }

  /** The value as a number, or {@code fallback} when it is missing or not numeric. */
  default double number(Map<String, Object> properties, double fallback) {
    if (this instanceof Property p && properties.get(p.name()) instanceof Number n) {
      return n.doubleValue();
    }
    try {
      String t = text(properties);
      return t.isEmpty() ? fallback : Double.parseDouble(t);
    } catch (NumberFormatException e) {
      return fallback;
    }
  }

  /** A literal. */
  static Expression literal(String value) {
    return new Literal(value);
  }

  /** A property reference. */
  static Expression property(String name) {
    return new Property(name);
  }
}
