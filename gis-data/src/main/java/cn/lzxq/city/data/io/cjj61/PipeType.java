package cn.lzxq.city.data.io.cjj61;

/**
 * The resolved classification of a point or segment.
 *
 * @param network CJJ 61 major class code (JS … QT), null when unknown
 * @param subtype sub-class code (JP, YS …), null when unknown
 * @param featureCode the 8-digit Appendix F code, null when unknown
 */
public record PipeType(String network, String subtype, String featureCode) {

  /** True when every part is known. */
  public boolean complete() {
    return network != null && subtype != null && featureCode != null;
  }
}
