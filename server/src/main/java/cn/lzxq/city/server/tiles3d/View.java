package cn.lzxq.city.server.tiles3d;

import java.time.Instant;

/**
 * What a tile request reads: the city at a time and a height reference.
 *
 * @param asOf the time (null = now, i.e. the current versions)
 * @param heights height reference
 */
public record View(Instant asOf, HeightMode heights) {

  /** The current city, ground-relative. */
  public static final View CURRENT = new View(null, HeightMode.GROUND);

  /**
   * A stable key for caches and file names, e.g. {@code now-GROUND} or {@code
   * 20270101T000000Z-ABSOLUTE}.
   */
  public String key() {
    String time = asOf == null ? "now" : asOf.toString().replace("-", "").replace(":", "");
    return time + "-" + heights;
  }

  /** The query string that reproduces this view ({@code ""} for the default). */
  public String query() {
    StringBuilder q = new StringBuilder();
    if (asOf != null) {
      q.append("asOf=").append(asOf);
    }
    if (heights != HeightMode.GROUND) {
      q.append(q.isEmpty() ? "" : "&").append("heights=").append(heights.name().toLowerCase());
    }
    return q.isEmpty() ? "" : "?" + q;
  }

  /** Whether the view is of a time already past (its tiles may be cached long). */
  public boolean isPast(Instant now) {
    return asOf != null && asOf.isBefore(now);
  }
}
