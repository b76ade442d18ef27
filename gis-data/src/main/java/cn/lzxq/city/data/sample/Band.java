package cn.lzxq.city.data.sample;

/**
 * A depth band: the networks (drainage split into storm and sewer) in the GB 50289 crossing order
 * from the surface down (DOMAIN §1.3: 通信, 电力, 燃气, 热力, 给水, 雨水, 污水). Every line of a band is laid at
 * the band's depth, so lines of one band meet at shared points and lines of different bands cross
 * with the vertical clearance {@link DepthPlan} designed.
 */
public enum Band {
  TX("TX", 6, "XX", "03", "top", "CTTC"),
  DL("DL", 5, "GD", "01", "top", "SGCC-LZXQ"),
  RQ("RQ", 3, "TR", "03", "top", "LZXQ-RQ"),
  RL("RL", 4, "RS", "01", "top", "LZXQ-RL"),
  JS("JS", 1, "JP", "04", "top", "LZXQ-GS"),
  YS("PS", 2, "YS", "01", "invert", "LZXQ-PS"),
  WS("PS", 2, "WS", "02", "invert", "LZXQ-PS");

  private final String network;
  private final int networkDigit;
  private final String subtype;
  private final String subtypeDigits;
  private final String depthRef;
  private final String owner;

  Band(
      String network,
      int networkDigit,
      String subtype,
      String subtypeDigits,
      String depthRef,
      String owner) {
    this.network = network;
    this.networkDigit = networkDigit;
    this.subtype = subtype;
    this.subtypeDigits = subtypeDigits;
    this.depthRef = depthRef;
    this.owner = owner;
  }

  /** CJJ 61 network code. */
  public String network() {
    return network;
  }

  int networkDigit() {
    return networkDigit;
  }

  /**
   * The CJJ 61 subtype of the band's points (and of its lines unless the line type says otherwise).
   */
  public String subtype() {
    return subtype;
  }

  String subtypeDigits() {
    return subtypeDigits;
  }

  /**
   * Where the survey depth is taken: {@code top} of pressure pipes and ducts, {@code invert} of
   * drainage.
   */
  public String depthRef() {
    return depthRef;
  }

  /** True for gravity drainage. */
  public boolean gravity() {
    return "invert".equals(depthRef);
  }

  /** The prefix of survey point numbers (物探点号), e.g. JS for JS000123; YS/WS for drainage. */
  public String pointPrefix() {
    return gravity() ? subtype : network;
  }

  /** The default owner (organization code); telecom lines name their operator instead. */
  String owner() {
    return owner;
  }

  /**
   * A well on this band: manholes on drainage, work wells on power, manholes on telecom; null if
   * none.
   */
  PointKind well() {
    return switch (this) {
      case YS -> PointKind.STORM_MANHOLE;
      case WS -> PointKind.SEWER_MANHOLE;
      case DL -> PointKind.CABLE_WORK_WELL;
      case TX -> PointKind.MANHOLE_TX;
      default -> null;
    };
  }

  /** True where the line is isolated by valves (water, gas, heat). */
  boolean valved() {
    return this == JS || this == RQ || this == RL;
  }

  /** The point where lines of this band meet with {@code degree} directions (2 to 4). */
  PointKind junction(int degree, boolean pressureChanges) {
    if (well() != null) {
      return well();
    }
    if (pressureChanges) {
      return PointKind.REGULATOR;
    }
    return degree >= 4 ? PointKind.CROSS : degree == 3 ? PointKind.TEE : PointKind.BEND;
  }

  /** The point where a service connection leaves a main. */
  PointKind serviceTee() {
    return this == DL ? PointKind.BRANCH_BOX : well() != null ? well() : PointKind.TEE;
  }

  /** The point where a service connection ends at the parcel's red line. */
  PointKind serviceStub() {
    return gravity() ? PointKind.INSPECTION_WELL : PointKind.STUB;
  }
}
