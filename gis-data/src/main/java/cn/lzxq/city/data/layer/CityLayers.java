package cn.lzxq.city.data.layer;

import static cn.lzxq.city.data.layer.Attribute.measured;
import static cn.lzxq.city.data.layer.Attribute.of;
import static cn.lzxq.city.data.layer.AttributeType.BOOLEAN;
import static cn.lzxq.city.data.layer.AttributeType.DATE;
import static cn.lzxq.city.data.layer.AttributeType.DECIMAL;
import static cn.lzxq.city.data.layer.AttributeType.INTEGER;
import static cn.lzxq.city.data.layer.AttributeType.STRING;
import static cn.lzxq.city.data.layer.AttributeType.STRING_ARRAY;
import static cn.lzxq.city.data.layer.TileContent.TileProperty.computed;
import static cn.lzxq.city.data.layer.TileContent.TileProperty.optional;
import static cn.lzxq.city.data.layer.TileContent.TileProperty.required;

import cn.lzxq.city.data.layer.TileContent.TileEncoding;
import cn.lzxq.city.data.layer.TileContent.TileProperty;
import java.util.ArrayList;
import java.util.List;

/**
 * The layers of the city model, each defined in one entry: one pipe layer per CJJ 61 network, pipe
 * points, base stations, antenna sectors, zoning parcels, buildings, roads, construction projects,
 * WLAN access points, and the raster layers: the orthophoto and the coverage grids. Adding a layer
 * is adding an entry to {@link #all()}.
 */
public final class CityLayers {

  /** The six networks served as pipe layers: CJJ 61 code, Chinese and English name. */
  public static final List<String[]> NETWORKS =
      List.of(
          new String[] {"JS", "给水", "water supply"}, new String[] {"PS", "排水", "drainage"},
          new String[] {"RQ", "燃气", "gas"}, new String[] {"RL", "热力", "heat"},
          new String[] {"DL", "电力", "power"}, new String[] {"TX", "通信", "telecom"});

