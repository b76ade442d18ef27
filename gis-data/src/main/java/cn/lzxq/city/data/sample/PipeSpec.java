package cn.lzxq.city.data.sample;

/**
 * What the clearance and cover rules need to know about a pipe, duct or cable.
 *
 * @param network CJJ 61 network code (JS PS RQ RL DL TX)
 * @param subtype CJJ 61 subtype code (JP, WS, TR, ...)
 * @param pressureClass gas pressure class (L MB MA SHB ...), null for other networks
 * @param dnMm nominal diameter, millimetres (inner for drainage; the outside diameter and wall come
 *     from pipe_wall, {@link PipeWalls}); null for box sections
 * @param widthMm box or duct-bank width, millimetres; null for round pipes
 * @param heightMm box or duct-bank height, millimetres; null for round pipes
 * @param layingClass GB 50289 laying group of the CJJ 61 laying code: direct, conduit, trench or
 *     tunnel
 * @param material CJJ 61 material code (PE, QM, G, T, ...)
 */
public record PipeSpec(
    String network,
    String subtype,
    String pressureClass,
    Integer dnMm,
    Integer widthMm,
    Integer heightMm,
    String layingClass,
    String material) {

  /** A round pipe. */
  static PipeSpec round(
      String network,
      String subtype,
      String pressureClass,
      int dnMm,
      String layingClass,
      String material) {
    return new PipeSpec(network, subtype, pressureClass, dnMm, null, null, layingClass, material);
  }

  /** A box section or duct bank. */
  static PipeSpec box(
      String network,
      String subtype,
      int widthMm,
      int heightMm,
      String layingClass,
      String material) {
    return new PipeSpec(network, subtype, null, null, widthMm, heightMm, layingClass, material);
  }

  /**
   * The clearance_type of the pipe, as pipe_clearance_type() (V20) derives it: a trench is GG, a
   * tunnel ZH, reclaimed water ZS, else the network.
   */
  public String clearanceType() {
    return switch (String.valueOf(layingClass)) {
      case "trench" -> "GG";
      case "tunnel" -> "ZH";
      default -> "JS".equals(network) && "ZS".equals(subtype) ? "ZS" : network;
    };
  }

  /** The size as drawn: DN300, or W×H for boxes and duct banks (mm). */
  String sizeLabel() {
    return widthMm != null ? widthMm + "×" + heightMm : "DN" + dnMm;
  }

  /** CJJ 61 depth reference of the network: the inner invert for drainage, else the outer top. */
  String depthRef() {
    return "PS".equals(network) ? "invert" : "top";
  }

  private PipeWalls.Section section() {
    return PipeWalls.seeded().of(material, depthRef(), dnMm);
  }

  /** Half the outer plan width, metres: the outer radius of a round pipe, half a box's width. */
  public double halfWidthM() {
    return (widthMm != null ? widthMm : section().outerMm()) / 2000.0;
  }

  /** The outer vertical size, metres: the outside diameter of a round pipe, a box's height. */
  public double heightM() {
    return (heightMm != null ? heightMm : section().outerMm()) / 1000.0;
  }

  /**
   * How far the outer top lies above the surveyed Z, metres: the inner diameter and the wall for
   * drainage (Z is the inner invert), 0 for pressure pipes and ducts (Z is the outer top).
   */
  public double topAboveZM() {
    if (!"invert".equals(depthRef())) {
      return 0;
    }
    return heightMm != null
        ? heightMm / 1000.0
        : (section().outerMm() - section().wallMm()) / 1000.0;
  }

  /** How far the outer bottom lies below the surveyed Z, metres. */
  public double bottomBelowZM() {
    return heightM() - topAboveZM();
  }
}
