package cn.lzxq.city.data.io.cjj61;

import java.util.List;
import java.util.Locale;

/**
 * The columns of the CJJ 61-2017 point table (管线点) and line table (管线段), with every header name we
 * accept for each: the one table of header synonyms. Headers are compared after {@link
 * #normalize(String)}, so {@code S_Point}, {@code s point} and {@code 起点点号(m)} match.
 */
public enum Cjj61Field {
  // point table
  EXP_NO("物探点号", "点号", "管线点号", "外业点号", "exp_no", "point_no", "pt_no"),
  MAP_NO("图上点号", "map_no"),
  FEATURE("特征", "特征点", "feature"),
  APPURTENANCE("附属物", "subsid", "appurtenance", "attachment"),
  X("X", "X坐标", "纵坐标", "northing"),
  Y("Y", "Y坐标", "横坐标", "easting"),
  GROUND_ELEV("地面高程", "地面标高", "surf_h", "ground_h", "ground_elev"),
  DEPTH("埋深", "点埋深", "b_depth", "depth"),
  WELL_DEPTH("井深", "well_depth"),
  COVER_SIZE("井盖规格", "井盖尺寸", "cover_size"),
  COVER_MATERIAL("井盖材质", "cover_material"),
  ROTATION("旋转角", "符号角度", "rotation", "angle"),
  // line table
  START_POINT("起点点号", "起点", "起始点号", "s_point", "start_point", "from_point"),
  END_POINT("终点点号", "终点", "连接点号", "e_point", "end_point", "to_point"),
  START_DEPTH("起点埋深", "s_depth", "start_depth"),
  END_DEPTH("终点埋深", "e_depth", "end_depth"),
  START_ELEV("起点高程", "起点管顶高程", "起点管底高程", "s_h", "start_h", "start_elev"),
  END_ELEV("终点高程", "终点管顶高程", "终点管底高程", "e_h", "end_h", "end_elev"),
  SIZE("管径", "规格", "断面尺寸", "管径或断面尺寸", "d_s", "size", "diameter", "dn"),
  MATERIAL("材质", "管材", "material"),
  LAYING("埋设方式", "敷设方式", "buried", "laying"),
  PRESSURE("压力", "压力等级", "pressure"),
  VOLTAGE("电压", "voltage"),
  CABLE_COUNT("电缆条数", "光缆条数", "条数", "cab_count", "cable_count"),
  TOTAL_HOLES("总孔数", "total_hole", "total_holes"),
  USED_HOLES("已用孔数", "used_hole", "used_holes"),
  FLOW_DIR("流向", "flowdir", "flow_dir"),
  BUILD_YEAR("建设年代", "埋设日期", "埋设年代", "mdate", "year", "build_year"),
  LINE_NO("线号", "管线编号", "line_no"),
  // both tables
  NETWORK("管线类别", "管线类型", "管类", "network"),
  CODE("要素代码", "要素编码", "ysdm", "code", "feature_code"),
  ROAD("道路名称", "所在道路", "road", "road_name", "r_name"),
  OWNER("权属单位", "owner"),
  STATUS("状态", "使用状态", "state", "status"),
  SURVEY_UNIT("探测单位", "普查单位", "survey_unit", "exp_unit"),
  SURVEY_DATE("探测日期", "普查日期", "survey_date", "exp_date"),
  REMARKS("备注", "remark", "remarks");

  private final String label;
  private final List<String> synonyms;

  Cjj61Field(String... names) {
    this.label = names[0];
    this.synonyms = List.of(names).stream().map(Cjj61Field::normalize).toList();
  }

  /** The Chinese name used in messages when the column is missing, e.g. 物探点号. */
  public String chineseName() {
    return label;
  }

  /** True when a header (normalized) names this field. */
  boolean matches(String normalizedHeader) {
    return synonyms.contains(normalizedHeader);
  }

  /**
   * Header normal form: no byte order mark, no unit in brackets ({@code 埋深(m)}, {@code 管径（mm）}), no
   * spaces, underscores or hyphens, lower case.
   */
  public static String normalize(String header) {
    return header
        .replace("\uFEFF", "")
        .replaceAll("[(（\\[].*?[)）\\]]", "")
        .replaceAll("[\\s_\\-]", "")
        .toLowerCase(Locale.ROOT);
  }
}
