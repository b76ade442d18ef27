package cn.lzxq.city.server.wms.encode;

import com.pngencoder.PngEncoder;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.util.function.IntSupplier;

/**
 * 24-bit PNG (32-bit with alpha) through {@code com.pngencoder}: the fastest of ImageIO, PNGJ
 * and pngencoder in {@code bench/wms/EncoderBench.java} (tied with PNGJ; figures in
 * bench/RESULTS.md). Deflate level 4 takes about half the time of level 6 for 5–7 % more bytes.
 * An image of at least {@link #PARALLEL_PIXELS} pixels drawn while fewer renders than cores run
 * is deflated in segments on pngencoder's pool of one thread per core (a 1024×768 map otherwise
 * spends about a third of its time in deflate); otherwise on the request thread, since concurrent
 * requests already use the cores.
 */
public final class FastPngEncoder implements ImageEncoder {

  /** Images with at least this many pixels (512×512) are compressed on all cores. */
  public static final long PARALLEL_PIXELS = 512L * 512;

  private final int level;
  private final IntSupplier rendersRunning;
  private final int cores = Runtime.getRuntime().availableProcessors();

  /**
   * @param level          deflate level 0–9
   * @param rendersRunning how many maps are being drawn or encoded now, this one included
   */
  public FastPngEncoder(int level, IntSupplier rendersRunning) {
    this.level = level;
    this.rendersRunning = rendersRunning;
  }

  @Override
  public void write(BufferedImage image, OutputStream out) throws IOException {
    boolean parallel = (long) image.getWidth() * image.getHeight() >= PARALLEL_PIXELS
        && rendersRunning.getAsInt() < cores;
    new PngEncoder().withBufferedImage(image).withCompressionLevel(level).withMultiThreadedCompressionEnabled(parallel)
        .toStream(out);
  }
}
