package cn.lzxq.city.data.io.cjj61;

import cn.lzxq.city.data.io.qa.QaCode;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns the free-text values of survey tables (status, flow direction, dates) into stored values.
 */
final class SurveyValues {

  /** 状态 (CJJ 61 Appendix C: 在用 0, 废弃 1, 空管 2, 其他 3) plus planned. */
  private static final Map<String, String> STATUS =
      Map.ofEntries(
          Map.entry("在用", "in_use"),
          Map.entry("0", "in_use"),
          Map.entry("IN_USE", "in_use"),
          Map.entry("使用", "in_use"),
          Map.entry("废弃", "abandoned"),
          Map.entry("1", "abandoned"),
          Map.entry("ABANDONED", "abandoned"),
          Map.entry("空管", "empty_duct"),
          Map.entry("2", "empty_duct"),
          Map.entry("EMPTY_DUCT", "empty_duct"),
          Map.entry("其他", "other"),
          Map.entry("3", "other"),
          Map.entry("OTHER", "other"),
          Map.entry("规划", "planned"),
          Map.entry("设计", "planned"),
          Map.entry("PLANNED", "planned"));

  /** 流向: along the segment (start to end) or against it. */
  private static final Map<String, String> FLOW =
      Map.of(
          "正向",
          "forward",
          "顺向",
          "forward",
          "0",
          "forward",
          "FORWARD",
          "forward",
          "+",
          "forward",
          "反向",
          "backward",
          "逆向",
          "backward",
          "1",
          "backward",
          "BACKWARD",
          "backward",
          "-",
          "backward");

  private static final Pattern YEAR = Pattern.compile("(19|20)\\d{2}");
  private static final Pattern DATE =
      Pattern.compile(
          "(\\d{4})\\s*[-/.年]?\\s*(\\d{1,2})\\s*[-/.月]?\\s*(\\d{1,2})\\s*日?(?:[ T].*)?");

  private SurveyValues() {}

  /** The stored status ('in_use' when blank); reports an unknown status. */
  static String status(Cells c) {
    String v = c.text(Cjj61Field.STATUS);
    if (v == null) {
      return "in_use";
    }
    String s = STATUS.get(v.toUpperCase(Locale.ROOT));
    if (s == null) {
      c.error(Cjj61Field.STATUS, QaCode.INVALID_VALUE, "'" + v + "' (在用/废弃/空管/其他/规划 or 0–3)");
    }
    return s;
  }

  /** The stored flow direction or null; reports an unknown one. */
  static String flowDirection(Cells c) {
    String v = c.text(Cjj61Field.FLOW_DIR);
    if (v == null) {
      return null;
    }
    String s = FLOW.get(v.toUpperCase(Locale.ROOT));
    if (s == null) {
      c.error(Cjj61Field.FLOW_DIR, QaCode.INVALID_VALUE, "'" + v + "' (正向/反向, 0/1)");
    }
    return s;
  }

  /** A date such as 2021-05-03, 2021/5/3, 20210503 or 2021年5月3日, or null; reports others. */
  static LocalDate date(Cells c, Cjj61Field field) {
    String v = c.text(field);
    if (v == null) {
      return null;
    }
    Matcher m = DATE.matcher(v);
    try {
      if (m.matches()) {
        return LocalDate.of(
            Integer.parseInt(m.group(1)),
            Integer.parseInt(m.group(2)),
            Integer.parseInt(m.group(3)));
      }
    } catch (java.time.DateTimeException | NumberFormatException e) {
      // reported below
    }
    c.error(field, QaCode.INVALID_VALUE, "'" + v + "' is not a date 不是日期");
    return null;
  }

  /** The construction year from 建设年代 (a year, a date or "2015年"), or null; reports others. */
  static Integer year(Cells c) {
    String v = c.text(Cjj61Field.BUILD_YEAR);
    if (v == null) {
      return null;
    }
    Matcher m = YEAR.matcher(v);
    if (m.find()) {
      return Integer.parseInt(m.group());
    }
    c.error(Cjj61Field.BUILD_YEAR, QaCode.INVALID_VALUE, "'" + v + "' has no year 无年份");
    return null;
  }
}
