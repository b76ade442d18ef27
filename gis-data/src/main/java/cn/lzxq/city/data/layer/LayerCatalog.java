package cn.lzxq.city.data.layer;

import static cn.lzxq.city.data.layer.Attribute.measured;
import static cn.lzxq.city.data.layer.Attribute.of;
import static cn.lzxq.city.data.layer.AttributeType.BOOLEAN;
import static cn.lzxq.city.data.layer.AttributeType.DATE;
import static cn.lzxq.city.data.layer.AttributeType.DECIMAL;
import static cn.lzxq.city.data.layer.AttributeType.INTEGER;
import static cn.lzxq.city.data.layer.AttributeType.STRING;
import static cn.lzxq.city.data.layer.AttributeType.STRING_ARRAY;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The layers of the city model: one pipe layer per CJJ 61 network, pipe points, base stations,
 * antenna sectors, zoning parcels, roads and construction projects.
 */
public final class LayerCatalog {

  /** The six networks served as pipe layers: CJJ 61 code, Chinese and English name. */
  public static final List<String[]> NETWORKS = List.of(
      new String[] {"JS", "给水", "water supply"}, new String[] {"PS", "排水", "drainage"},
      new String[] {"RQ", "燃气", "gas"}, new String[] {"RL", "热力", "heat"},
      new String[] {"DL", "电力", "power"}, new String[] {"TX", "通信", "telecom"});

  private static final List<Attribute> PIPE_SEGMENT = List.of(
      of("network", STRING, "管线类别", "network"),
      of("subtype", STRING, "管线子类", "subtype"),
      of("feature_code", STRING, "要素代码", "feature code"),
      of("start_point", STRING, "起点点号", "start point"),
      of("end_point", STRING, "终点点号", "end point"),
      measured("start_depth_m", DECIMAL, "起点埋深", "start depth", "m"),
      measured("end_depth_m", DECIMAL, "终点埋深", "end depth", "m"),
      measured("start_elev_m", DECIMAL, "起点高程", "start elevation", "m"),
      measured("end_elev_m", DECIMAL, "终点高程", "end elevation", "m"),
      of("depth_ref", STRING, "埋深基准", "depth reference"),
      measured("dn_mm", INTEGER, "管径", "diameter DN", "mm"),
      measured("width_mm", INTEGER, "断面宽", "section width", "mm"),
      measured("height_mm", INTEGER, "断面高", "section height", "mm"),
      of("material", STRING, "材质", "material"),
      of("laying", STRING, "埋设方式", "laying method"),
      measured("pressure_mpa", DECIMAL, "压力", "pressure", "MPa"),
      of("pressure_class", STRING, "压力等级", "pressure class"),
      measured("voltage_kv", DECIMAL, "电压", "voltage", "kV"),
      of("cable_count", INTEGER, "电缆条数", "cable count"),
      of("total_holes", INTEGER, "总孔数", "total duct holes"),
      of("used_holes", INTEGER, "已用孔数", "used duct holes"),
      of("flow_dir", STRING, "流向", "flow direction"),
      of("owner", STRING, "权属单位", "owner"),
      of("build_year", INTEGER, "建设年代", "construction year"),
      of("road_name", STRING, "道路名称", "road"),
      of("status", STRING, "状态", "status"),
      of("survey_unit", STRING, "探测单位", "survey unit"),
      of("survey_date", DATE, "探测日期", "survey date"));

  private static final List<Layer> LAYERS = build();

  private LayerCatalog() {
  }

  /** Every layer, in the order capabilities documents list them. */
  public static List<Layer> all() {
    return LAYERS;
  }

  /** The layer with this name. */
  public static Optional<Layer> find(String name) {
    return LAYERS.stream().filter(l -> l.name().equals(name)).findFirst();
  }

