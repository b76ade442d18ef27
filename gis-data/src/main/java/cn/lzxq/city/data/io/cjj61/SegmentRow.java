package cn.lzxq.city.data.io.cjj61;

import static cn.lzxq.city.data.io.cjj61.Cjj61Field.*;

import cn.lzxq.city.data.io.qa.QaCode;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the line table (管线段) as read, before codes are resolved. Depths in metres below
 * ground, elevations in metres (1985 datum), sizes in millimetres, pressure in MPa or a gas
 * pressure class, voltage in kV.
 */
public record SegmentRow(
    Cells cells,
    String startPoint,
    String endPoint,
    BigDecimal startDepth,
    BigDecimal endDepth,
    BigDecimal startElev,
    BigDecimal endElev,
    PipeSize size,
    String material,
    String laying,
    String pressure,
    BigDecimal voltage,
    Integer cableCount,
    Integer totalHoles,
    Integer usedHoles,
    String flowDir,
    String owner,
    Integer buildYear,
    String road,
    String status,
    String surveyUnit,
    LocalDate surveyDate,
    String remarks,
    String code,
    String network,
    String lineNo) {

  /** Reads a row, reporting missing, unparsable and out-of-range values to the row's issues. */
  public static SegmentRow read(Cells c) {
    return new SegmentRow(
        c,
        c.required(START_POINT),
        c.required(END_POINT),
        c.numberIn(START_DEPTH, 0, PointRow.MAX_DEPTH_M, "m"),
        c.numberIn(END_DEPTH, 0, PointRow.MAX_DEPTH_M, "m"),
        c.number(START_ELEV),
        c.number(END_ELEV),
        size(c),
        c.text(MATERIAL),
        c.text(LAYING),
        c.text(PRESSURE),
        c.numberIn(VOLTAGE, 0, 1000, "kV"),
        c.integer(CABLE_COUNT),
        c.integer(TOTAL_HOLES),
        c.integer(USED_HOLES),
        SurveyValues.flowDirection(c),
        c.required(OWNER),
        SurveyValues.year(c),
        c.text(ROAD),
        SurveyValues.status(c),
        c.text(SURVEY_UNIT),
        SurveyValues.date(c, SURVEY_DATE),
        c.text(REMARKS),
        c.text(CODE),
        c.text(NETWORK),
        c.text(LINE_NO));
  }

  private static PipeSize size(Cells c) {
    String text = c.required(SIZE);
    if (text == null) {
      return null;
    }
    PipeSize size = PipeSize.parse(text);
    if (size == null) {
      c.error(SIZE, QaCode.NOT_A_NUMBER, "'" + text + "' (DN such as 300, or W×H such as 800×600)");
    } else if (!size.inRange()) {
      c.error(
          SIZE,
          QaCode.OUT_OF_RANGE,
          "'" + text + "' not in " + PipeSize.MIN_MM + "–" + PipeSize.MAX_MM + " mm");
    }
    return size;
  }

  /** The key that is the same for A→B and B→A. */
  public String undirectedKey() {
    return startPoint.compareTo(endPoint) <= 0
        ? startPoint + "\u0000" + endPoint
        : endPoint + "\u0000" + startPoint;
  }
}
