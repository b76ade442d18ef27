package cn.lzxq.city.server.wms.encode;

import ar.com.hjg.pngj.FilterType;
import ar.com.hjg.pngj.ImageInfo;
import ar.com.hjg.pngj.ImageLineByte;
import ar.com.hjg.pngj.PngWriter;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.IOException;
import java.io.OutputStream;

/** 24/32-bit PNG through PNGJ, fed straight from the image's int raster (a candidate in the encoder benchmark). */
public final class PngjEncoder implements ImageEncoder {

  private final int level;

  /** @param level deflate level 0–9 */
  public PngjEncoder(int level) {
    this.level = level;
  }

  @Override
  public void write(BufferedImage image, OutputStream out) throws IOException {
    boolean alpha = image.getColorModel().hasAlpha();
    int w = image.getWidth();
    int channels = alpha ? 4 : 3;
    ImageInfo info = new ImageInfo(w, image.getHeight(), 8, alpha);
    PngWriter png = new PngWriter(out, info);
    png.setCompLevel(level);
    png.setFilterType(FilterType.FILTER_ADAPTIVE_FAST);
    int[] data = ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
    ImageLineByte line = new ImageLineByte(info);
    byte[] row = line.getScanline();
    for (int y = 0; y < image.getHeight(); y++) {
      int o = y * w;
      for (int x = 0, k = 0; x < w; x++, k += channels) {
        int p = data[o + x];
        row[k] = (byte) (p >> 16);
        row[k + 1] = (byte) (p >> 8);
        row[k + 2] = (byte) p;
        if (alpha) {
          row[k + 3] = (byte) (p >>> 24);
        }
      }
      png.writeRow(line);
    }
    png.end();
  }
}
