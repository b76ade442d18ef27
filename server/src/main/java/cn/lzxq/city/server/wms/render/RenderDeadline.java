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

  /**
   * Throws when the time is up: {@link #exceeded(Duration)} (400, not 503: the same request would
   * exceed the limit again; 503 means the database is unreachable).
   */
  public void check() {
    if (System.nanoTime() > endNanos) {
      throw exceeded(limit);
    }
  }

  /**
   * The answer to a map past the render time limit (drawing or its query):
   * OperationProcessingFailed, HTTP 400, saying the limit and what to ask for instead.
   */
  public static OwsException exceeded(Duration limit) {
    return new OwsException(
        "OperationProcessingFailed",
        null,
        "time limit of "
            + limit.toMillis() / 1000.0
            + " s exceeded drawing the map; narrow the BBOX, ask for fewer layers or a smaller image",
        400);
  }
}
