package cn.lzxq.city.data.io.cjj61;

import cn.lzxq.city.data.io.SqlColumn;
import cn.lzxq.city.data.io.TableColumns;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How survey rows become pipe_point and pipe_segment columns: the column lists, their values (bound
 * as text, cast by the database to the column type) and the geometry, built in PostGIS from the
 * surveyed coordinates in the input CRS and transformed to the native CRS there.
 */
final class Cjj61Columns {

  static final List<String> POINT =
      List.of(
          "network",
          "subtype",
          "exp_no",
          "map_no",
          "feature",
          "appurtenance",
          "feature_code",
          "ground_elev_m",
          "depth_m",
          "well_depth_m",
          "cover_size",
          "cover_material",
          "rotation_deg",
          "owner",
          "road_name",
          "status",
          "survey_unit",
          "survey_date",
          "remarks");

  static final List<String> SEGMENT =
      List.of(
          "network",
          "subtype",
          "feature_code",
          "line_no",
          "start_point",
          "end_point",
          "start_depth_m",
          "end_depth_m",
          "start_elev_m",
          "end_elev_m",
          "depth_ref",
          "dn_mm",
          "width_mm",
          "height_mm",
          "material",
          "laying",
          "pressure_mpa",
          "pressure_class",
          "voltage_kv",
          "cable_count",
          "total_holes",
          "used_holes",
          "flow_dir",
          "owner",
          "build_year",
          "road_name",
          "status",
          "survey_unit",
          "survey_date",
          "remarks");

  private static final String XYZ =
      "ST_MakePoint(CAST(? AS float8), CAST(? AS float8), CAST(? AS float8))";

  private Cjj61Columns() {}

  /**
   * The point columns and a PointZ geometry from (easting, northing, ground elevation, input SRID).
   */
  static List<SqlColumn> point(TableColumns table) {
    return with(table, POINT, "ST_SetSRID(" + XYZ + ", CAST(? AS integer))");
  }

  /**
   * The segment columns and a LineStringZ geometry from (E, N, Z) of both ends and the input SRID.
   */
  static List<SqlColumn> segment(TableColumns table) {
    return with(
        table, SEGMENT, "ST_SetSRID(ST_MakeLine(" + XYZ + ", " + XYZ + "), CAST(? AS integer))");
  }

  private static List<SqlColumn> with(TableColumns table, List<String> names, String geometry) {
    List<SqlColumn> out = new ArrayList<>();
    names.forEach(n -> out.add(SqlColumn.text(table.column(n).orElseThrow())));
    out.add(new SqlColumn("geom", "ST_Transform(" + geometry + ", " + table.nativeSrid() + ")"));
    return out;
  }

  /** The bind values of a point row, matching {@link #point}. */
  static List<Object> pointValues(PointRow p, PipeType type, String owner, int sourceSrid) {
    List<Object> v =
        texts(
            type.network(),
            type.subtype(),
            p.expNo(),
            p.mapNo(),
            p.feature(),
            p.appurtenance(),
            type.featureCode(),
            p.groundElev(),
            p.depth(),
            p.wellDepth(),
            p.coverSize(),
            p.coverMaterial(),
            p.rotation(),
            owner,
            p.road(),
            p.status(),
            p.surveyUnit(),
            p.surveyDate(),
            p.remarks());
    v.addAll(
        List.of(
            p.easting().doubleValue(),
            p.northing().doubleValue(),
            p.groundElev().doubleValue(),
            sourceSrid));
    return v;
  }

  /** The bind values of a segment row, matching {@link #segment}. */
  static List<Object> segmentValues(
      SegmentRow s,
      PipeType type,
      SegmentCodes codes,
      String depthRef,
      PointEntry start,
      PointEntry end,
      int sourceSrid) {
    List<Object> v =
        texts(
            type.network(),
            type.subtype(),
            type.featureCode(),
            s.lineNo(),
            s.startPoint(),
            s.endPoint(),
            s.startDepth(),
            s.endDepth(),
            s.startElev(),
            s.endElev(),
            depthRef,
            s.size().dn(),
            s.size().width(),
            s.size().height(),
            codes.material(),
            codes.laying(),
            codes.pressureMpa(),
            codes.pressureClass(),
            s.voltage(),
            s.cableCount(),
            s.totalHoles(),
            s.usedHoles(),
            s.flowDir(),
            codes.owner(),
            s.buildYear(),
            s.road(),
            s.status(),
            s.surveyUnit(),
            s.surveyDate(),
            s.remarks());
    v.addAll(
        List.of(
            start.easting(),
            start.northing(),
            z(start, s.startElev(), s.startDepth()),
            end.easting(),
            end.northing(),
            z(end, s.endElev(), s.endDepth()),
            sourceSrid));
    return v;
  }

  /** The surveyed elevation of a segment end: as given, else ground − depth (metres). */
  static double z(PointEntry point, BigDecimal elev, BigDecimal depth) {
    return elev != null
        ? elev.doubleValue()
        : BigDecimal.valueOf(point.groundElev()).subtract(depth).doubleValue();
  }

  private static List<Object> texts(Object... values) {
    List<Object> out = new ArrayList<>();
    Arrays.stream(values)
        .forEach(
            v ->
                out.add(
                    v == null
                        ? null
                        : v instanceof BigDecimal d ? d.toPlainString() : v.toString()));
    return out;
  }
}
