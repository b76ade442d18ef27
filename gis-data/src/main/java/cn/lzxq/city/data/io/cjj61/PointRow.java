package cn.lzxq.city.data.io.cjj61;

import static cn.lzxq.city.data.io.cjj61.Cjj61Field.*;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the point table (管线点) as read, before codes are resolved. Coordinates are as surveyed:
 * X is the northing and Y the easting (Gauss-Krüger), metres; heights in metres in the 1985
 * national height datum; depth in metres below ground.
 */
public record PointRow(
    Cells cells,
    String expNo,
    String mapNo,
    String feature,
    String appurtenance,
    BigDecimal northing,
    BigDecimal easting,
    BigDecimal groundElev,
    BigDecimal depth,
    BigDecimal wellDepth,
    String coverSize,
    String coverMaterial,
    BigDecimal rotation,
    String code,
    String network,
    String road,
    String owner,
    String status,
    String surveyUnit,
    LocalDate surveyDate,
    String remarks) {

  /** Largest depth accepted, metres. */
  public static final double MAX_DEPTH_M = 30;

  /** Reads a row, reporting missing, unparsable and out-of-range values to the row's issues. */
  public static PointRow read(Cells c) {
    return new PointRow(
        c,
        c.required(EXP_NO),
        c.text(MAP_NO),
        c.text(FEATURE),
        c.text(APPURTENANCE),
        c.requiredNumber(X),
        c.requiredNumber(Y),
        c.requiredNumber(GROUND_ELEV),
        c.numberIn(DEPTH, 0, MAX_DEPTH_M, "m"),
        c.numberIn(WELL_DEPTH, 0, MAX_DEPTH_M, "m"),
        c.text(COVER_SIZE),
        c.text(COVER_MATERIAL),
        c.numberIn(ROTATION, -360, 360, "°"),
        c.required(CODE),
        c.text(NETWORK),
        c.text(ROAD),
        c.required(OWNER),
        SurveyValues.status(c),
        c.text(SURVEY_UNIT),
        SurveyValues.date(c, SURVEY_DATE),
        c.text(REMARKS));
  }

  /** True when the row has the values a position needs. */
  public boolean hasPosition() {
    return northing != null && easting != null && groundElev != null;
  }
}
