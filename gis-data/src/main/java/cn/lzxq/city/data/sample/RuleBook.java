package cn.lzxq.city.data.sample;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The clearance, cover and site rules as the migrations seed them (clearance rules: V20, the rest:
 * V3), read from the migration scripts themselves so that the generator lays its networks by the
 * same numbers the analyses check.
 *
 * <p>Matching follows the table comments of {@code clearance_rule} and {@code cover_rule}: a rule
 * applies to a pair in either order, a rule side names a clearance type ({@link
 * PipeSpec#clearanceType()}), a NULL key matches anything, DN bands are min &lt; DN &lt;= max, and
 * the largest clearance of all matching rows governs; for cover the most specific row wins and
 * frost governs where flagged.
 */
public final class RuleBook {

  /** The migration that seeds the cover, site and setting rules. */
  static final String MIGRATION = "db/migration/V3__rules.sql";

  /** The migration that seeds the clearance rules (it replaces the V3 rows). */
  static final String CLEARANCE_MIGRATION = "db/migration/V20__clearance_rules_by_standard.sql";

  private static final List<String> COVER_COLUMNS =
      List.of(
          "id",
          "network",
          "laying_class",
          "material",
          "road_position",
          "min_cover_m",
          "frost_governs",
          "source_clause",
          "confidence",
          "note");
  private static final List<String> SETTING_COLUMNS =
      List.of("key", "value", "unit", "source_clause", "confidence", "note");
  private static final List<String> SITE_COLUMNS =
      List.of(
          "id",
          "rule_key",
          "area_type",
          "band_min_mhz",
          "band_max_mhz",
          "value",
          "unit",
          "source_clause",
          "confidence",
          "note");

  private final List<ClearanceRule> clearances;
  private final List<CoverRule> covers;
  private final List<SqlRows.Row> settings;
  private final List<SqlRows.Row> siteRules;

  private RuleBook(String script, String clearanceScript) {
    clearances =
        SqlRows.rows(clearanceScript, "clearance_rule", List.of()).stream()
            .map(ClearanceRule::of)
            .toList();
    covers = SqlRows.rows(script, "cover_rule", COVER_COLUMNS).stream().map(CoverRule::of).toList();
    settings = SqlRows.rows(script, "analysis_setting", SETTING_COLUMNS);
    siteRules = SqlRows.rows(script, "site_rule", SITE_COLUMNS);
  }

  /** The rules of the migrations on the classpath. */
  public static RuleBook fromMigration() {
    return new RuleBook(SqlRows.resource(MIGRATION), SqlRows.resource(CLEARANCE_MIGRATION));
  }

  /** A rule that decided a requirement: its id in its table and the required value (metres). */
  public record RuleMatch(int ruleId, double requiredM) {}

  /** The governing horizontal (plan, wall to wall) clearance for a pair, if any rule covers it. */
  public Optional<RuleMatch> horizontal(PipeSpec a, PipeSpec b) {
    return governing("horizontal", a, b);
  }

  /** The governing vertical clearance at a crossing of a pair, if any rule covers it. */
  public Optional<RuleMatch> vertical(PipeSpec a, PipeSpec b) {
    return governing("vertical", a, b);
  }

  /**
   * The governing horizontal clearance between a pipe and a feature type of Table 4.1.9 (KERB,
   * BUILDING, POLE, ...), metres, if a rule covers it.
   */
  public Optional<RuleMatch> feature(PipeSpec pipe, String featureType) {
    return clearances.stream()
        .filter(
            r ->
                r.direction().equals("horizontal")
                    && r.a().matches(pipe)
                    && r.b().type().equals(featureType))
        .max(
            Comparator.comparingDouble(ClearanceRule::minClearanceM).thenComparingInt(r -> -r.id()))
        .map(r -> new RuleMatch(r.id(), r.minClearanceM()));
  }

  /** The largest horizontal clearance of any pipe to a feature type, metres (0 without rules). */
  public double largestFeature(String featureType) {
    return clearances.stream()
        .filter(r -> r.direction().equals("horizontal") && r.b().type().equals(featureType))
        .mapToDouble(ClearanceRule::minClearanceM)
        .max()
        .orElse(0);
  }

  private Optional<RuleMatch> governing(String direction, PipeSpec a, PipeSpec b) {
    return clearances.stream()
        .filter(r -> r.direction().equals(direction) && r.appliesTo(a, b))
        .max(
            Comparator.comparingDouble(ClearanceRule::minClearanceM).thenComparingInt(r -> -r.id()))
        .map(r -> new RuleMatch(r.id(), r.minClearanceM()));
  }

  /**
   * The minimum cover (ground to pipe top, metres) for a pipe in a road position, raised to the
   * frost depth (plus the water margin for water) where the rule says frost governs.
   *
   * @param roadPosition carriageway or footway
   */
  public Optional<RuleMatch> cover(PipeSpec pipe, String roadPosition) {
    return covers.stream()
        .filter(r -> r.appliesTo(pipe, roadPosition))
        .max(
            Comparator.comparingInt(CoverRule::specificity)
                .thenComparingDouble(CoverRule::minCoverM))
        .map(
            r ->
                new RuleMatch(
                    r.id(),
                    r.frostGoverns() ? Math.max(r.minCoverM(), frostCover(pipe)) : r.minCoverM()));
  }

  private double frostCover(PipeSpec pipe) {
    return setting("frost_depth_m")
        + ("JS".equals(pipe.network()) ? setting("frost_margin_water_m") : 0);
  }

  /** A value of analysis_setting. */
  public double setting(String key) {
    return settings.stream()
        .filter(r -> key.equals(r.text("key")))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no analysis_setting " + key))
        .number("value");
  }

  /** A site_rule row for a key and area type (rows with a NULL area type apply to all). */
  public RuleMatch siteRule(String ruleKey, String areaType) {
    return siteRules.stream()
        .filter(
            r ->
                ruleKey.equals(r.text("rule_key"))
                    && (r.text("area_type") == null || r.text("area_type").equals(areaType)))
        .findFirst()
        .map(r -> new RuleMatch(r.integer("id"), r.number("value")))
        .orElseThrow(
            () -> new IllegalArgumentException("no site_rule " + ruleKey + " for " + areaType));
  }

  /** One side of a clearance rule: the keys a pipe must match (null matches anything). */
  record RuleKey(
      String type,
      String subtype,
      String pressureClass,
      Integer dnMin,
      Integer dnMax,
      String layingClass) {
    boolean matches(PipeSpec p) {
      return type.equals(p.clearanceType())
          && (subtype == null || subtype.equals(p.subtype()))
          && (pressureClass == null || pressureClass.equals(p.pressureClass()))
          && (dnMin == null || p.dnMm() != null && p.dnMm() > dnMin)
          && (dnMax == null || p.dnMm() != null && p.dnMm() <= dnMax)
          && (layingClass == null || layingClass.equals(p.layingClass()));
    }
  }

  /** A clearance_rule row. */
  record ClearanceRule(int id, String direction, RuleKey a, RuleKey b, double minClearanceM) {
    static ClearanceRule of(SqlRows.Row r) {
      return new ClearanceRule(
          r.integer("id"),
          r.text("direction"),
          key(r, "a_"),
          key(r, "b_"),
          r.number("min_clearance_m"));
    }

    private static RuleKey key(SqlRows.Row r, String side) {
      return new RuleKey(
          r.text(side + "type"),
          r.text(side + "subtype"),
          r.text(side + "pressure_class"),
          r.integer(side + "dn_min_mm"),
          r.integer(side + "dn_max_mm"),
          r.text(side + "laying_class"));
    }

    boolean appliesTo(PipeSpec p, PipeSpec q) {
      return a.matches(p) && b.matches(q) || a.matches(q) && b.matches(p);
    }
  }

  /** A cover_rule row. */
  record CoverRule(
      int id,
      String network,
      String layingClass,
      String material,
      String roadPosition,
      double minCoverM,
      boolean frostGoverns) {
    static CoverRule of(SqlRows.Row r) {
      return new CoverRule(
          r.integer("id"),
          r.text("network"),
          r.text("laying_class"),
          r.text("material"),
          r.text("road_position"),
          r.number("min_cover_m"),
          Boolean.TRUE.equals(r.values().get("frost_governs")));
    }

    boolean appliesTo(PipeSpec p, String position) {
      return network.equals(p.network())
          && roadPosition.equals(position)
          && (layingClass == null || layingClass.equals(p.layingClass()))
          && (material == null || material.equals(p.material()));
    }

    int specificity() {
      return (layingClass == null ? 0 : 1) + (material == null ? 0 : 1);
    }
  }
}
