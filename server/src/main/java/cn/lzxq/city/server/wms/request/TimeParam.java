package cn.lzxq.city.server.wms.request;

import cn.lzxq.city.data.query.cql.Times;
import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wms.WmsCodes;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * The TIME dimension: the as-of time the city is drawn at. One instant (ISO 8601: a year, a month,
 * a date or a date-time), or {@code current}; ranges and lists are not served because every layer
 * is read as of one time.
 */
public final class TimeParam {

  private TimeParam() {}

  /**
   * The as-of instant, or null for now.
   *
   * @param min earliest time the service accepts (the start of the advertised extent)
   * @param max latest time the service accepts
   */
  public static Instant parse(KvpMap kvp, Instant min, Instant max) {
    if (!kvp.has("TIME")) {
      return null;
    }
    String v =
        kvp.get("TIME")
            .orElseThrow(
                () ->
                    new OwsException(
                        WmsCodes.MISSING_DIMENSION_VALUE,
                        "TIME",
                        "TIME is given without a value; give an ISO 8601 time or 'current'"));
    if (v.equalsIgnoreCase("current") || v.equalsIgnoreCase("present")) {
      return null;
    }
    if (v.contains("/") || v.contains(",")) {
      throw invalid(v, "TIME takes one instant (the as-of time), not a range or list");
    }
    Instant t = instant(v);
    if (t.isBefore(min) || t.isAfter(max)) {
      throw invalid(v, "TIME is outside the served extent " + min + "/" + max);
    }
    return t;
  }

  private static Instant instant(String v) {
    try {
      if (v.matches("\\d{4}")) {
        return LocalDate.of(Integer.parseInt(v), 1, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      if (v.matches("\\d{4}-\\d{2}")) {
        return YearMonth.parse(v).atDay(1).atStartOfDay(ZoneOffset.UTC).toInstant();
      }
      return Times.parse(v);
    } catch (DateTimeParseException | NumberFormatException e) {
      throw invalid(v, "TIME '" + v + "' is not an ISO 8601 time");
    }
  }

  private static OwsException invalid(String v, String message) {
    return new OwsException(WmsCodes.INVALID_DIMENSION_VALUE, "TIME", message);
  }
}
