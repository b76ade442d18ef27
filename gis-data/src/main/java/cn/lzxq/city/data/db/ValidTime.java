package cn.lzxq.city.data.db;

import java.time.Instant;
import java.util.List;

/**
 * The valid-time predicate, written once for SQL built in Java: a row is valid at {@code t} when
 * {@code valid_from <= t} and it is not closed by then ({@code valid_to} null or after {@code t}).
 * SQL kept in {@code .sql} resources calls the database function {@code valid_at(valid_from,
 * valid_to, t)} (migration V1), which states the same rule; {@code ValidTimeTest} proves both
 * agree. The present is written as "open and begun" ({@code valid_to IS NULL AND valid_from <=
 * now()}), the form the partial indexes {@code ... WHERE valid_to IS NULL} match, so WMS, WFS and
 * OGC API plans keep using them: it equals {@code valid_at(now)} because the service closes a
 * version at the time of the edit or import, never in the future.
 */
public final class ValidTime {

  /** The open version of a feature: not closed (what an edit or an import closes). */
  private static final String OPEN = "valid_to IS NULL";

  private ValidTime() {}

  /**
   * Rows of {@code alias} (empty for none) that are open: the versions an edit or import may close.
   */
  public static String open(String alias) {
    return prefix(alias) + OPEN;
  }

  /** Rows of {@code alias} valid now. */
  public static String now(String alias) {
    return open(alias) + " AND " + prefix(alias) + "valid_from <= now()";
  }

  /**
   * Rows of {@code alias} valid at {@code asOf} (now when null), with the JDBC parameters the
   * predicate needs appended to {@code params}.
   */
  public static String at(String alias, Instant asOf, List<Object> params) {
    if (asOf == null) {
      return now(alias);
    }
    String a = prefix(alias);
    params.add(asOf);
    params.add(asOf);
    return a + "valid_from <= ? AND (" + a + OPEN + " OR " + a + "valid_to > ?)";
  }

  private static String prefix(String alias) {
    return alias.isEmpty() ? "" : alias + ".";
  }
}
