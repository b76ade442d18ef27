package cn.lzxq.city.data.io.cjj61;

import static cn.lzxq.city.data.io.cjj61.Cjj61Field.*;

import cn.lzxq.city.data.db.ValidTime;
import cn.lzxq.city.data.io.qa.AreaCheck;
import cn.lzxq.city.data.io.qa.QaCode;
import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CJJ 61-2017 survey table checks (DOMAIN.md §2.7, "QA checks in use"), one method per check.
 * Points must be fed before segments. All problems are reported, none stops the checks.
 *
 * <p>Memory: a {@link PointEntry} per point number and a key per segment; rows themselves are not
 * kept.
 */
public final class Cjj61Validator {

  /**
   * Two depths or elevations of one point agree when they differ by at most 0.05 m: twice the ±25
   * mm CJJ 61-2017 depth tolerance for visible points (H ≤ 2.5 m).
   */
  public static final double TOLERANCE_M = 0.05;

  private final Connection connection;
  private final Dictionaries dict;
  private final TypeResolver types;
  private final AreaCheck area;
  private final int sourceSrid;
  private final Map<String, PointEntry> points;
  private final Map<String, Long> segmentRows = new HashMap<>();
  private final Map<String, String> segmentDirection = new HashMap<>();
  private final Map<String, EndObservation> ends = new HashMap<>();

  /** What the first segment to reach a point said about its depth and elevation there. */
  private record EndObservation(BigDecimal depth, BigDecimal elev, long row) {}

  /**
   * @param points the point index to fill (shared with the writer)
   * @param sourceSrid the CRS of the X/Y columns
   */
  public Cjj61Validator(
      Connection connection,
      Dictionaries dict,
      AreaCheck area,
      int sourceSrid,
      Map<String, PointEntry> points) {
    this.connection = connection;
    this.dict = dict;
    this.types = new TypeResolver(dict);
    this.area = area;
    this.sourceSrid = sourceSrid;
    this.points = points;
  }

  /** Checks one point row and remembers it. */
  public void point(PointRow p) throws SQLException {
    checkFeatureXorAppurtenance(p);
    PipeType type = types.point(p);
    SegmentCodes.owner(dict, p.cells(), p.owner());
    checkServiceArea(p);
    if (p.expNo() != null && !checkDuplicatePoint(p) && p.hasPosition()) {
      points.put(
          p.expNo(),
          new PointEntry(
              p.cells().source(),
              p.cells().row(),
              p.northing().doubleValue(),
              p.easting().doubleValue(),
              p.groundElev().doubleValue(),
              p.depth(),
              type.network(),
              type.subtype(),
              false));
    }
  }

  /**
   * Checks a chunk of segment rows (end points not in the input are looked up in the database
   * first).
   */
  public void segments(List<SegmentRow> chunk) throws SQLException {
    lookUpDatabasePoints(chunk);
    for (SegmentRow s : chunk) {
      segment(s);
    }
  }

  private void segment(SegmentRow s) {
    PointEntry start = checkEndPointKnown(s, s.startPoint(), START_POINT);
    PointEntry end = checkEndPointKnown(s, s.endPoint(), END_POINT);
    PipeType type = types.segment(s, start, end);
    SegmentCodes.resolve(dict, s, type.network());
    checkUsedHoles(s);
    if (s.startPoint() != null && s.endPoint() != null && !checkStartNotEnd(s)) {
      checkDuplicateOrReversed(s);
    }
    checkEnd(s, s.startPoint(), start, s.startDepth(), s.startElev(), START_DEPTH, START_ELEV);
    checkEnd(s, s.endPoint(), end, s.endDepth(), s.endElev(), END_DEPTH, END_ELEV);
  }

  void checkFeatureXorAppurtenance(PointRow p) {
    if ((p.feature() == null) == (p.appurtenance() == null)) {
      p.cells()
          .error(
              p.feature() == null ? FEATURE : APPURTENANCE,
              QaCode.FEATURE_AND_APPURTENANCE,
              p.feature() == null
                  ? "both are empty 均为空"
                  : "both are filled 均已填写: " + p.feature() + " / " + p.appurtenance());
    }
  }

  /** True when the point number was already used. */
  boolean checkDuplicatePoint(PointRow p) {
    PointEntry first = points.get(p.expNo());
    if (first != null && !first.inDatabase()) {
      p.cells()
          .error(
              EXP_NO,
              QaCode.DUPLICATE_POINT,
              p.expNo() + " also at " + first.source() + " row " + first.row());
      return true;
    }
    return false;
  }

  void checkServiceArea(PointRow p) throws SQLException {
    if (p.northing() != null
        && p.easting() != null
        && !area.covers(p.easting().doubleValue(), p.northing().doubleValue(), sourceSrid)) {
      p.cells()
          .error(
              X,
              QaCode.OUTSIDE_SERVICE_AREA,
              "X "
                  + p.northing().toPlainString()
                  + ", Y "
                  + p.easting().toPlainString()
                  + " (EPSG:"
                  + sourceSrid
                  + ") is outside "
                  + area.area()
                  + " — X is the northing, Y the easting X为纵坐标");
    }
  }

  /** True when start equals end. */
  boolean checkStartNotEnd(SegmentRow s) {
    if (s.startPoint().equals(s.endPoint())) {
      s.cells().error(END_POINT, QaCode.START_EQUALS_END, s.startPoint());
      return true;
    }
    return false;
  }

