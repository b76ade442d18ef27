package cn.lzxq.city.data.io.qa;

/**
 * The kinds of problem an import reports, each with its Chinese and English title.
 *
 * <p>The code names are stable: a REST client may switch on them.
 */
public enum QaCode {
  MISSING_FIELD("必填项缺失", "missing required field"),
  NOT_A_NUMBER("数值格式错误", "not a number"),
  OUT_OF_RANGE("数值超出范围", "value out of range"),
  INVALID_VALUE("取值无效", "invalid value"),
  DUPLICATE_POINT("物探点号重复", "duplicate point number"),
  FEATURE_AND_APPURTENANCE(
      "特征与附属物须且仅须填写一项", "exactly one of feature and appurtenance must be filled"),
  START_EQUALS_END("起点与终点相同", "start point equals end point"),
  DUPLICATE_SEGMENT("管线段重复", "duplicate segment"),
  REVERSED_SEGMENT("管线段反向重复", "reversed duplicate segment"),
  INCONSISTENT_DEPTH("同一管线点埋深不一致", "inconsistent depth at a shared point"),
  INCONSISTENT_ELEVATION("同一管线点高程不一致", "inconsistent elevation at a shared point"),
  USED_HOLES_EXCEED_TOTAL("已用孔数大于总孔数", "used holes exceed total holes"),
  UNKNOWN_MATERIAL("材质代码未知", "unknown material"),
  MATERIAL_NOT_FOR_NETWORK("材质不适用于该管线类别", "material not used for this network"),
  UNKNOWN_LAYING("埋设方式未知", "unknown laying method"),
  UNKNOWN_SUBTYPE("管线小类未知", "unknown subtype"),
  UNKNOWN_NETWORK("无法确定管线类别", "cannot determine the network"),
  CODE_NETWORK_MISMATCH("要素代码与管线类别不符", "feature code does not match the network"),
  UNKNOWN_PRESSURE_CLASS("燃气压力级制未知", "unknown gas pressure class"),
  UNKNOWN_OWNER("权属单位未知", "unknown owner"),
  UNKNOWN_CODE("代码未知", "unknown code"),
  MISSING_POINT("管线段端点不在管线点表或数据库中", "segment end point not in the point table or the database"),
  OUTSIDE_SERVICE_AREA("坐标超出服务范围", "coordinates outside the service area"),
  DUPLICATE_KEY("要素编号重复", "duplicate feature key"),
  GEOMETRY("几何无效", "invalid geometry"),
  UNKNOWN_PROPERTY("未知属性（已忽略）", "unknown property (ignored)"),
  FILE("文件无法读取", "unreadable file"),
  DATABASE("数据库拒绝写入", "rejected by the database");

  private final String zh;
  private final String en;

  QaCode(String zh, String en) {
    this.zh = zh;
    this.en = en;
  }

  /** The Chinese title, e.g. 物探点号重复. */
  public String zh() {
    return zh;
  }

  /** The English title, e.g. duplicate point number. */
  public String en() {
    return en;
  }

  /** "中文 English: detail", the message form every issue uses. */
  public String message(String detail) {
    return zh + " " + en + (detail == null || detail.isEmpty() ? "" : ": " + detail);
  }
}
