package cn.lzxq.city.server.wms.encode;

import com.pngencoder.PngEncoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;

/**
 * 24-bit PNG (32-bit with alpha) through {@code com.pngencoder}: the fastest of ImageIO, PNGJ
 * and pngencoder in {@code bench/wms/EncoderBench.java} (tied with PNGJ; figures in
 * bench/RESULTS.md). Deflate level 4 takes about half the time of level 6 for 5–7 % more bytes;
 * single-threaded because concurrent requests already use the cores.
 */
public final class FastPngEncoder implements ImageEncoder {

  private final int level;

  /** @param level deflate level 0–9 */
  public FastPngEncoder(int level) {
    this.level = level;
  }

  @Override
  public void write(BufferedImage image, OutputStream out) throws IOException {
    new PngEncoder().withBufferedImage(image).withCompressionLevel(level).withMultiThreadedCompressionEnabled(false)
        .toStream(out);
  }
}
