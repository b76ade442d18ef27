package cn.lzxq.city.data.analysis.zoning;

/**
 * One breach of a parcel's zoning indicators.
 *
 * @param kind {@code building_height} (a building above the height limit), {@code parcel_far} (a
 *     parcel above its floor-area ratio) or {@code parcel_coverage} (above its building coverage)
 * @param fid the building's fid (height) or the parcel's fid (FAR, coverage)
 * @param code the building code or the parcel code
 * @param parcelCode the parcel the building stands on, or the parcel itself
 * @param measured the building's height (m), the parcel's FAR (ratio) or coverage (%)
 * @param allowed the parcel's height limit (m), max FAR or max coverage (%)
 * @param buildings the buildings counted (1 for a height finding)
 * @param footprintM2 their footprint area, m²
 * @param floorAreaM2 their gross floor area (footprint × storeys), m²
 * @param lon longitude of the building's or parcel's point on surface (EPSG:4490), degrees
 * @param lat latitude, degrees
 */
public record ComplianceFinding(
    String kind,
    long fid,
    String code,
    String parcelCode,
    double measured,
    double allowed,
    long buildings,
    double footprintM2,
    double floorAreaM2,
    double lon,
    double lat) {}
