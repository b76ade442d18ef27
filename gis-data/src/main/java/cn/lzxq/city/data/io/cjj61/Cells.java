package cn.lzxq.city.data.io.cjj61;

import cn.lzxq.city.data.io.qa.Issues;
import cn.lzxq.city.data.io.qa.QaCode;
import java.math.BigDecimal;
import java.util.List;

/**
 * One data row of a survey table, read by field, reporting unparsable values to {@link Issues}.
 *
 * @param source the file (and sheet)
 * @param row the row number as a person counts it (header = row 1)
 */
public record Cells(String source, long row, HeaderMap map, List<String> values, Issues issues) {

  /** A unit after a number ("1.20m", "10kV", "0.4 MPa", "300mm"), ignored. */
  private static final java.util.regex.Pattern UNIT =
      java.util.regex.Pattern.compile("(?i)\\s*(m|mm|kv|mpa|米|毫米|千伏)$");

  /** The trimmed text of a field, or null when the column is missing or the cell blank. */
  public String text(Cjj61Field field) {
    Integer i = map.columns().get(field);
    if (i == null || i >= values.size()) {
      return null;
    }
    String v = values.get(i).trim();
    return v.isEmpty() ? null : v;
  }

  /** The text of a required field; reports {@link QaCode#MISSING_FIELD} when blank. */
  public String required(Cjj61Field field) {
    String v = text(field);
    if (v == null) {
      error(field, QaCode.MISSING_FIELD, map.header(field));
    }
    return v;
  }

  /** A decimal number, or null when blank; reports {@link QaCode#NOT_A_NUMBER}. */
  public BigDecimal number(Cjj61Field field) {
    String v = text(field);
    BigDecimal n = parseNumber(v);
    if (v != null && n == null) {
      error(field, QaCode.NOT_A_NUMBER, "'" + v + "'");
    }
    return n;
  }

  /** The number a text holds (a unit after it is ignored), or null when blank or not a number. */
  public static BigDecimal parseNumber(String v) {
    if (v == null) {
      return null;
    }
    try {
      return new BigDecimal(
          UNIT.matcher(v.trim().replace("，", "").replace(",", "")).replaceFirst(""));
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** A required decimal number; reports a missing or unparsable value. */
  public BigDecimal requiredNumber(Cjj61Field field) {
    return required(field) == null ? null : number(field);
  }

  /** A whole number, or null when blank; reports {@link QaCode#NOT_A_NUMBER}. */
  public Integer integer(Cjj61Field field) {
    BigDecimal n = number(field);
    if (n == null) {
      return null;
    }
    try {
      return n.intValueExact();
    } catch (ArithmeticException e) {
      error(field, QaCode.NOT_A_NUMBER, "'" + text(field) + "' is not a whole number 不是整数");
      return null;
    }
  }

  /**
   * A number that must lie in [min, max]; reports {@link QaCode#OUT_OF_RANGE} otherwise.
   *
   * @param unit the unit for the message, e.g. "m"
   */
  public BigDecimal numberIn(Cjj61Field field, double min, double max, String unit) {
    BigDecimal n = number(field);
    if (n != null && (n.doubleValue() < min || n.doubleValue() > max)) {
      error(
          field,
          QaCode.OUT_OF_RANGE,
          n.toPlainString() + " " + unit + " not in " + min + "–" + max + " " + unit);
    }
    return n;
  }

  /** Reports an error on a field's column. */
  public void error(Cjj61Field field, QaCode code, String detail) {
    issues.error(source, row, map.header(field), code, detail);
  }
}
