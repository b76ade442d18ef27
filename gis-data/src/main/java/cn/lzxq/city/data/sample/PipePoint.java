package cn.lzxq.city.data.sample;

import java.time.LocalDate;

/**
 * A generated survey point (管线点), one row of {@code pipe_point}.
 *
 * @param fid feature id (0 until the stream numbers it)
 * @param band the depth band (gives network, prefix and depth reference)
 * @param subtype CJJ 61 subtype
 * @param expNo 物探点号, also the map number
 * @param kind 特征 or 附属物
 * @param featureCode 8-digit CJJ 61 code
 * @param depthM burial depth to the surveyed reference of the lines meeting here, metres
 * @param wellDepthM depth of the well or chamber, metres, or null
 * @param rotationDeg symbol rotation, degrees counter-clockwise from east
 * @param operable false for a seized valve
 * @param owner organization code
 * @param roadName the road, or the two roads of a crossing
 * @param surveyDate when the census surveyed it
 * @param validFrom when it was built
 * @param position easting, northing and ground elevation (地面高程), metres
 * @param defect id of the planted defect it belongs to, or null
 */
public record PipePoint(
    long fid,
    Band band,
    String subtype,
    String expNo,
    PointKind kind,
    String featureCode,
    double depthM,
    Double wellDepthM,
    double rotationDeg,
    boolean operable,
    String owner,
    String roadName,
    LocalDate surveyDate,
    LocalDate validFrom,
    Xyz position,
    String defect) {

  /** Ground elevation, metres. */
  public double groundElevM() {
    return position.z();
  }

  PipePoint withFid(long newFid) {
    return new PipePoint(
        newFid,
        band,
        subtype,
        expNo,
        kind,
        featureCode,
        depthM,
        wellDepthM,
        rotationDeg,
        operable,
        owner,
        roadName,
        surveyDate,
        validFrom,
        position,
        defect);
  }
}
