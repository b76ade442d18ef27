package cn.lzxq.city.data.analysis.common;

/**
 * How a pipe's size is written: DN300 for a round pipe, 800×300 (width × height, mm) for a box or
 * duct bank.
 */
public final class PipeSize {

  private PipeSize() {}

  /**
   * @param sizeMm DN, or the box width, mm
   * @param heightMm the box height, mm; null for a round pipe
   */
  public static String label(Integer sizeMm, Integer heightMm) {
    if (sizeMm == null) {
      return "";
    }
    return heightMm != null ? sizeMm + "×" + heightMm : "DN" + sizeMm;
  }
}
