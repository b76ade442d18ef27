package cn.lzxq.city.data.sample;

import java.util.List;

/**
 * One planted defect of the manifest.
 *
 * @param id short id (H1, V2, C1, S1, E1 ...), also in the features' line numbers or site names
 * @param kind horizontal_clearance, vertical_clearance, collision, shallow_cover, kerb_clearance,
 *     building_clearance, pole_clearance, site_spacing, emf_sensitive_parcel, survey_elevation,
 *     building_height, parcel_far or parcel_coverage
 * @param table the table of the features: pipe_segment or base_station
 * @param fids the features involved (two pipe segments; one segment for shallow cover; two sites
 *     for spacing; one site for an EMF defect)
 * @param pointNumbers 物探点号 of the planted pipe's points (pipes), empty for sites
 * @param siteCodes site codes (base stations), empty for pipes
 * @param ruleTable clearance_rule, cover_rule or site_rule
 * @param ruleId the id of the rule row violated
 * @param measuredM the designed measured value, metres: wall-to-wall clearance (negative for an
 *     overlap), cover, distance between sites, or distance from the tower to the sensitive parcel
 *     (0 inside)
 * @param requiredM the rule's required value, metres
 * @param x easting of the defect in EPSG:4544, metres
 * @param y northing in EPSG:4544, metres
 * @param note what was planted, in words
 * @param verdict the answer a correct check gives: {@value #VIOLATION} (the rule is broken) or
 *     {@value #CLEAR} (a control laid just outside the rule, next to a planted violation of the
 *     same kind, so that a false positive shows; no finding expected)
 */
public record PlantedDefect(
    String id,
    String kind,
    String table,
    List<Long> fids,
    List<String> pointNumbers,
    List<String> siteCodes,
    String ruleTable,
    int ruleId,
    double measuredM,
    double requiredM,
    double x,
    double y,
    String note,
    String verdict) {

  /** The verdict of a planted defect: the rule is broken. */
  public static final String VIOLATION = "violation";

  /** The verdict of a planted control: the rule is kept, nothing may be reported. */
  public static final String CLEAR = "clear";

  /** A planted violation. */
  public PlantedDefect(
      String id,
      String kind,
      String table,
      List<Long> fids,
      List<String> pointNumbers,
      List<String> siteCodes,
      String ruleTable,
      int ruleId,
      double measuredM,
      double requiredM,
      double x,
      double y,
      String note) {
    this(
        id,
        kind,
        table,
        fids,
        pointNumbers,
        siteCodes,
        ruleTable,
        ruleId,
        measuredM,
        requiredM,
        x,
        y,
        note,
        VIOLATION);
  }

  /**
   * A violation or control of a planted pipe (features named later by the generated streams), at
   * the point {@code at} (EPSG:4544, rounded to the millimetre).
   */
  static PlantedDefect pipe(
      String id,
      String kind,
      String ruleTable,
      RuleBook.RuleMatch rule,
      double measuredM,
      double[] at,
      String note,
      String verdict) {
    return new PlantedDefect(
        id,
        kind,
        "pipe_segment",
        List.of(),
        List.of(),
        List.of(),
        ruleTable,
        rule.ruleId(),
        measuredM,
        rule.requiredM(),
        Xyz.round(at[0]),
        Xyz.round(at[1]),
        note,
        verdict);
  }

  /** True for a planted violation, false for a control. */
  public boolean violation() {
    return VIOLATION.equals(verdict);
  }

  /** The same defect with the features the generated streams gave it. */
  PlantedDefect withFeatures(List<Long> newFids, List<String> newPoints, List<String> newSites) {
    return new PlantedDefect(
        id,
        kind,
        table,
        List.copyOf(newFids),
        List.copyOf(newPoints),
        List.copyOf(newSites),
        ruleTable,
        ruleId,
        measuredM,
        requiredM,
        x,
        y,
        note,
        verdict);
  }
}
