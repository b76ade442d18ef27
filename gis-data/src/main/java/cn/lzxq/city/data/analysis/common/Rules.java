package cn.lzxq.city.data.analysis.common;

import java.sql.SQLException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads rule rows for answers: one row of a rule table as a {@link RuleRef}. */
public final class Rules {

  private Rules() {}

  /** A clearance_rule row from a result row with rule_id, required_m, source_clause, confidence. */
  public static RuleRef clearance(Row r) throws SQLException {
    return new RuleRef(
        "clearance_rule",
        String.valueOf(r.integer("rule_id")),
        r.dbl("required_m"),
        "m",
        r.str("source_clause"),
        r.str("confidence"));
  }

  /** The distinct rules, in first-use order. */
  public static List<RuleRef> distinct(Collection<RuleRef> rules) {
    Map<String, RuleRef> seen = new LinkedHashMap<>();
    for (RuleRef r : rules) {
      seen.putIfAbsent(r.table() + "#" + r.id(), r);
    }
    return List.copyOf(seen.values());
  }

  /** An analysis_setting row by key; absent keys are a configuration error. */
  public static RuleRef setting(Session s, String key) throws SQLException {
    List<RuleRef> rows =
        s.query(
            "SELECT key, value::float8 AS value, unit, source_clause, confidence FROM analysis_setting WHERE key = :k",
            Map.of("k", key),
            r ->
                new RuleRef(
                    "analysis_setting",
                    r.str("key"),
                    r.dbl("value"),
                    r.str("unit"),
                    r.str("source_clause"),
                    r.str("confidence")));
    if (rows.isEmpty()) {
      throw new IllegalStateException("analysis_setting " + key + " missing");
    }
    return rows.get(0);
  }

  /**
   * site_rule rows of a key, area type and frequency (NULL area type or band = all); most specific
   * first.
   */
  public static List<RuleRef> site(Session s, String key, String areaType, Double frequencyMhz)
      throws SQLException {
    Map<String, Object> p = new java.util.HashMap<>();
    p.put("k", key);
    p.put("area", areaType);
    p.put("f", frequencyMhz);
    return s.template(
        "site_rule",
        p,
        r ->
            new RuleRef(
                "site_rule",
                String.valueOf(r.integer("id")),
                r.dbl("value"),
                r.str("unit"),
                r.str("source_clause"),
                r.str("confidence")));
  }
}