  private static List<Layer> build() {
    List<Layer> layers = new ArrayList<>();
    for (String[] n : NETWORKS) {
      layers.add(new Layer("pipe_" + n[0].toLowerCase(), n[1] + "管线", n[2] + " pipes",
          "CJJ 61-2017 " + n[2] + " pipe segments (" + n[0] + "); Z is the surveyed top or invert",
          "pipe_segment", "network = '" + n[0] + "'", "geom", GeometryKind.LINE, PIPE_SEGMENT));
    }
    layers.add(new Layer("pipe_point", "管线点", "pipe points",
        "CJJ 61-2017 pipe points: feature points (bends, tees…) and appurtenances (valves, manholes…); Z is the ground",
        "pipe_point", "", "geom", GeometryKind.POINT, List.of(
            of("network", STRING, "管线类别", "network"), of("subtype", STRING, "管线子类", "subtype"),
            of("exp_no", STRING, "物探点号", "survey point number"), of("map_no", STRING, "图上点号", "map number"),
            of("feature", STRING, "特征", "feature"), of("appurtenance", STRING, "附属物", "appurtenance"),
            of("feature_code", STRING, "要素代码", "feature code"),
            measured("ground_elev_m", DECIMAL, "地面高程", "ground elevation", "m"),
            measured("depth_m", DECIMAL, "埋深", "depth", "m"),
            measured("well_depth_m", DECIMAL, "井深", "well depth", "m"),
            measured("rotation_deg", DECIMAL, "旋转角", "symbol rotation", "deg"),
            of("operable", BOOLEAN, "可操作", "operable"), of("owner", STRING, "权属单位", "owner"),
            of("road_name", STRING, "道路名称", "road"), of("status", STRING, "状态", "status"))));
    layers.add(new Layer("base_station", "基站", "base stations",
        "Mobile base-station sites with their tower and tenants; Z is the ground",
        "base_station", "", "geom", GeometryKind.POINT, List.of(
            of("site_code", STRING, "站址编码", "site code"), of("site_name", STRING, "站址名称", "site name"),
            of("area_type", STRING, "区域类型", "area type"), of("tower_type", STRING, "塔型", "tower type"),
            measured("tower_height_m", DECIMAL, "塔高", "tower height", "m"),
            of("sharing_status", STRING, "共享状态", "sharing status"), of("tenants", STRING_ARRAY, "租户", "tenants"),
            of("owner", STRING, "产权单位", "owner"), of("status", STRING, "状态", "status"))));
    layers.add(new Layer("antenna_sector", "天线扇区", "antenna sectors",
        "Antenna sectors with operator, band, azimuth and downtilt; Z is the antenna elevation",
        "antenna_sector", "", "geom", GeometryKind.POINT, List.of(
            of("site_code", STRING, "站址编码", "site code"), of("sector_no", INTEGER, "扇区号", "sector"),
            of("operator", STRING, "运营商", "operator"), of("technology", STRING, "制式", "technology"),
            of("band", STRING, "频段", "band"), measured("frequency_mhz", DECIMAL, "频率", "frequency", "MHz"),
            measured("azimuth_deg", DECIMAL, "方位角", "azimuth", "deg"),
            measured("mech_tilt_deg", DECIMAL, "机械下倾角", "mechanical downtilt", "deg"),
            measured("elec_tilt_deg", DECIMAL, "电下倾角", "electrical downtilt", "deg"),
            measured("antenna_height_m", DECIMAL, "挂高", "antenna height", "m"),
            measured("h_beamwidth_deg", DECIMAL, "水平波瓣宽度", "horizontal beamwidth", "deg"),
            measured("eirp_dbm", DECIMAL, "等效全向辐射功率", "EIRP", "dBm"))));
    layers.add(new Layer("zoning_parcel", "控规地块", "zoning parcels",
        "Regulatory detailed plan parcels with GB 50137-2011 land-use class and indicators",
        "zoning_parcel", "", "geom", GeometryKind.POLYGON, List.of(
            of("parcel_code", STRING, "地块编码", "parcel code"), of("land_use_code", STRING, "用地性质", "land-use class"),
            of("land_use_name", STRING, "用地名称", "land-use name"), measured("area_m2", DECIMAL, "用地面积", "area", "m²"),
            of("max_far", DECIMAL, "容积率上限", "max floor-area ratio"),
            measured("max_coverage_pct", DECIMAL, "建筑密度上限", "max building coverage", "%"),
            measured("min_green_pct", DECIMAL, "绿地率下限", "min green ratio", "%"),
            measured("height_limit_m", DECIMAL, "建筑限高", "height limit", "m"),
            of("plan_name", STRING, "规划名称", "plan"), of("approval_date", DATE, "批复日期", "approval date"))));
    layers.add(new Layer("road", "道路", "roads", "Road centrelines with class and red-line width",
        "road", "", "geom", GeometryKind.LINE, List.of(
            of("name", STRING, "道路名称", "name"), of("road_class", STRING, "道路等级", "class"),
            measured("red_line_width_m", DECIMAL, "红线宽度", "red-line width", "m"),
            measured("carriageway_width_m", DECIMAL, "车行道宽度", "carriageway width", "m"))));
    layers.add(new Layer("construction_project", "建设项目", "construction projects",
        "Planned and ongoing works: corridor, networks and time window",
        "construction_project", "", "geom", GeometryKind.POLYGON, List.of(
            of("project_code", STRING, "项目编号", "project code"), of("name", STRING, "项目名称", "name"),
            of("owner", STRING, "建设单位", "owner"), of("kind", STRING, "项目类型", "kind"),
            of("networks", STRING_ARRAY, "涉及管线", "networks"),
            measured("trench_depth_m", DECIMAL, "开挖深度", "trench depth", "m"),
            of("planned_start", DATE, "计划开工", "planned start"), of("planned_end", DATE, "计划完工", "planned end"),
            of("status", STRING, "状态", "status"))));
    return List.copyOf(layers);
  }
}
