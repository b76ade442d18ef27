package cn.lzxq.city.data.sample;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The kinds of main laid under the roads, one table for all six networks: band, CJJ 61 subtype,
 * laying code, and the section by road class and rank. The rank is how far along its system a
 * stretch is: for trunks the number of crossings from the centre (sizes fall outwards), for
 * drainage the number of crossings from the upstream end (sizes grow downstream), for distribution
 * a per-road choice of 0 or 1.
 */
public enum LineType {
  DL_MAIN(Band.DL, "GD", "01", "GK", false),
  TX_MAIN(Band.TX, "XX", "03", "GK", false),
  JS_DIST(Band.JS, "JP", "04", "ZM", false),
  JS_TRUNK(Band.JS, "SS", "02", "ZM", true),
  RQ_DIST(Band.RQ, "TR", "03", "ZM", false),
  RQ_TRUNK(Band.RQ, "TR", "03", "ZM", true),
  RL_MAIN(Band.RL, "RS", "01", "ZM", false),
  RL_TRUNK(Band.RL, "RS", "01", "ZM", true),
  WS_MAIN(Band.WS, "WS", "02", "ZM", false),
  YS_MAIN(Band.YS, "YS", "01", "ZM", false);

  private static final int MAX_RANK = 40;

  private final Band band;
  private final String subtype;
  private final String subtypeDigits;
  private final String laying;
  private final boolean trunk;

  LineType(Band band, String subtype, String subtypeDigits, String laying, boolean trunk) {
    this.band = band;
    this.subtype = subtype;
    this.subtypeDigits = subtypeDigits;
    this.laying = laying;
    this.trunk = trunk;
  }

  public Band band() {
    return band;
  }

  public String subtype() {
    return subtype;
  }

  String subtypeDigits() {
    return subtypeDigits;
  }

  /** CJJ 61 laying code (埋设方式). */
  public String laying() {
    return laying;
  }

  /** True for trunks (输水, 次高压 gas, heat trunk), which run on arterials only. */
  public boolean trunk() {
    return trunk;
  }

  /** The 8-digit CJJ 61 feature code of this line's segments, e.g. 51041000 for 配水. */
  String featureCode() {
    return "5" + band.networkDigit() + subtypeDigits + "1000";
  }

  /** GB 50289 laying group of the laying code. */
  static String layingClass(String layingCode) {
    return switch (layingCode) {
      case "ZM" -> "direct";
      case "GK", "GM" -> "conduit";
      default -> throw new IllegalArgumentException(layingCode);
    };
  }

  /**
   * The gas pressure class of a gas line on a road class (MA on arterials and secondaries, MB on
   * branches).
   */
  String pressureClass(RoadClass roadClass) {
    if (band != Band.RQ) {
      return null;
    }
    return trunk ? "SHB" : roadClass == RoadClass.BRANCH ? "MB" : "MA";
  }

  /** The section of this line on a road class at a rank. */
  PipeSpec spec(RoadClass rc, int rank) {
    String lc = layingClass(laying);
    return switch (this) {
      case DL_MAIN ->
          PipeSpec.box("DL", subtype, pick(rc, 800, 600, 500), pick(rc, 300, 300, 250), lc, "T");
      case TX_MAIN -> PipeSpec.box("TX", subtype, pick(rc, 700, 600, 400), 250, lc, "PVC");
      case JS_DIST -> water(pick(rc, 300, 200 + 50 * (rank % 2), 150 + 50 * (rank % 2)));
      case JS_TRUNK -> water(rank <= 3 ? 600 : rank <= 8 ? 500 : 400);
      case RQ_DIST -> gas(rc, pick(rc, 250, 200, rank % 2 == 0 ? 160 : 110), "PE");
      case RQ_TRUNK -> gas(rc, 300, "G");
      case RL_MAIN -> round(pick(rc, 300, 300, 200 + 50 * (rank % 2)), "G");
      case RL_TRUNK -> round(rank <= 4 ? 500 : 400, "G");
      case WS_MAIN -> drain(pick(rc, 400, 400, 300) + 100 * Math.min(pick(rc, 2, 1, 1), rank / 3));
      case YS_MAIN -> drain(pick(rc, 600, 500, 400) + 100 * Math.min(pick(rc, 4, 3, 2), rank / 2));
    };
  }

  /** Every section this line can have on a road class (for planning clearances and depths). */
  List<PipeSpec> variants(RoadClass rc) {
    Set<PipeSpec> out = new LinkedHashSet<>();
    for (int rank = 0; rank <= MAX_RANK; rank++) {
      out.add(spec(rc, rank));
    }
    return List.copyOf(out);
  }

  private PipeSpec water(int dn) {
    return round(dn, dn >= 300 ? "QM" : "PE");
  }

  private PipeSpec gas(RoadClass rc, int dn, String material) {
    return PipeSpec.round("RQ", subtype, pressureClass(rc), dn, layingClass(laying), material);
  }

  private PipeSpec drain(int dn) {
    return round(dn, dn >= 500 ? "T" : "PVC");
  }

  private PipeSpec round(int dn, String material) {
    return PipeSpec.round(band.network(), subtype, null, dn, layingClass(laying), material);
  }

  private static int pick(RoadClass rc, int arterial, int secondary, int branch) {
    return switch (rc) {
      case ARTERIAL -> arterial;
      case SECONDARY -> secondary;
      case BRANCH -> branch;
    };
  }
}
