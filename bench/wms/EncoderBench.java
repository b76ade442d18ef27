import cn.lzxq.city.server.wms.encode.FastPngEncoder;
import cn.lzxq.city.server.wms.encode.ImageEncoder;
import cn.lzxq.city.server.wms.encode.ImageIoPngEncoder;
import cn.lzxq.city.server.wms.encode.Png8Encoder;
import cn.lzxq.city.server.wms.encode.PngjEncoder;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

/**
 * A small timing harness (no JMH) for the PNG encoders of the WMS: draws map-like images (antialiased
 * CJJ 61-coloured lines and parcels, opaque and transparent, 256×256 and 1024×768) and times each
 * encoder after a warm-up. Run with bench/wms/encoders.sh; figures go to bench/RESULTS.md.
 */
public class EncoderBench {

  public static void main(String[] args) throws Exception {
    Map<String, ImageEncoder> encoders = new LinkedHashMap<>();
    encoders.put("ImageIO (JDK, level 9)", new ImageIoPngEncoder());
    encoders.put("PNGJ level 4", new PngjEncoder(4));
    encoders.put("PNGJ level 6", new PngjEncoder(6));
    // Single-threaded (as if the cores were busy), like the other encoders here.
    encoders.put("pngencoder level 4", new FastPngEncoder(4, () -> Integer.MAX_VALUE));
    encoders.put("pngencoder level 6", new FastPngEncoder(6, () -> Integer.MAX_VALUE));
    encoders.put("png8 (quantize + PNGJ 6)", new Png8Encoder(6));
    System.out.println("| image | encoder | ms per image | KiB |");
    System.out.println("|---|---|---:|---:|");
    for (int[] size : new int[][] {{256, 256}, {1024, 768}}) {
      for (boolean alpha : new boolean[] {false, true}) {
        BufferedImage image = map(size[0], size[1], alpha);
        for (Map.Entry<String, ImageEncoder> e : encoders.entrySet()) {
          int runs = size[0] == 256 ? 400 : 40;
          time(e.getValue(), image, runs / 4);
          double ms = time(e.getValue(), image, runs);
          ByteArrayOutputStream out = new ByteArrayOutputStream();
          e.getValue().write(image, out);
          System.out.printf("| %d×%d %s | %s | %.2f | %.1f |%n", size[0], size[1], alpha ? "ARGB" : "RGB", e.getKey(), ms,
              out.size() / 1024.0);
        }
      }
    }
  }

  private static double time(ImageEncoder encoder, BufferedImage image, int runs) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < runs; i++) {
      encoder.write(image, new ByteArrayOutputStream(64 * 1024));
    }
    return (System.nanoTime() - start) / 1e6 / runs;
  }

  private static BufferedImage map(int w, int h, boolean alpha) {
    BufferedImage image = new BufferedImage(w, h, alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    if (!alpha) {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, w, h);
    }
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    Random r = new Random(42);
    Color[] cjj61 = {new Color(0, 255, 255), new Color(76, 57, 38), new Color(255, 0, 255), new Color(255, 128, 0),
        new Color(255, 0, 0), new Color(0, 255, 0)};
    for (int i = 0; i < w * h / 2000; i++) {
      g.setColor(new Color(255, 255, 0, 200));
      g.fillRect(r.nextInt(w), r.nextInt(h), 20 + r.nextInt(60), 20 + r.nextInt(60));
    }
    for (int i = 0; i < w * h / 300; i++) {
      g.setColor(cjj61[r.nextInt(cjj61.length)]);
      g.setStroke(new BasicStroke(1 + r.nextInt(4), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
      int x = r.nextInt(w);
      int y = r.nextInt(h);
      g.drawLine(x, y, x + r.nextInt(80) - 40, y + r.nextInt(80) - 40);
    }
    g.dispose();
    return image;
  }
}
