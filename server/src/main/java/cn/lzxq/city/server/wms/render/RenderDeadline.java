package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.server.ows.OwsException;
import java.time.Duration;

/** The time a render must finish by; checked while features are drawn. */
public final class RenderDeadline {

  private final long endNanos;
  private final Duration limit;

  /** A deadline {@code limit} from now. */
  public RenderDeadline(Duration limit) {
    this.limit = limit;
    this.endNanos = System.nanoTime() + limit.toNanos();
  }

  /** Milliseconds left, at least 1. */
  public long remainingMillis() {
    return Math.max(1, (endNanos - System.nanoTime()) / 1_000_000);
  }

  /** Throws when the time is up (HTTP 503: the server limit, not the request, is at fault). */
  public void check() {
    if (System.nanoTime() > endNanos) {
      throw new OwsException(
          OwsException.NO_APPLICABLE_CODE,
          null,
          "the map took longer than "
              + limit.toMillis()
              + " ms to draw; ask for a smaller area or fewer layers",
          503);
    }
  }
}
