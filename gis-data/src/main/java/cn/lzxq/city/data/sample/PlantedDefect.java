package cn.lzxq.city.data.sample;

import java.util.List;

/**
 * One planted defect of the manifest.
 *
 * @param id short id (H1, V2, C1, S1, E1 ...), also in the features' line numbers or site names
 * @param kind horizontal_clearance, vertical_clearance, collision, shallow_cover, site_spacing or
 *     emf_sensitive_parcel
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
    String note) {

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
        note);
  }
}
