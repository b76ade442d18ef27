package cn.lzxq.city.server.wms.encode;

/**
 * The PNG "Up" filter (filter type 2) applied straight to packed pixels: each scanline byte is the
 * difference to the same byte of the row above (the row above the first is zero), so a map's long
 * runs of equal columns and vertical lines become zeros that deflate well. Works on rows of {@code
 * int} pixels as {@link java.awt.image.BufferedImage#TYPE_INT_ARGB} stores them (0xAARRGGBB, not
 * premultiplied) or {@code TYPE_INT_RGB} (0x00RRGGBB, top byte ignored).
 */
final class PngFilter {

  /** PNG filter type byte of "Up". */
  static final byte UP = 2;

  private PngFilter() {}

  /** Bytes of one filtered scanline: the filter type byte and {@code channels} bytes per pixel. */
  static int lineBytes(int width, boolean alpha) {
    return 1 + width * (alpha ? 4 : 3);
  }

  /**
   * Writes the filtered scanline of the row at {@code row} (the row above at {@code above}, or −1
   * for the first row) of width {@code width} into {@code out} from {@code at}: the filter type
   * byte, then R, G, B (and A when {@code alpha}) of each pixel, each minus the same byte above.
   *
   * @return the index after the last byte written
   */
  static int up(int[] pixels, int row, int above, int width, boolean alpha, byte[] out, int at) {
    out[at++] = UP;
    if (above < 0) {
      for (int x = 0; x < width; x++) {
        int p = pixels[row + x];
        out[at++] = (byte) (p >> 16);
        out[at++] = (byte) (p >> 8);
        out[at++] = (byte) p;
        if (alpha) {
          out[at++] = (byte) (p >>> 24);
        }
      }
      return at;
    }
    for (int x = 0; x < width; x++) {
      int p = pixels[row + x];
      int q = pixels[above + x];
      // The low byte of a difference is the difference of the low bytes modulo 256.
      out[at++] = (byte) ((p >> 16) - (q >> 16));
      out[at++] = (byte) ((p >> 8) - (q >> 8));
      out[at++] = (byte) (p - q);
      if (alpha) {
        out[at++] = (byte) ((p >>> 24) - (q >>> 24));
      }
    }
    return at;
  }
}
