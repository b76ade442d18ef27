package cn.lzxq.city.data.query.cql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Reads the date and time forms filters carry: {@code 2024-05-01}, {@code 2024-05-01T08:00:00Z},
 * with an offset, or without a zone (taken as UTC).
 */
public final class Times {

  private Times() {}

  /** The instant; a date alone is its start in UTC. */
  public static Instant parse(String text) {
    String t = text.trim();
    if (t.length() == 10) {
      return LocalDate.parse(t).atStartOfDay(ZoneOffset.UTC).toInstant();
    }
    if (t.endsWith("Z") || t.endsWith("z") || t.matches(".*[+-]\\d\\d:?\\d\\d$")) {
      return OffsetDateTime.parse(t.replace('z', 'Z').replace(' ', 'T')).toInstant();
    }
    return LocalDateTime.parse(t.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
  }
}
