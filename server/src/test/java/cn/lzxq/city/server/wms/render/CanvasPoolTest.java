package cn.lzxq.city.server.wms.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Canvases come back cleared, only for the same size and type, within both bounds. */
class CanvasPoolTest {

  private static final long MIB = 1 << 20;

  @Test
  void aReturnedCanvasIsReusedClearedForTheSameSizeAndType() {
    CanvasPool pool = new CanvasPool(4, 64 * MIB);
    BufferedImage first;
    try (CanvasPool.Canvas canvas = pool.take(300, 200, true, 0)) {
      first = canvas.image();
      Graphics2D g = first.createGraphics();
      g.setColor(new Color(10, 200, 30, 128));
      g.fillRect(0, 0, 300, 200);
      g.dispose();
    }
    assertThat(pool.idleBytes()).isEqualTo(300 * 200 * 4);
    try (CanvasPool.Canvas canvas = pool.take(300, 200, true, 0)) {
      assertThat(canvas.image()).as("reused").isSameAs(first);
      assertThat(Arrays.stream(pixels(canvas.image())).allMatch(p -> p == 0))
          .as("every pixel transparent")
          .isTrue();
      assertThat(pool.idleBytes()).isZero();
    }
    try (CanvasPool.Canvas opaque = pool.take(300, 200, false, 0);
        CanvasPool.Canvas other = pool.take(200, 300, true, 0)) {
      assertThat(opaque.image()).isNotSameAs(first);
      assertThat(opaque.image().getType()).isEqualTo(BufferedImage.TYPE_INT_RGB);
      assertThat(other.image()).isNotSameAs(first);
      assertThat(other.image().getType()).isEqualTo(BufferedImage.TYPE_INT_ARGB);
    }
  }

  @Test
  void idleCanvasesAreBoundedPerSizeAndInBytes() {
    CanvasPool pool = new CanvasPool(2, 10 * MIB);
    CanvasPool.Canvas[] three = {
      pool.take(512, 512, true, 0), pool.take(512, 512, true, 0), pool.take(512, 512, true, 0)
    };
    for (CanvasPool.Canvas c : three) {
      c.close();
    }
    assertThat(pool.idleBytes()).as("two of one size").isEqualTo(2 * MIB);
    CanvasPool.Canvas big = pool.take(1024, 1024, false, 0);
    CanvasPool.Canvas bigger = pool.take(2048, 1024, false, 0);
    big.close();
    bigger.close();
    assertThat(pool.idleBytes()).as("the oldest dropped to make room").isEqualTo(8 * MIB);
    pool.take(4096, 1024, true, 0).close();
    assertThat(pool.idleBytes()).as("larger than the pool: not kept").isEqualTo(8 * MIB);
  }

  @Test
  void aCanvasIsReturnedOnceAndNotUsedAfterwards() {
    CanvasPool pool = new CanvasPool(4, 64 * MIB);
    CanvasPool.Canvas canvas = pool.take(10, 10, true, 0);
    canvas.close();
    canvas.close();
    assertThat(pool.idleBytes()).isEqualTo(400);
    assertThatThrownBy(canvas::image).isInstanceOf(IllegalStateException.class);
  }

  private static int[] pixels(BufferedImage image) {
    return ((DataBufferInt) image.getRaster().getDataBuffer()).getData();
  }
}
