package cn.lzxq.city.data.io.feature;

import cn.lzxq.city.data.io.TableColumns.Column;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a property value read from a file into the text PostgreSQL casts to the column's type,
 * checking it on the way so every bad value is reported with its row before anything is written.
 */
final class FeatureValues {

  private FeatureValues() {}

  /**
   * The value as SQL text for the column, or null.
   *
   * @throws IllegalArgumentException with a message for people when the value does not fit
   */
  static String toSql(Object value, Column column) {
    if (value == null || (value instanceof String s && s.isBlank())) {
      return null;
    }
    String type = column.type();
    if (column.isArray()) {
      return array(value);
    }
    if (type.startsWith("smallint") || type.startsWith("integer") || type.startsWith("bigint")) {
      BigDecimal n = number(value);
      try {
        return n.toBigIntegerExact().toString();
      } catch (ArithmeticException e) {
        throw new IllegalArgumentException(n.toPlainString() + " is not a whole number 不是整数");
      }
    }
    if (type.startsWith("numeric") || type.startsWith("double") || type.startsWith("real")) {
      return number(value).toPlainString();
    }
    if (type.equals("boolean")) {
      return bool(value);
    }
    if (type.equals("date")) {
      return date(value.toString());
    }
    if (type.startsWith("timestamp")) {
      try {
        return OffsetDateTime.parse(value.toString()).toString();
      } catch (DateTimeParseException e) {
        throw new IllegalArgumentException(
            "'" + value + "' is not an ISO 8601 time with offset 不是时间");
      }
    }
    return value instanceof BigDecimal d ? d.toPlainString() : value.toString();
  }

  private static BigDecimal number(Object value) {
    if (value instanceof BigDecimal d) {
      return d;
    }
    if (value instanceof Number n) {
      return new BigDecimal(n.toString());
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("'" + value + "' is not a number 不是数值");
    }
  }

  private static String bool(Object value) {
    String s = value.toString().trim().toLowerCase(Locale.ROOT);
    return switch (s) {
      case "true", "t", "1", "yes", "是" -> "true";
      case "false", "f", "0", "no", "否" -> "false";
      default -> throw new IllegalArgumentException("'" + value + "' is not true/false 不是布尔值");
    };
  }

  private static String date(String s) {
    String d = s.length() > 10 && s.charAt(10) == 'T' ? s.substring(0, 10) : s;
    try {
      return LocalDate.parse(d).toString();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("'" + s + "' is not a date YYYY-MM-DD 不是日期");
    }
  }

  /**
   * A PostgreSQL array literal from a list, a JSON array text (as our GeoPackages store arrays) or
   * an OGR string list "(3:a,b,c)" (as ogr2ogr writes them).
   */
  private static String array(Object value) {
    List<?> items;
    if (value instanceof List<?> l) {
      items = l;
    } else if (value.toString().trim().startsWith("[")) {
      JsonNode node = JsonMapper.shared().readTree(value.toString());
      items = node.values().stream().map(n -> n.isNull() ? null : n.asString()).toList();
    } else if (value.toString().trim().matches("\\(\\d+:.*\\)")) {
      String list = value.toString().trim();
      items = List.of(list.substring(list.indexOf(':') + 1, list.length() - 1).split(","));
    } else if (value.toString().trim().startsWith("{")) {
      return value.toString().trim();
    } else {
      items = List.of(value.toString().split(","));
    }
    return items.stream()
        .map(
            i ->
                i == null
                    ? "NULL"
                    : '"' + i.toString().trim().replace("\\", "\\\\").replace("\"", "\\\"") + '"')
        .collect(Collectors.joining(",", "{", "}"));
  }
}
