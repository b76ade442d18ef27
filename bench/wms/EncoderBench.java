import cn.lzxq.city.server.wms.encode.ImageEncoder;
import cn.lzxq.city.server.wms.encode.Png8Encoder;
import cn.lzxq.city.server.wms.encode.RasterPngEncoder;
import java.awt.AlphaComposite;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * A small timing harness (no JMH) for the PNG encoders of the WMS: draws map-like images (antialiased
 * CJJ 61-coloured lines and parcels, opaque and transparent, 256×256 and 1024×768) and times each
 * encoder after a warm-up; PNG files given as arguments (saved GetMap answers) are timed too. Run with
 * bench/wms/encoders.sh [PNG...]; figures go to bench/RESULTS.md.
 */
public class EncoderBench {

  public static void main(String[] args) throws Exception {
    Map<String, ImageEncoder> encoders = new LinkedHashMap<>();
    // The JDK's writer as the baseline (PNGJ and pngencoder were compared in rounds 1 and 3: bench/RESULTS.md).
    encoders.put("ImageIO (JDK, level 9)", (image, out) -> ImageIO.write(image, "png", out));
    for (int level : new int[] {1, 2, 3, 4, 6}) {
      encoders.put("raster level " + level, new RasterPngEncoder(level));
    }
    encoders.put("png8 (quantize + PNGJ 6)", new Png8Encoder(6));
    System.out.println("| image | encoder | ms per image | KiB |");
    System.out.println("|---|---|---:|---:|");
    Map<String, BufferedImage> images = new LinkedHashMap<>();
    for (int[] size : new int[][] {{256, 256}, {1024, 768}}) {
      for (boolean alpha : new boolean[] {false, true}) {
        images.put(size[0] + "×" + size[1] + " " + (alpha ? "ARGB" : "RGB"), map(size[0], size[1], alpha));
      }
    }
    for (String file : args) {
      images.put(Path.of(file).getFileName().toString(), saved(file));
    }
    for (Map.Entry<String, BufferedImage> i : images.entrySet()) {
      BufferedImage image = i.getValue();
      for (Map.Entry<String, ImageEncoder> e : encoders.entrySet()) {
        int runs = (int) Math.max(20, 400L * 65_536 / ((long) image.getWidth() * image.getHeight()));
        time(e.getValue(), image, runs / 4);
        double ms = time(e.getValue(), image, runs);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        e.getValue().write(image, out);
        System.out.printf("| %s | %s | %.2f | %.1f |%n", i.getKey(), e.getKey(), ms, out.size() / 1024.0);
      }
    }
  }

  /** A saved map (e.g. a GetMap answer) as the renderer holds it: TYPE_INT_ARGB with alpha, else TYPE_INT_RGB. */
  private static BufferedImage saved(String file) throws Exception {
    BufferedImage read = ImageIO.read(new File(file));
    boolean alpha = read.getColorModel().hasAlpha();
    BufferedImage image = new BufferedImage(read.getWidth(), read.getHeight(),
        alpha ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setComposite(AlphaComposite.Src);
    g.drawImage(read, 0, 0, null);
    g.dispose();
    return image;
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
