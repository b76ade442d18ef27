package cn.lzxq.city.data.sample;

/**
 * What a survey point is: a CJJ 61 特征 (feature point) or 附属物 (appurtenance), with the sequence
 * digits of its 8-digit feature code (Appendix F: 阀门 04, 消防栓 02, 检查井 05 as in the standard's
 * examples; the others numbered in the same lists).
 */
public enum PointKind {
  STRAIGHT("直线点", false, "01"),
  BEND("弯头", false, "02"),
  TEE("三通", false, "03"),
  CROSS("四通", false, "04"),
  REDUCER("变径", false, "05"),
  STUB("预留口", false, "06"),
  CAP("盖堵", false, "07"),
  CABLE_WORK_WELL("工作井", true, "01"),
  MANHOLE_TX("人孔井", true, "01"),
  HYDRANT("消防栓", true, "02"),
  VALVE("阀门", true, "04"),
  STORM_MANHOLE("雨水井", true, "05"),
  SEWER_MANHOLE("污水井", true, "05"),
  INSPECTION_WELL("检查井", true, "05"),
  REGULATOR("调压箱", true, "06"),
  BRANCH_BOX("分支箱", true, "07");

  private final String nameZh;
  private final boolean appurtenance;
  private final String seq;

  PointKind(String nameZh, boolean appurtenance, String seq) {
    this.nameZh = nameZh;
    this.appurtenance = appurtenance;
    this.seq = seq;
  }

  /** The value of 特征 or 附属物. */
  public String nameZh() {
    return nameZh;
  }

  /** True for 附属物 (goes in {@code appurtenance}), false for 特征 (goes in {@code feature}). */
  public boolean appurtenance() {
    return appurtenance;
  }

  /** True for manholes and wells, which have a well depth and a cover. */
  boolean isWell() {
    return appurtenance && this != HYDRANT && this != REGULATOR;
  }

  /**
   * The 8-digit CJJ 61 feature code of this point on a network subtype, e.g. 51042204 for a valve
   * on 配水.
   */
  String featureCode(Band band, String subtypeDigits) {
    return "5" + band.networkDigit() + subtypeDigits + "2" + (appurtenance ? "2" : "1") + seq;
  }
}
