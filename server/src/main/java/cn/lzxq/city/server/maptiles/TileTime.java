package cn.lzxq.city.server.maptiles;

import java.time.Instant;

/** The as-of time of a 2D tile as a store key part: {@code now}, or the instant in ISO 8601. */
final class TileTime {

  private TileTime() {}

  static String key(Instant asOf) {
    return asOf == null ? "now" : asOf.toString();
  }
}