  void checkDuplicateOrReversed(SegmentRow s) {
    String key = s.undirectedKey();
    Long first = segmentRows.putIfAbsent(key, s.cells().row());
    if (first == null) {
      segmentDirection.put(key, s.startPoint());
      return;
    }
    boolean reversed = !segmentDirection.get(key).equals(s.startPoint());
    s.cells()
        .error(
            START_POINT,
            reversed ? QaCode.REVERSED_SEGMENT : QaCode.DUPLICATE_SEGMENT,
            s.startPoint()
                + "–"
                + s.endPoint()
                + (reversed ? " reverses row " : " repeats row ")
                + first);
  }

  void checkUsedHoles(SegmentRow s) {
    if (s.usedHoles() != null && s.totalHoles() != null && s.usedHoles() > s.totalHoles()) {
      s.cells()
          .error(
              USED_HOLES, QaCode.USED_HOLES_EXCEED_TOTAL, s.usedHoles() + " > " + s.totalHoles());
    }
  }

  /**
   * The entry of an end point, or null (reported) when neither the input nor the database has it.
   */
  PointEntry checkEndPointKnown(SegmentRow s, String pointNo, Cjj61Field column) {
    if (pointNo == null) {
      return null;
    }
    PointEntry e = points.get(pointNo);
    if (e == null) {
      s.cells().error(column, QaCode.MISSING_POINT, pointNo);
    }
    return e;
  }

  /**
   * At one end: a 3D position must be derivable (elevation, or ground − depth), and depth and
   * elevation must agree within {@link #TOLERANCE_M} with the point table and with every other
   * segment that uses the point.
   */
  void checkEnd(
      SegmentRow s,
      String pointNo,
      PointEntry point,
      BigDecimal depth,
      BigDecimal elev,
      Cjj61Field depthField,
      Cjj61Field elevField) {
    if (point == null) {
      return;
    }
    if (depth == null && elev == null) {
      s.cells()
          .error(
              elevField,
              QaCode.MISSING_FIELD,
              s.cells().map().header(elevField)
                  + " or "
                  + s.cells().map().header(depthField)
                  + " is needed for the 3D position 需高程或埋深");
      return;
    }
    if (depth != null && point.depth() != null && differ(depth, point.depth())) {
      s.cells()
          .error(
              depthField,
              QaCode.INCONSISTENT_DEPTH,
              depth.toPlainString()
                  + " m at "
                  + pointNo
                  + ", point table 埋深 "
                  + point.depth().toPlainString()
                  + " m ("
                  + point.source()
                  + " row "
                  + point.row()
                  + ")");
    }
    EndObservation seen = ends.get(pointNo);
    if (seen == null) {
      ends.put(pointNo, new EndObservation(depth, elev, s.cells().row()));
      return;
    }
    if (depth != null && seen.depth() != null && differ(depth, seen.depth())) {
      s.cells()
          .error(
              depthField,
              QaCode.INCONSISTENT_DEPTH,
              depth.toPlainString()
                  + " m at "
                  + pointNo
                  + ", row "
                  + seen.row()
                  + " has "
                  + seen.depth().toPlainString()
                  + " m");
    }
    if (elev != null && seen.elev() != null && differ(elev, seen.elev())) {
      s.cells()
          .error(
              elevField,
              QaCode.INCONSISTENT_ELEVATION,
              elev.toPlainString()
                  + " m at "
                  + pointNo
                  + ", row "
                  + seen.row()
                  + " has "
                  + seen.elev().toPlainString()
                  + " m");
    }
    if ((seen.depth() == null && depth != null) || (seen.elev() == null && elev != null)) {
      ends.put(
          pointNo,
          new EndObservation(
              seen.depth() != null ? seen.depth() : depth,
              seen.elev() != null ? seen.elev() : elev,
              seen.row()));
    }
  }

  private static boolean differ(BigDecimal a, BigDecimal b) {
    return Math.abs(a.doubleValue() - b.doubleValue()) > TOLERANCE_M + 1e-9;
  }

  private static final String DB_POINTS =
      """
      SELECT exp_no, ST_Y(g), ST_X(g), ST_Z(g), depth_m, network, subtype
      FROM (SELECT exp_no, depth_m, network, subtype, ST_Transform(geom, ?) AS g
            FROM pipe_point WHERE %s AND exp_no = ANY (?)) p"""
          .formatted(ValidTime.open(""));

  /** Adds the current database points that the chunk's segments use and the input lacks. */
  private void lookUpDatabasePoints(List<SegmentRow> chunk) throws SQLException {
    Set<String> wanted = new LinkedHashSet<>();
    for (SegmentRow s : chunk) {
      for (String p : new String[] {s.startPoint(), s.endPoint()}) {
        if (p != null && !points.containsKey(p)) {
          wanted.add(p);
        }
      }
    }
    if (wanted.isEmpty()) {
      return;
    }
    try (PreparedStatement ps = connection.prepareStatement(DB_POINTS)) {
      ps.setInt(1, sourceSrid);
      Array names = connection.createArrayOf("text", wanted.toArray());
      ps.setArray(2, names);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          points.put(
              rs.getString(1),
              new PointEntry(
                  "database",
                  0,
                  rs.getDouble(2),
                  rs.getDouble(3),
                  rs.getDouble(4),
                  rs.getBigDecimal(5),
                  rs.getString(6),
                  rs.getString(7),
                  true));
        }
      }
    }
  }
}
