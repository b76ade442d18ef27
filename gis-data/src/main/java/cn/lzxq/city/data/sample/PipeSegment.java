package cn.lzxq.city.data.sample;

import java.time.LocalDate;

/**
 * A generated line segment (管线段), one row of {@code pipe_segment}. The geometry runs from {@code
 * start} to {@code end} at the surveyed reference (pipe top, or invert for drainage).
 *
 * @param fid feature id (0 until the stream numbers it)
 * @param band the depth band
 * @param subtype CJJ 61 subtype
 * @param featureCode 8-digit CJJ 61 code
 * @param lineNo the line it belongs to (road code, side and slot; or the parcel for a service)
 * @param startPoint 物探点号 of the start point
 * @param endPoint 物探点号 of the end point
 * @param startDepthM depth at the start, metres
 * @param endDepthM depth at the end, metres
 * @param spec section, material and laying group
 * @param laying CJJ 61 laying code
 * @param pressureMpa design pressure, MPa (gas and water), or null
 * @param voltageKv voltage, kV (power), or null
 * @param cableCount cables (power, telecom), or null
 * @param totalHoles duct holes (power, telecom ducts), or null
 * @param usedHoles duct holes in use, or null
 * @param flowDir forward or backward along the geometry (drainage), or null
 * @param owner organization code
 * @param buildYear construction year
 * @param roadName road name
 * @param surveyDate census survey date
 * @param validFrom construction date
 * @param start start vertex: easting, northing, surveyed elevation, metres
 * @param end end vertex
 * @param defect id of the planted defect it belongs to, or null
 */
public record PipeSegment(
    long fid,
    Band band,
    String subtype,
    String featureCode,
    String lineNo,
    String startPoint,
    String endPoint,
    double startDepthM,
    double endDepthM,
    PipeSpec spec,
    String laying,
    Double pressureMpa,
    Double voltageKv,
    Integer cableCount,
    Integer totalHoles,
    Integer usedHoles,
    String flowDir,
    String owner,
    int buildYear,
    String roadName,
    LocalDate surveyDate,
    LocalDate validFrom,
    Xyz start,
    Xyz end,
    String defect) {

  /** Plan length, metres. */
  public double lengthM() {
    return Math.hypot(end.x() - start.x(), end.y() - start.y());
  }

  PipeSegment withFid(long newFid) {
    return new PipeSegment(
        newFid,
        band,
        subtype,
        featureCode,
        lineNo,
        startPoint,
        endPoint,
        startDepthM,
        endDepthM,
        spec,
        laying,
        pressureMpa,
        voltageKv,
        cableCount,
        totalHoles,
        usedHoles,
        flowDir,
        owner,
        buildYear,
        roadName,
        surveyDate,
        validFrom,
        start,
        end,
        defect);
  }
}
