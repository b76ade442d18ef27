package cn.lzxq.city.data.analysis.common;

/**
 * A rule row an answer used, so a reader can look it up and judge it.
 *
 * @param table the rule table (clearance_rule, cover_rule, site_rule, analysis_setting)
 * @param id the row's id (or key for analysis_setting)
 * @param value the rule's value in {@code unit} (null where the answer gives a derived figure
 *     instead)
 * @param unit m, deg, W/m2 …
 * @param sourceClause the standard and clause
 * @param confidence V verified, S weak source, M from memory (check it)
 */
public record RuleRef(
    String table, String id, Double value, String unit, String sourceClause, String confidence) {}
