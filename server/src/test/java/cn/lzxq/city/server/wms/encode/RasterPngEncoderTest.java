package cn.lzxq.city.server.wms.encode;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Inflater;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The PNG written from the int raster decodes with ImageIO to exactly the pixels drawn; its chunks
 * are well formed.
 */
class RasterPngEncoderTest {

  private final RasterPngEncoder encoder = new RasterPngEncoder(2);

  /** Opaque maps are written as RGB (colour type 2), transparent ones as RGBA (6). */
  @ParameterizedTest
  @ValueSource(booleans = {false, true})
  void mapsRoundTripPixelExact(boolean alpha) throws Exception {
    for (int[] size :
        new int[][] {{256, 256}, {1024, 768}, {1, 1}, {3, 5}, {7, 1}, {257, 13}, {1021, 3}}) {
      BufferedImage image = map(size[0], size[1], alpha);
      byte[] png = encode(image);
      assertThat(png[25]).as("colour type").isEqualTo((byte) (alpha ? 6 : 2));
      BufferedImage decoded = ImageIO.read(new ByteArrayInputStream(png));
      assertThat(decoded.getColorModel().hasAlpha()).isEqualTo(alpha);
      assertSamePixels(image, decoded, alpha ? 0xffffffff : 0xffffff);
      assertWellFormed(png, size[0], size[1], alpha ? 4 : 3);
    }
  }

  @Test
  void noiseOfEveryByteValueSpansManyIdatChunks() throws Exception {
    Random random = new Random(7);
    for (int type : new int[] {BufferedImage.TYPE_INT_ARGB, BufferedImage.TYPE_INT_RGB}) {
      BufferedImage image = new BufferedImage(2048, 1536, type);
      for (int y = 0; y < image.getHeight(); y++) {
        for (int x = 0; x < image.getWidth(); x++) {
          image.setRGB(x, y, random.nextInt());
        }
      }
      byte[] png = encode(image);
      assertThat(png.length)
          .as("incompressible: several 64 KiB IDAT chunks")
          .isGreaterThan(4 * 65_536);
      boolean alpha = type == BufferedImage.TYPE_INT_ARGB;
      assertSamePixels(
          image, ImageIO.read(new ByteArrayInputStream(png)), alpha ? 0xffffffff : 0xffffff);
      assertWellFormed(png, 2048, 1536, alpha ? 4 : 3);
    }
  }

  @Test
  void otherImageTypesAreWrittenThroughAnArgbCopy() throws Exception {
    BufferedImage bgr = new BufferedImage(33, 21, BufferedImage.TYPE_3BYTE_BGR);
    Graphics2D g = bgr.createGraphics();
    g.drawImage(map(33, 21, false), 0, 0, null);
    g.dispose();
    byte[] png = encode(bgr);
    assertSamePixels(bgr, ImageIO.read(new ByteArrayInputStream(png)), 0xffffffff);
    BufferedImage part = map(64, 64, true).getSubimage(5, 7, 30, 20);
    assertSamePixels(part, ImageIO.read(new ByteArrayInputStream(encode(part))), 0xffffffff);
  }

  private byte[] encode(BufferedImage image) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    encoder.write(image, out);
    return out.toByteArray();
  }

  private static void assertSamePixels(BufferedImage expected, BufferedImage actual, int mask) {
    assertThat(actual.getWidth()).isEqualTo(expected.getWidth());
    assertThat(actual.getHeight()).isEqualTo(expected.getHeight());
    for (int y = 0; y < expected.getHeight(); y++) {
      for (int x = 0; x < expected.getWidth(); x++) {
        int e = expected.getRGB(x, y) & mask;
        int a = actual.getRGB(x, y) & mask;
        if (e != a) {
          assertThat(Integer.toHexString(a))
              .as("pixel %d,%d of %d×%d", x, y, expected.getWidth(), expected.getHeight())
              .isEqualTo(Integer.toHexString(e));
        }
      }
    }
  }

  /**
   * Signature, IHDR first, CRC of every chunk, IEND last; the zlib stream holds "Up"-filtered rows.
   */
  private static void assertWellFormed(byte[] png, int width, int height, int channels)
      throws Exception {
    ByteBuffer b = ByteBuffer.wrap(png);
    assertThat(b.getLong()).isEqualTo(0x89504e470d0a1a0aL);
    ByteArrayOutputStream zlib = new ByteArrayOutputStream();
    String type = "";
    int chunks = 0;
    while (!type.equals("IEND")) {
      int length = b.getInt();
      byte[] typeAndData = new byte[4 + length];
      b.get(typeAndData);
      type = new String(typeAndData, 0, 4, java.nio.charset.StandardCharsets.US_ASCII);
      CRC32 crc = new CRC32();
      crc.update(typeAndData);
      assertThat(b.getInt()).as("CRC of %s", type).isEqualTo((int) crc.getValue());
      assertThat(chunks++ == 0).as("IHDR first").isEqualTo(type.equals("IHDR"));
      if (type.equals("IDAT")) {
        zlib.write(typeAndData, 4, length);
      }
    }
    assertThat(b.hasRemaining()).as("nothing after IEND").isFalse();
    Inflater inflater = new Inflater();
    inflater.setInput(zlib.toByteArray());
    int line = 1 + width * channels;
    byte[] rows = new byte[height * line + 1];
    int n = 0;
    while (!inflater.finished()) {
      n += inflater.inflate(rows, n, rows.length - n);
    }
    inflater.end();
    assertThat(n).isEqualTo(height * line);
    for (int y = 0; y < height; y++) {
      assertThat(rows[y * line]).as("filter of row %d", y).isEqualTo((byte) 2);
    }
  }

  /**
   * Map-like pixels: a translucent gradient, antialiased rings and polylines in CJJ 61 colours and
   * text, over paper white (opaque) or nothing (transparent), so every alpha and many colours
   * occur.
   */
  private static BufferedImage map(int w, int h, boolean alpha) {
    BufferedImage image =
        new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setBackground(alpha ? new Color(0, true) : new Color(0xf4f4f0));
    g.clearRect(0, 0, w, h);
    g.setPaint(
        new GradientPaint(0, 0, new Color(255, 255, 0, 0), w, h, new Color(80, 160, 40, 255)));
    g.fillRect(0, 0, w, h / 2 + 1);
    Random r = new Random(w * 31L + h);
    Color[] cjj61 = {
      new Color(0, 255, 255), new Color(76, 57, 38), new Color(255, 0, 255), new Color(255, 128, 0)
    };
    for (int i = 0; i < Math.max(4, w * h / 400); i++) {
      g.setColor(cjj61[i % cjj61.length]);
      g.setStroke(new BasicStroke(0.5f + r.nextFloat() * 4));
      if (i % 3 == 0) {
        g.draw(
            new Ellipse2D.Float(
                r.nextFloat() * w, r.nextFloat() * h, r.nextFloat() * 40, r.nextFloat() * 40));
      } else {
        Path2D.Float line = new Path2D.Float();
        line.moveTo(r.nextFloat() * w, r.nextFloat() * h);
        line.lineTo(r.nextFloat() * w, r.nextFloat() * h);
        line.lineTo(r.nextFloat() * w, r.nextFloat() * h);
        g.draw(line);
      }
    }
    g.setColor(Color.BLACK);
    g.drawString("给水 DN300", w / 3f, h / 2f);
    g.dispose();
    return image;
  }
}
