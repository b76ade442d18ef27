package cn.lzxq.city.server.wms;

import cn.lzxq.city.server.ows.KvpMap;
import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wms.render.Fonts;
import cn.lzxq.city.server.wms.request.ImageFormat;
import java.awt.Color;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.util.Optional;

/**
 * The images of EXCEPTIONS=INIMAGE (the message written in the image) and BLANK (an empty image),
 * in the requested size, format and background. When the size or format itself is what is wrong,
 * there is no image to draw and the caller answers with XML.
 */
final class ExceptionImages {

  private ExceptionImages() {}

  /** The image, or null when WIDTH, HEIGHT or FORMAT cannot be used. */
  static EncodedImage draw(WmsService service, OwsException e, KvpMap kvp, boolean blank) {
    Optional<ImageFormat> format = kvp.get("FORMAT").flatMap(ExceptionImages::format);
    int width = size(kvp, "WIDTH", service.properties().maxWidth());
    int height = size(kvp, "HEIGHT", service.properties().maxHeight());
    if (format.isEmpty() || width <= 0 || height <= 0) {
      return null;
    }
    boolean transparent =
        format.get().hasAlpha() && kvp.get("TRANSPARENT").orElse("").equalsIgnoreCase("TRUE");
    BufferedImage image =
        new BufferedImage(
            width, height, transparent ? BufferedImage.TYPE_INT_ARGB : BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    if (!transparent) {
      g.setColor(background(kvp));
      g.fillRect(0, 0, width, height);
    }
    if (!blank) {
      g.setRenderingHint(
          RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.RED.darker());
      g.setFont(Fonts.label(12));
      wrap(g, e.code() + ": " + e.getMessage(), width);
    }
    g.dispose();
    return service.exceptionImage(image, format.get());
  }

  private static void wrap(Graphics2D g, String text, int width) {
    FontMetrics fm = g.getFontMetrics();
    int y = fm.getAscent() + 2;
    StringBuilder line = new StringBuilder();
    for (String word : text.split(" ")) {
      if (line.length() > 0 && fm.stringWidth(line + " " + word) > width - 4) {
        g.drawString(line.toString(), 2, y);
        y += fm.getHeight();
        line.setLength(0);
      }
      line.append(line.length() > 0 ? " " : "").append(word);
    }
    g.drawString(line.toString(), 2, y);
  }

  private static Optional<ImageFormat> format(String f) {
    try {
      return Optional.of(ImageFormat.parse(f, "FORMAT"));
    } catch (OwsException e) {
      return Optional.empty();
    }
  }

  private static int size(KvpMap kvp, String key, int max) {
    try {
      int n = Integer.parseInt(kvp.get(key).orElse("0"));
      return n > 0 && n <= max ? n : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static Color background(KvpMap kvp) {
    String v = kvp.get("BGCOLOR").orElse("0xFFFFFF").replaceFirst("^(0x|0X|#)", "");
    return v.matches("[0-9A-Fa-f]{6}") ? new Color(Integer.parseInt(v, 16)) : Color.WHITE;
  }
}