  private static final List<Attribute> PIPE_SEGMENT =
      List.of(
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

  /**
   * The date a feature's version became valid (Asia/Shanghai), carried by every 3D tile but the
   * sectors.
   */
  private static final TileProperty VALID_FROM =
      computed(of("valid_from", DATE, "生效日期", "valid from"), true);

  private static final List<TileProperty> PIPE_TILE =
      List.of(
          required("network"),
          required("subtype"),
          required("owner"),
          computed(measured("size", STRING, "规格", "size (DN or W×H)", "mm"), true),
          optional("dn_mm"),
          optional("width_mm"),
          optional("height_mm"),
          optional("material"),
          required("depth_ref"),
          optional("start_depth_m"),
          optional("end_depth_m"),
          computed(measured("depth_m", DECIMAL, "最大埋深", "greatest depth", "m"), false),
          optional("build_year"),
          required("status"),
          optional("pressure_class"),
          VALID_FROM);

  /**
   * The operators' 5G carriers whose coverage is served: operator code, band, Chinese and English
   * names. A coverage run computes every operator and band it finds; only these are layers.
   */
  public static final List<String[]> COVERAGE_CARRIERS =
      List.of(
          new String[] {"CMCC", "n41", "中国移动 2.6GHz", "China Mobile 2.6 GHz"},
          new String[] {"CTCC", "n78", "中国电信 3.5GHz", "China Telecom 3.5 GHz"},
          new String[] {"CUCC", "n78", "中国联通 3.5GHz", "China Unicom 3.5 GHz"},
          new String[] {"CBN", "n28", "中国广电 700MHz", "China Broadnet 700 MHz"});

  private static final List<Layer> LAYERS = build();

  private CityLayers() {}

  /** Every layer, in the order capabilities documents list them. */
  public static List<Layer> all() {
    return LAYERS;
  }

  private static List<Layer> build() {
    List<Layer> layers = new ArrayList<>();
    for (String[] n : NETWORKS) {
      String name = "pipe_" + n[0].toLowerCase();
      layers.add(
          Layer.vector(
                  name,
                  n[1] + "管线",
                  n[2] + " pipes",
                  "CJJ 61-2017 "
                      + n[2]
                      + " pipe segments ("
                      + n[0]
                      + "); Z is the surveyed top or invert",
                  "pipe_segment",
                  GeometryKind.LINE,
                  PIPE_SEGMENT)
              .withFixedValue("network", n[0])
              .withImportKey(new ImportKey(List.of("start_point", "end_point"), true))
              .withTiles(
                  new TileContent(
                      n[0],
                      n[1] + "管线",
                      name,
                      name,
                      TileEncoding.PIPES,
                      "pipe_segment",
                      "管线段 pipe segment",
                      PIPE_TILE)));
    }
    layers.add(pipePoints());
    layers.addAll(stations());
    layers.add(parcels());
    layers.add(buildings());
    layers.add(
        Layer.vector(
                "road",
                "道路",
                "roads",
                "Road centrelines with class and red-line width",
                "road",
                GeometryKind.LINE,
                List.of(
                    of("name", STRING, "道路名称", "name"),
                    of("road_class", STRING, "道路等级", "class"),
                    measured("red_line_width_m", DECIMAL, "红线宽度", "red-line width", "m"),
                    measured("carriageway_width_m", DECIMAL, "车行道宽度", "carriageway width", "m")))
            .withImportKey(ImportKey.of("name")));
    layers.add(
        Layer.vector(
                "construction_project",
                "建设项目",
                "construction projects",
                "Planned and ongoing works: corridor, networks and time window",
                "construction_project",
                GeometryKind.POLYGON,
                List.of(
                    of("project_code", STRING, "项目编号", "project code"),
                    of("name", STRING, "项目名称", "name"),
                    of("owner", STRING, "建设单位", "owner"),
                    of("kind", STRING, "项目类型", "kind"),
                    of("networks", STRING_ARRAY, "涉及管线", "networks"),
                    measured("trench_depth_m", DECIMAL, "开挖深度", "trench depth", "m"),
                    of("planned_start", DATE, "计划开工", "planned start"),
                    of("planned_end", DATE, "计划完工", "planned end"),
                    of("status", STRING, "状态", "status")))
            .withImportKey(ImportKey.of("project_code")));
    layers.add(
        Layer.vector(
                "district",
                "片区",
                "districts",
                "Districts the coverage KPIs are reported by: code and name; Z is the ground",
                "district",
                GeometryKind.POLYGON,
                List.of(
                    of("district_code", STRING, "片区编码", "district code"),
                    of("name", STRING, "片区名称", "name"),
                    of("name_en", STRING, "英文名称", "English name")))
            .withImportKey(ImportKey.of("district_code")));
    layers.add(
        Layer.vector(
                "wlan_ap",
                "WLAN热点",
                "WLAN access points",
                "Public WLAN access points: SSID, operator, band, mount height and EIRP; Z is the ground",
                "wlan_ap",
                GeometryKind.POINT,
                List.of(
                    of("ap_code", STRING, "热点编码", "access point code"),
                    of("ssid", STRING, "SSID", "SSID"),
                    of("operator", STRING, "运营单位", "operator"),
                    of("band", STRING, "频段", "band"),
                    measured("mount_height_m", DECIMAL, "挂高", "mount height", "m"),
                    measured("eirp_dbm", DECIMAL, "发射功率(EIRP)", "EIRP", "dBm"),
                    of("placement", STRING, "室内/室外", "indoor or outdoor"),
                    of("status", STRING, "状态", "status")))
            .withImportKey(ImportKey.of("ap_code")));
    layers.add(
        Layer.vector(
                "power_tower",
                "高压铁塔",
                "power-line towers",
                "High-voltage power-line towers: the foundation outline (基础边, what GB 50289-2016"
                    + " Table 4.1.9 measures pipes to), line, voltage, height and owner; Z is the"
                    + " ground",
                "power_tower",
                GeometryKind.POLYGON,
                List.of(
                    of("tower_code", STRING, "杆塔编号", "tower code"),
                    of("line_name", STRING, "线路名称", "line"),
                    measured("voltage_kv", DECIMAL, "电压等级", "voltage", "kV"),
                    measured("tower_height_m", DECIMAL, "塔高", "tower height", "m"),
                    of("owner", STRING, "权属单位", "owner"),
                    of("build_year", INTEGER, "建成年份", "year built"),
                    of("status", STRING, "状态", "status")))
            .withImportKey(ImportKey.of("tower_code")));
    layers.add(
        Layer.vector(
                "street_tree",
                "行道树",
                "street trees",
                "Street trees and shrubs: trunk position (what GB 50289-2016 Table 4.1.9 measures"
                    + " pipes to), species, growth form, trunk diameter, planting year and road; Z"
                    + " is the ground",
                "street_tree",
                GeometryKind.POINT,
                List.of(
                    of("tree_code", STRING, "树木编号", "tree code"),
                    of("species", STRING, "树种", "species"),
                    of("species_latin", STRING, "学名", "Latin name"),
                    of("growth_form", STRING, "乔木/灌木", "tree or shrub"),
                    measured("trunk_diameter_cm", DECIMAL, "胸径", "trunk diameter", "cm"),
                    of("planted_year", INTEGER, "种植年份", "year planted"),
                    of("road_name", STRING, "所在道路", "road"),
                    of("status", STRING, "状态", "status")))
            .withImportKey(ImportKey.of("tree_code")));
    layers.add(orthophoto());
    layers.addAll(coverage());
    return List.copyOf(layers);
  }

  /**
   * The orthophoto (DOM, table dom, V71): the current imported image, drawn as it is; no cell
   * values (not queryable).
   */
  private static Layer orthophoto() {
    return Layer.raster(
        "orthophoto",
        "数字正射影像",
        "orthophoto (DOM)",
        "Orthophoto (DOM) imported with `city import dom`, drawn as imported by WMS and WMTS. In the"
            + " generated sample it is synthetic: shaded relief of the sample DEM tinted by land"
            + " use, with roads and roofs, not aerial imagery.",
        "dom",
        java.util.Map.of(),
        List.of());
  }

  /**
   * The coverage rasters (table coverage_tile, V90): best-server RSRP and SINR of one operator's
   * band, named {@code coverage_<operator>_<band>} in lower case, and the public WLAN's best RSSI
   * and SNR, {@code coverage_wlan} (V170).
   */
  private static List<Layer> coverage() {
    List<Layer> out = new ArrayList<>();
    for (String[] c : COVERAGE_CARRIERS) {
      out.add(
          Layer.raster(
              ("coverage_" + c[0] + "_" + c[1]).toLowerCase(java.util.Locale.ROOT),
              c[2] + " 覆盖",
              c[3] + " coverage",
              "Best-server RSRP per resource element (dBm) and SINR (dB) of "
                  + c[3]
                  + " ("
                  + c[1]
                  + ") on the coverage grid (TR 38.901 UMa, TR 36.814 sector patterns)",
              "coverage_tile",
              java.util.Map.of("operator", c[0], "band", c[1]),
              List.of(
                  measured("rsrp", DECIMAL, "参考信号接收功率", "RSRP", "dBm"),
                  measured("sinr", DECIMAL, "信干噪比", "SINR", "dB"),
                  of("server", INTEGER, "主服务扇区", "serving sector"))));
    }
    out.add(
        Layer.raster(
            "coverage_wlan",
            "公共WLAN 覆盖",
            "public WLAN coverage",
            "Best RSSI (dBm over the channel) and SNR (dB) of the public WLAN access points (wlan_ap)"
                + " on the coverage grid (ITU-R P.1411 site-general NLoS, omnidirectional)",
            "coverage_tile",
            java.util.Map.of("operator", "WLAN", "band", ""),
            List.of(
                measured("rssi", DECIMAL, "接收信号强度", "RSSI", "dBm"),
                measured("snr", DECIMAL, "信噪比", "SNR", "dB"),
                of("server", INTEGER, "主服务热点", "serving access point"))));
    return out;
  }

  private static Layer pipePoints() {
    return Layer.vector(
            "pipe_point",
            "管线点",
            "pipe points",
            "CJJ 61-2017 pipe points: feature points (bends, tees…) and appurtenances (valves, manholes…); Z is the ground",
            "pipe_point",
            GeometryKind.POINT,
            List.of(
                of("network", STRING, "管线类别", "network"),
                of("subtype", STRING, "管线子类", "subtype"),
                of("exp_no", STRING, "物探点号", "survey point number"),
                of("map_no", STRING, "图上点号", "map number"),
                of("feature", STRING, "特征", "feature"),
                of("appurtenance", STRING, "附属物", "appurtenance"),
                of("feature_code", STRING, "要素代码", "feature code"),
                measured("ground_elev_m", DECIMAL, "地面高程", "ground elevation", "m"),
                measured("depth_m", DECIMAL, "埋深", "depth", "m"),
                measured("well_depth_m", DECIMAL, "井深", "well depth", "m"),
                measured("rotation_deg", DECIMAL, "旋转角", "symbol rotation", "°"),
                of("operable", BOOLEAN, "可操作", "operable"),
                of("owner", STRING, "权属单位", "owner"),
                of("road_name", STRING, "道路名称", "road"),
                of("status", STRING, "状态", "status")))
        .withImportKey(ImportKey.of("exp_no"))
        .withTiles(
            new TileContent(
                "POINTS",
                "管线点（井、阀门、消火栓）",
                "pipe_point",
                "points",
                TileEncoding.APPURTENANCES,
                "pipe_point",
                "管线点 pipe point",
                List.of(
                    computed(of("asset", STRING, "类型", "kind (MANHOLE, VALVE, HYDRANT)"), true),
                    required("network"),
                    required("subtype"),
                    required("appurtenance"),
                    required("exp_no"),
                    required("owner"),
                    optional("depth_m"),
                    optional("well_depth_m"),
                    optional("ground_elev_m"),
                    required("status"),
                    VALID_FROM)));
  }

  private static List<Layer> stations() {
    Layer stations =
        Layer.vector(
                "base_station",
                "基站",
                "base stations",
                "Mobile base-station sites with their tower and tenants; Z is the ground",
                "base_station",
                GeometryKind.POINT,
                List.of(
                    of("site_code", STRING, "站址编码", "site code"),
                    of("site_name", STRING, "站址名称", "site name"),
                    of("area_type", STRING, "区域类型", "area type"),
                    of("tower_type", STRING, "塔型", "tower type"),
                    measured("tower_height_m", DECIMAL, "塔高", "tower height", "m"),
                    of("sharing_status", STRING, "共享状态", "sharing status"),
                    of("tenants", STRING_ARRAY, "租户", "tenants"),
                    of("owner", STRING, "产权单位", "owner"),
                    of("build_year", INTEGER, "建设年代", "construction year"),
                    of("status", STRING, "状态", "status")))
            .withImportKey(ImportKey.of("site_code"))
            .withTiles(
                new TileContent(
                    "STATIONS",
                    "移动通信基站",
                    "stations",
                    "stations",
                    TileEncoding.TOWERS,
                    "base_station",
                    "基站 base station",
                    List.of(
                        required("site_code"),
                        required("site_name"),
                        required("tower_type"),
                        required("tower_height_m"),
                        required("area_type"),
                        required("sharing_status"),
                        required("tenants"),
                        required("owner"),
                        optional("build_year"),
                        required("status"),
                        VALID_FROM)));
    Layer sectors =
        Layer.vector(
                "antenna_sector",
                "天线扇区",
                "antenna sectors",
                "Antenna sectors with operator, band, azimuth and downtilt; Z is the antenna elevation",
                "antenna_sector",
                GeometryKind.POINT,
                List.of(
                    of("site_code", STRING, "站址编码", "site code"),
                    of("sector_no", INTEGER, "扇区号", "sector"),
                    of("operator", STRING, "运营商", "operator"),
                    of("technology", STRING, "制式", "technology"),
                    of("band", STRING, "频段", "band"),
                    measured("frequency_mhz", DECIMAL, "频率", "frequency", "MHz"),
                    measured("azimuth_deg", DECIMAL, "方位角", "azimuth", "°"),
                    measured("mech_tilt_deg", DECIMAL, "机械下倾角", "mechanical downtilt", "°"),
                    measured("elec_tilt_deg", DECIMAL, "电下倾角", "electrical downtilt", "°"),
                    measured("antenna_height_m", DECIMAL, "挂高", "antenna height", "m"),
                    measured("h_beamwidth_deg", DECIMAL, "水平波瓣宽度", "horizontal beamwidth", "°"),
                    measured("eirp_dbm", DECIMAL, "等效全向辐射功率", "EIRP", "dBm"),
                    of("status", STRING, "状态", "status")))
            .withImportKey(ImportKey.of("site_code", "sector_no"))
            .withTiles(
                new TileContent(
                    "STATIONS",
                    "移动通信基站",
                    "stations",
                    "stations",
                    TileEncoding.SECTORS,
                    "antenna_sector",
                    "扇区 antenna sector",
                    List.of(
                        required("site_code"),
                        required("sector_no"),
                        required("operator"),
                        required("technology"),
                        required("band"),
                        required("frequency_mhz"),
                        required("azimuth_deg"),
                        required("mech_tilt_deg"),
                        required("elec_tilt_deg"),
                        required("antenna_height_m"),
                        required("eirp_dbm"),
                        required("status"))));
    return List.of(stations, sectors);
  }

  /**
   * Buildings: footprint (Z = ground), GB 50352-2019 height or floors, ridge height, use, parcel;
   * LOD2 walls and roofs (table column {@code lod2}, not an attribute) when imported from CityJSON.
   */
  private static Layer buildings() {
    return Layer.vector(
            "building",
            "建筑物",
            "buildings",
            "Building footprints with height (GB 50352-2019 §4.5.2) or floors, ridge height, use and"
                + " parcel; 3D: extruded LOD1, LOD2 walls and roofs where imported; Z is the ground",
            "building",
            GeometryKind.POLYGON,
            List.of(
                of("building_code", STRING, "建筑编码", "building code"),
                of("name", STRING, "建筑名称", "name"),
                of("building_use", STRING, "建筑用途", "use"),
                of("floors", INTEGER, "层数", "floors"),
                measured("height_m", DECIMAL, "建筑高度", "building height", "m"),
                measured("roof_height_m", DECIMAL, "屋脊高度", "ridge height", "m"),
                of("parcel_code", STRING, "地块编码", "parcel code"),
                of("build_year", INTEGER, "建成年份", "year built"),
                of("status", STRING, "状态", "status")))
        .withImportKey(ImportKey.of("building_code"))
        .withTiles(
            new TileContent(
                "BUILDINGS",
                "建筑物",
                "buildings",
                "buildings",
                TileEncoding.BUILDINGS,
                "building",
                "建筑物 building",
                List.of(
                    required("building_code"),
                    optional("name"),
                    required("building_use"),
                    optional("floors"),
                    optional("height_m"),
                    optional("roof_height_m"),
                    optional("parcel_code"),
                    optional("build_year"),
                    required("status"),
                    VALID_FROM)));
  }

  /** GB 50137-2011 names the class columns 类别代码 and 类别名称: here 用地代码 and 用地名称. */
  private static Layer parcels() {
    return Layer.vector(
            "zoning_parcel",
            "控规地块",
            "zoning parcels",
            "Regulatory detailed plan parcels with GB 50137-2011 land-use class and indicators",
            "zoning_parcel",
            GeometryKind.POLYGON,
            List.of(
                of("parcel_code", STRING, "地块编码", "parcel code"),
                of("land_use_code", STRING, "用地代码", "land-use code"),
                of("land_use_name", STRING, "用地名称", "land-use name"),
                measured("area_m2", DECIMAL, "用地面积", "area", "m²"),
                of("max_far", DECIMAL, "容积率上限", "max floor-area ratio"),
                measured("max_coverage_pct", DECIMAL, "建筑密度上限", "max building coverage", "%"),
                measured("min_green_pct", DECIMAL, "绿地率下限", "min green ratio", "%"),
                measured("height_limit_m", DECIMAL, "建筑限高", "height limit", "m"),
                of("plan_name", STRING, "规划名称", "plan"),
                of("approval_date", DATE, "批复日期", "approval date")))
        .withImportKey(ImportKey.of("parcel_code"))
        .withTiles(parcelTiles("PARCELS", "控规地块", "parcels"));
  }

  /**
   * The extruded-parcel 3D content of a zoning-parcel layer (the layer's rows, its own group).
   *
   * @param code content group code
   * @param groupZh Chinese group name
   * @param name folder and tileset name
   */
  public static TileContent parcelTiles(String code, String groupZh, String name) {
    return new TileContent(
        code,
        groupZh,
        name,
        name,
        TileEncoding.PARCELS,
        "zoning_parcel",
        "控规地块 zoning parcel",
        List.of(
            required("parcel_code"),
            required("land_use_code"),
            required("land_use_name"),
            required("area_m2"),
            optional("max_far"),
            optional("max_coverage_pct"),
            optional("min_green_pct"),
            optional("height_limit_m"),
            optional("plan_name"),
            VALID_FROM));
  }
}
