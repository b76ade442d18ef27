package cn.lzxq.city.server.wms.render;

import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.Iterator;

/**
 * Reuses the images maps are drawn on, so a 1024×768 map does not allocate a 3 MiB array (a
 * humongous object for G1) per request. Every pixel of a taken canvas is the fill asked for (0:
 * fully transparent in {@code TYPE_INT_ARGB}; a map's background colour in {@code TYPE_INT_RGB}),
 * whether new or reused, written in one pass; closing it returns it. Idle canvases are kept most
 * recently returned first, at most {@code perSize} of one size and type and at most {@code
 * maxBytes} in all (the oldest are dropped first). Thread-safe.
 */
public final class CanvasPool {

  private final int perSize;
  private final long maxBytes;
  private final Deque<BufferedImage> idle = new ArrayDeque<>();
  private long idleBytes;

  /** A canvas lent for one map; close it once the image is no longer used. */
  public final class Canvas implements AutoCloseable {
    private BufferedImage image;

    private Canvas(BufferedImage image) {
      this.image = image;
    }

    /** The image to draw on, every pixel the fill it was taken with. */
    public BufferedImage image() {
      if (image == null) {
        throw new IllegalStateException("canvas already returned");
      }
      return image;
    }

    @Override
    public void close() {
      if (image != null) {
        give(image);
        image = null;
      }
    }
  }

  /**
   * @param perSize most idle canvases of one size and type
   * @param maxBytes most bytes all idle canvases hold together
   */
  public CanvasPool(int perSize, long maxBytes) {
    this.perSize = perSize;
    this.maxBytes = maxBytes;
  }

  /**
   * A {@code width}×{@code height} canvas, ARGB when {@code alpha}, else RGB, every pixel {@code
   * fill} (0xAARRGGBB; RGB ignores the top byte).
   */
  public Canvas take(int width, int height, boolean alpha, int fill) {
    int type = alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB;
    BufferedImage image = reuse(width, height, type);
    if (image == null) {
      image = new BufferedImage(width, height, type);
      if (fill != 0) {
        Arrays.fill(pixels(image), fill);
      }
    } else {
      Arrays.fill(pixels(image), fill);
    }
    return new Canvas(image);
  }

  /** Bytes of the idle canvases now. */
  public synchronized long idleBytes() {
    return idleBytes;
  }

  private synchronized BufferedImage reuse(int width, int height, int type) {
    for (Iterator<BufferedImage> it = idle.iterator(); it.hasNext(); ) {
      BufferedImage image = it.next();
      if (image.getWidth() == width && image.getHeight() == height && image.getType() == type) {
        it.remove();
        idleBytes -= bytes(image);
        return image;
      }
    }
    return null;
  }

  private synchronized void give(BufferedImage image) {
    long bytes = bytes(image);
    if (bytes > maxBytes) {
      return;
    }
    int same = 0;
    for (Iterator<BufferedImage> it = idle.iterator(); it.hasNext(); ) {
      BufferedImage other = it.next();
      if (other.getWidth() == image.getWidth()
          && other.getHeight() == image.getHeight()
          && other.getType() == image.getType()
          && ++same >= perSize) {
        it.remove();
        idleBytes -= bytes;
      }
    }
    while (idleBytes + bytes > maxBytes) {
      idleBytes -= bytes(idle.removeLast());
    }
    idle.addFirst(image);
    idleBytes += bytes;
  }

  private static int[] pixels(BufferedImage image) {
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }

  private static long bytes(BufferedImage image) {
    return 4L * image.getWidth() * image.getHeight();
  }
}
