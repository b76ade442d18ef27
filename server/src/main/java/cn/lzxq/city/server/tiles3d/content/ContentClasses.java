package cn.lzxq.city.server.tiles3d.content;

import static cn.lzxq.city.tiles.gltf.PropertyDef.optional;
import static cn.lzxq.city.tiles.gltf.PropertyDef.required;
import static cn.lzxq.city.tiles.gltf.PropertyType.FLOAT32;
import static cn.lzxq.city.tiles.gltf.PropertyType.FLOAT64;
import static cn.lzxq.city.tiles.gltf.PropertyType.INT32;
import static cn.lzxq.city.tiles.gltf.PropertyType.STRING;

import cn.lzxq.city.tiles.content.FeatureClasses;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import java.util.List;

/**
 * The metadata classes of the served contents. Every class starts with {@code feature_id}: the
 * {@code fid} that WFS and OGC API use, so a viewer can join a picked feature to its live record.
 * Property ids are the column names of the tile SQL (sql/tiles3d/*.sql); units are in the names.
 */
public final class ContentClasses {

  /** Pipe segments: CJJ 61 attributes; {@code size} is "DN300" or "1000×800" (mm). */
  public static final MetadataClass PIPE = FeatureClasses.withFeatureId("pipe_segment", "管线段 pipe segment", List.of(
      required("network", "管线类别 network", STRING),
      required("subtype", "管线子类 subtype", STRING),
      required("owner", "权属单位 owner", STRING),
      required("size", "规格 size (DN or W×H, mm)", STRING),
      optional("dn_mm", "管径 DN (mm)", INT32),
      optional("width_mm", "断面宽 width (mm)", INT32),
      optional("height_mm", "断面高 height (mm)", INT32),
      optional("material", "材质 material", STRING),
      required("depth_ref", "埋深基准 depth reference (top/invert)", STRING),
      optional("start_depth_m", "起点埋深 start depth (m)", FLOAT64),
      optional("end_depth_m", "终点埋深 end depth (m)", FLOAT64),
      optional("depth_m", "最大埋深 greatest depth (m)", FLOAT64),
      optional("build_year", "建设年代 construction year", INT32),
      required("status", "状态 status", STRING),
      optional("pressure_class", "压力等级 pressure class", STRING),
      required("valid_from", "生效日期 valid from (date)", STRING)));

  /** Pipe-point appurtenances: manholes, valves, hydrants. */
  public static final MetadataClass POINT = FeatureClasses.withFeatureId("pipe_point", "管线点 pipe point", List.of(
      required("asset", "类型 kind (MANHOLE, VALVE, HYDRANT)", STRING),
      required("network", "管线类别 network", STRING),
      required("subtype", "管线子类 subtype", STRING),
      required("appurtenance", "附属物 appurtenance", STRING),
      required("exp_no", "物探点号 survey point number", STRING),
      required("owner", "权属单位 owner", STRING),
      optional("depth_m", "埋深 depth (m)", FLOAT64),
      optional("well_depth_m", "井深 well depth (m)", FLOAT64),
      optional("ground_elev_m", "地面高程 ground elevation (m)", FLOAT64),
      required("status", "状态 status", STRING),
      required("valid_from", "生效日期 valid from (date)", STRING)));

  /** Base-station sites with their tower. */
  public static final MetadataClass STATION = FeatureClasses.withFeatureId("base_station", "基站 base station", List.of(
      required("site_code", "站址编码 site code", STRING),
      required("site_name", "站名 site name", STRING),
      required("tower_type", "塔型 tower type", STRING),
      required("tower_height_m", "塔高 tower height (m)", FLOAT32),
      required("area_type", "区域类型 area type", STRING),
      required("sharing_status", "共享状态 sharing", STRING),
      required("tenants", "租户 tenants", STRING),
      required("owner", "产权单位 owner", STRING),
      optional("build_year", "建设年代 construction year", INT32),
      required("status", "状态 status", STRING),
      required("valid_from", "生效日期 valid from (date)", STRING)));

  /** Antenna sectors. */
  public static final MetadataClass SECTOR = FeatureClasses.withFeatureId("antenna_sector", "扇区 antenna sector", List.of(
      required("site_code", "站址编码 site code", STRING),
      required("sector_no", "扇区号 sector", INT32),
      required("operator", "运营商 operator", STRING),
      required("technology", "制式 technology", STRING),
      required("band", "频段 band", STRING),
      required("frequency_mhz", "频率 frequency (MHz)", FLOAT32),
      required("azimuth_deg", "方位角 azimuth (deg)", FLOAT32),
      required("mech_tilt_deg", "机械下倾 mechanical tilt (deg)", FLOAT32),
      required("elec_tilt_deg", "电下倾 electrical tilt (deg)", FLOAT32),
      required("antenna_height_m", "挂高 antenna height (m)", FLOAT32),
      required("eirp_dbm", "EIRP (dBm)", FLOAT32),
      required("status", "状态 status", STRING)));

  /** Zoning parcels (GB 50137-2011 land use and indicators). */
  public static final MetadataClass PARCEL = FeatureClasses.withFeatureId("zoning_parcel", "控规地块 zoning parcel", List.of(
      required("parcel_code", "地块编码 parcel code", STRING),
      required("land_use_code", "用地代码 land-use code", STRING),
      required("land_use_name", "用地性质 land use", STRING),
      required("area_m2", "面积 area (m²)", FLOAT64),
      optional("max_far", "容积率上限 max FAR", FLOAT32),
      optional("max_coverage_pct", "建筑密度上限 max coverage (%)", FLOAT32),
      optional("min_green_pct", "绿地率下限 min green (%)", FLOAT32),
      optional("height_limit_m", "限高 height limit (m)", FLOAT32),
      optional("plan_name", "规划名称 plan", STRING),
      required("valid_from", "生效日期 valid from (date)", STRING)));

  private ContentClasses() {
  }
}
