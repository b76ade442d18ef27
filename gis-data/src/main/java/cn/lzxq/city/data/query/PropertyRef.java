package cn.lzxq.city.data.query;

import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.layer.AttributeType;
import cn.lzxq.city.data.layer.Layer;
import java.math.BigDecimal;
import java.sql.Date;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

/**
 * A property of a layer named in a request, resolved against the catalog: the SQL column (quoted,
 * from the catalog) and its type, so literals are coerced in Java and bound.
 *
 * <p>Besides the layer's attributes, {@code fid}, {@code valid_from} and {@code valid_to} are
 * always available.
 */
record PropertyRef(String column, AttributeType type) {

  /** Resolves a name; unknown names are an InvalidParameterValue. */
  static PropertyRef resolve(Layer layer, String name) {
    String n = name == null ? "" : name.replaceFirst("^[A-Za-z_][\\w.-]*:", "");
    switch (n) {
      case "fid":
        return new PropertyRef("t.fid", AttributeType.LONG);
      case "valid_from":
        return new PropertyRef("t.valid_from", AttributeType.TIMESTAMP);
      case "valid_to":
        return new PropertyRef("t.valid_to", AttributeType.TIMESTAMP);
      default:
        Attribute a =
            layer
                .attribute(n)
                .orElseThrow(
                    () ->
                        new QueryException(
                            "InvalidParameterValue",
                            name,
                            "layer " + layer.name() + " has no property '" + name + "'"));
        return new PropertyRef("t.\"" + a.name() + "\"", a.type());
    }
  }

  /** The literal as the column's Java type, for binding. */
  Object coerce(Object value) {
    if (value == null) {
      return null;
    }
    String text = value instanceof Instant i ? i.toString() : value.toString().trim();
    try {
      return switch (type) {
        case INTEGER, LONG ->
            value instanceof Number n && !(n instanceof BigDecimal)
                ? n.longValue()
                : new BigDecimal(text).longValueExact();
        case DECIMAL -> new BigDecimal(text);
        case BOOLEAN -> parseBoolean(text);
        case DATE ->
            Date.valueOf(LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text));
        case TIMESTAMP -> value instanceof Instant i ? i : parseInstant(text);
        case STRING, STRING_ARRAY -> text;
      };
    } catch (NumberFormatException | ArithmeticException | DateTimeParseException e) {
      throw new QueryException(
          "InvalidParameterValue",
          column,
          "'" + text + "' is not a valid " + type.name().toLowerCase());
    }
  }

  /** True for text columns, where case-insensitive matching applies. */
  boolean textual() {
    return type == AttributeType.STRING;
  }

  private static Boolean parseBoolean(String text) {
    return switch (text.toLowerCase()) {
      case "true", "1", "t", "yes" -> true;
      case "false", "0", "f", "no" -> false;
      default -> throw new NumberFormatException(text);
    };
  }

  static Instant parseInstant(String text) {
    if (text.length() == 10) {
      return LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant();
    }
    if (text.endsWith("Z") || text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
      return OffsetDateTime.parse(text).toInstant();
    }
    return Instant.parse(text + "Z");
  }
}
