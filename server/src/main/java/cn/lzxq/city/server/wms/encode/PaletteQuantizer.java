package cn.lzxq.city.server.wms.encode;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;

/**
 * Reduces an ARGB or RGB image to at most 256 colours for image/png8: colours are counted in
 * 4-bit-per-channel buckets (65,536 of them), the 256 most frequent buckets become the palette
 * (each the mean of its pixels), and every bucket maps to its nearest palette entry. Maps have few
 * distinct colours besides antialiasing, so the result is close to the 24-bit image.
 */
final class PaletteQuantizer {

  /** The palette (ARGB) and one palette index per pixel, row by row. */
  record Indexed(int[] palette, byte[] pixels) {}

  private PaletteQuantizer() {}

  static Indexed quantize(BufferedImage image) {
    int[] argb = pixels(image);
    boolean alpha = image.getColorModel().hasAlpha();
    int[] count = new int[65_536];
    long[][] sums = new long[65_536][];
    for (int p : argb) {
      int c = alpha ? p : p | 0xff000000;
      int key = bucket(c);
      if (count[key]++ == 0) {
        sums[key] = new long[4];
      }
      long[] s = sums[key];
      s[0] += c >>> 24;
      s[1] += (c >> 16) & 0xff;
      s[2] += (c >> 8) & 0xff;
      s[3] += c & 0xff;
    }
    int[] palette = palette(count, sums);
    int[] map = new int[65_536];
    java.util.Arrays.fill(map, -1);
    byte[] out = new byte[argb.length];
    for (int i = 0; i < argb.length; i++) {
      int key = bucket(alpha ? argb[i] : argb[i] | 0xff000000);
      int idx = map[key];
      if (idx < 0) {
        idx = nearest(palette, sums[key], count[key]);
        map[key] = idx;
      }
      out[i] = (byte) idx;
    }
    return new Indexed(palette, out);
  }

  private static int[] pixels(BufferedImage image) {
    if (image.getRaster().getDataBuffer() instanceof DataBufferInt data
        && image.getType() != BufferedImage.TYPE_INT_BGR) {
      return data.getData();
    }
    return image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
  }

  private static int bucket(int c) {
    return ((c >>> 28) << 12)
        | (((c >> 20) & 0xf) << 8)
        | (((c >> 12) & 0xf) << 4)
        | ((c >> 4) & 0xf);
  }

  private static int[] palette(int[] count, long[][] sums) {
    int used = 0;
    for (int n : count) {
      used += n > 0 ? 1 : 0;
    }
    long[] ranked = new long[used];
    int k = 0;
    for (int key = 0; key < count.length; key++) {
      if (count[key] > 0) {
        ranked[k++] = ((long) count[key] << 16) | key;
      }
    }
    java.util.Arrays.sort(ranked);
    int size = Math.min(256, used);
    int[] palette = new int[size];
    for (int i = 0; i < size; i++) {
      int key = (int) (ranked[used - 1 - i] & 0xffff);
      palette[i] = mean(sums[key], count[key]);
    }
    return palette;
  }

  private static int mean(long[] s, int n) {
    return (int) (s[0] / n) << 24
        | (int) (s[1] / n) << 16
        | (int) (s[2] / n) << 8
        | (int) (s[3] / n);
  }

  private static int nearest(int[] palette, long[] sums, int n) {
    int c = mean(sums, n);
    int best = 0;
    long bestDistance = Long.MAX_VALUE;
    for (int i = 0; i < palette.length; i++) {
      int p = palette[i];
      long d =
          sq((p >>> 24) - (c >>> 24)) * 2
              + sq(((p >> 16) & 0xff) - ((c >> 16) & 0xff))
              + sq(((p >> 8) & 0xff) - ((c >> 8) & 0xff))
              + sq((p & 0xff) - (c & 0xff));
      if (d < bestDistance) {
        bestDistance = d;
        best = i;
      }
    }
    return best;
  }

  private static long sq(int v) {
    return (long) v * v;
  }
}
