package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.server.ows.OwsException;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Bounds the renders running at once and the image memory they hold together (semaphores of render
 * slots and of MiB). A request waits up to the queue timeout, then gets HTTP 503.
 */
public final class RenderGate {

  private final Semaphore slots;
  private final Semaphore memory;
  private final int memoryMb;
  private final Duration queueTimeout;

  /** A ticket for one render; close it to release the slot and the memory. */
  public interface Ticket extends AutoCloseable {
    @Override
    void close();
  }

  public RenderGate(int maxConcurrent, int memoryMb, Duration queueTimeout) {
    this.slots = new Semaphore(maxConcurrent, true);
    this.memory = new Semaphore(memoryMb, true);
    this.memoryMb = memoryMb;
    this.queueTimeout = queueTimeout;
  }

  /** Waits for a slot and for the memory of a {@code width}×{@code height} ARGB canvas. */
  public Ticket enter(int width, int height) {
    int mb = (int) Math.max(1, ((long) width * height * 4 + (1 << 20) - 1) >> 20);
    if (mb > memoryMb) {
      throw new OwsException(
          OwsException.INVALID_PARAMETER_VALUE,
          "WIDTH",
          "a "
              + width
              + "×"
              + height
              + " image needs "
              + mb
              + " MiB, more than the "
              + memoryMb
              + " MiB render memory");
    }
    try {
      long waitMs = queueTimeout.toMillis();
      if (!slots.tryAcquire(waitMs, TimeUnit.MILLISECONDS)) {
        throw busy();
      }
      if (!memory.tryAcquire(mb, waitMs, TimeUnit.MILLISECONDS)) {
        slots.release();
        throw busy();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    return () -> {
      memory.release(mb);
      slots.release();
    };
  }

  /**
   * 503 (the controllers add Retry-After): every render slot stayed taken for the queue timeout.
   */
  private OwsException busy() {
    return new OwsException(
        OwsException.NO_APPLICABLE_CODE,
        null,
        "服务器正忙于绘制其他地图，请稍后重试 / the server is busy drawing other maps (no render slot came free within "
            + queueTimeout.toMillis()
            + " ms); try again shortly",
        503);
  }
}
