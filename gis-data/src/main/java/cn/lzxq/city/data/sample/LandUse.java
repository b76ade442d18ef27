package cn.lzxq.city.data.sample;

import java.util.SplittableRandom;

/**
 * The GB 50137-2011 classes the sample zones parcels with (all present in land_use_class), with
 * ranges for the 控规 indicators: floor-area ratio, building coverage (%), green ratio (%) and height
 * limit (m). A null range means the plan sets no value for the class.
 */
public enum LandUse {
  R1("一类居住用地", true, r(0.8, 1.2), r(28, 35), r(35, 40), r(15, 24)),
  R2("二类居住用地", true, r(1.8, 2.8), r(20, 30), r(30, 35), r(54, 80)),
  A1("行政办公用地", false, r(1.5, 2.5), r(30, 40), r(30, 35), r(40, 60)),
  A2("文化设施用地", false, r(1.0, 2.0), r(30, 40), r(30, 35), r(24, 40)),
  A33("中小学用地", true, r(0.8, 1.2), r(25, 30), r(35, 40), r(20, 24)),
  A4("体育用地", false, r(0.5, 1.0), r(30, 40), r(30, 35), r(24, 40)),
  A5("医疗卫生用地", true, r(1.2, 2.0), r(30, 35), r(35, 40), r(40, 60)),
  A6("社会福利用地", true, r(1.0, 1.5), r(25, 30), r(35, 40), r(18, 24)),
  B1("商业用地", false, r(2.0, 4.0), r(40, 50), r(20, 25), r(60, 100)),
  B2("商务用地", false, r(3.0, 5.0), r(35, 45), r(25, 30), r(80, 150)),
  B4("公用设施营业网点用地", false, r(0.5, 1.0), r(30, 40), r(15, 20), r(12, 15)),
  M1("一类工业用地", false, r(1.0, 1.5), r(40, 50), r(15, 20), r(24, 30)),
  M2("二类工业用地", false, r(0.8, 1.2), r(40, 50), r(15, 20), r(24, 30)),
  W1("一类物流仓储用地", false, r(0.8, 1.5), r(45, 55), r(10, 15), r(24, 30)),
  U15("通信设施用地", false, r(0.5, 1.0), r(30, 40), r(30, 35), r(24, 30)),
  U2("环境设施用地", false, r(0.3, 0.8), r(25, 35), r(30, 40), r(12, 15)),
  G1("公园绿地", false, r(0.02, 0.08), r(2, 5), r(70, 80), r(9, 12)),
  G2("防护绿地", false, null, null, r(85, 95), null);

  private final String nameZh;
  private final boolean emfSensitive;
  private final double[] far;
  private final double[] coverage;
  private final double[] green;
  private final double[] height;

  LandUse(
      String nameZh,
      boolean emfSensitive,
      double[] far,
      double[] coverage,
      double[] green,
      double[] height) {
    this.nameZh = nameZh;
    this.emfSensitive = emfSensitive;
    this.far = far;
    this.coverage = coverage;
    this.green = green;
    this.height = height;
  }

  /** The land_use_class code. */
  public String code() {
    return name();
  }

  public String nameZh() {
    return nameZh;
  }

  /** Homes, schools, hospitals and welfare (land_use_class.emf_sensitive). */
  public boolean emfSensitive() {
    return emfSensitive;
  }

  /**
   * The indicators of a parcel of this class.
   *
   * @return FAR, coverage %, green %, height limit m; entries are null where the plan sets none
   */
  Double[] indicators(SplittableRandom r) {
    return new Double[] {
      draw(r, far, 100), draw(r, coverage, 10), draw(r, green, 10), draw(r, height, 1)
    };
  }

  private static Double draw(SplittableRandom r, double[] range, double unit) {
    return range == null ? null : Math.round(Rand.between(r, range[0], range[1]) * unit) / unit;
  }

  private static double[] r(double min, double max) {
    return new double[] {min, max};
  }
}
