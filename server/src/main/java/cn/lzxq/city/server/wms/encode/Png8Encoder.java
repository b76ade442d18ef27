package cn.lzxq.city.server.wms.encode;

import ar.com.hjg.pngj.FilterType;
import ar.com.hjg.pngj.ImageInfo;
import ar.com.hjg.pngj.ImageLineByte;
import ar.com.hjg.pngj.PngWriter;
import ar.com.hjg.pngj.chunks.PngChunkPLTE;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/** image/png8: an 8-bit palette PNG (with a tRNS chunk for transparency) written with PNGJ. */
public final class Png8Encoder implements ImageEncoder {

  private final int level;

  /**
   * @param level deflate level 0–9
   */
  public Png8Encoder(int level) {
    this.level = level;
  }

  @Override
  public void write(BufferedImage image, OutputStream out) throws IOException {
    PaletteQuantizer.Indexed indexed = PaletteQuantizer.quantize(image);
    int w = image.getWidth();
    ImageInfo info = new ImageInfo(w, image.getHeight(), 8, false, false, true);
    PngWriter png = new PngWriter(out, info);
    png.setCompLevel(level);
    png.setFilterType(FilterType.FILTER_NONE);
    int[] palette = indexed.palette();
    PngChunkPLTE plte = png.getMetadata().createPLTEChunk();
    plte.setNentries(palette.length);
    int[] alpha = new int[palette.length];
    boolean translucent = false;
    for (int i = 0; i < palette.length; i++) {
      plte.setEntry(i, (palette[i] >> 16) & 0xff, (palette[i] >> 8) & 0xff, palette[i] & 0xff);
      alpha[i] = palette[i] >>> 24;
      translucent |= alpha[i] != 255;
    }
    if (translucent) {
      png.getMetadata().createTRNSChunk().setPalletteAlpha(alpha);
    }
    ImageLineByte line = new ImageLineByte(info);
    byte[] row = line.getScanline();
    for (int y = 0; y < image.getHeight(); y++) {
      System.arraycopy(indexed.pixels(), y * w, row, 0, w);
      png.writeRow(line);
    }
    png.end();
  }
}
