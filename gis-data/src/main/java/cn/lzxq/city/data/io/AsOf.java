package cn.lzxq.city.data.io;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * Parses the as-of times users type: a date or a date-time, in Lanzhou time unless an offset is
 * given.
 */
public final class AsOf {

  /** China Standard Time, UTC+8: the time zone of dates without an offset. */
  public static final ZoneId LOCAL = ZoneId.of("Asia/Shanghai");

  private AsOf() {}

  /**
   * 2020-01-01 (midnight, UTC+8), 2020-01-01T08:30 (UTC+8) or 2020-01-01T00:30:00Z.
   *
   * @throws IllegalArgumentException when the text is none of these
   */
  public static Instant parse(String text) {
    String t = text.trim();
    try {
      if (t.length() == 10) {
        return LocalDate.parse(t).atStartOfDay(LOCAL).toInstant();
      }
      if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$")) {
        return OffsetDateTime.parse(t).toInstant();
      }
      return LocalDateTime.parse(t).atZone(LOCAL).toInstant();
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException(
          "not a date or date-time: " + text + " (e.g. 2020-01-01 or 2020-01-01T08:00:00+08:00)");
    }
  }
}
