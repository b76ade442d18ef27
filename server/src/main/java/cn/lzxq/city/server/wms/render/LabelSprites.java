package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.server.wms.style.Symbolizer;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.Shape;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Labels drawn once and then copied: the haloed glyph outlines of a text at a size, style and angle
 * (whole degrees) are rendered into a small translucent image, which every later label with the
 * same key on any map blits. Stroking the halo around glyph curves was two thirds of the Java time
 * of a 1:1,000 map; pipe and road labels repeat ("DN600 T", road names) from map to map. A copy
 * lands on whole pixels (at most half a pixel from the exact position). Thread-safe; bounded to
 * {@link #MAX_SPRITES} images (about 10 KB each), emptied when full.
 */
final class LabelSprites {

  /** Most images kept. */
  static final int MAX_SPRITES = 4_096;

  /**
   * A rendered label: its image and where its top-left corner lies relative to the label anchor,
   * pixels.
   */
  record Sprite(BufferedImage image, int dx, int dy) {}

  private record Key(
      String text, Symbolizer.Text style, double factor, long degrees, boolean centred) {}

  private final Map<Key, Sprite> sprites = new ConcurrentHashMap<>();

  /**
   * Draws {@code text} (laid out as {@code layout}) anchored at (x, y), rotated by {@code angle}
   * radians, centred on the anchor or starting at it, vertically centred.
   */
  void draw(
      Graphics2D g,
      String text,
      TextLayout layout,
      Symbolizer.Text style,
      double factor,
      double x,
      double y,
      double angle,
      boolean centred) {
    long degrees = Math.round(Math.toDegrees(angle));
    Key key = new Key(text, style, factor, degrees, centred);
    Sprite s = sprites.get(key);
    if (s == null) {
      if (sprites.size() >= MAX_SPRITES) {
        sprites.clear();
      }
      s = render(layout, style, factor, Math.toRadians(degrees), centred);
      sprites.put(key, s);
    }
    g.drawImage(s.image(), (int) Math.round(x) + s.dx(), (int) Math.round(y) + s.dy(), null);
  }

  private static Sprite render(
      TextLayout layout, Symbolizer.Text style, double factor, double angle, boolean centred) {
    AffineTransform t = AffineTransform.getRotateInstance(angle);
    t.translate(
        centred ? -layout.getAdvance() / 2 : 0, (layout.getAscent() - layout.getDescent()) / 2);
    Shape outline = layout.getOutline(t);
    double halo = style.halo() != null && style.haloRadius() > 0 ? style.haloRadius() * factor : 0;
    Rectangle2D b = outline.getBounds2D();
    int x0 = (int) Math.floor(b.getMinX() - halo - 1);
    int y0 = (int) Math.floor(b.getMinY() - halo - 1);
    int w = (int) Math.ceil(b.getMaxX() + halo + 1) - x0;
    int h = (int) Math.ceil(b.getMaxY() + halo + 1) - y0;
    BufferedImage image =
        new BufferedImage(Math.max(1, w), Math.max(1, h), BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
      g.translate(-x0, -y0);
      if (halo > 0) {
        g.setColor(style.halo());
        g.setStroke(
            new BasicStroke((float) (2 * halo), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
        g.draw(outline);
      }
      g.setColor(style.fill());
      g.fill(outline);
    } finally {
      g.dispose();
    }
    return new Sprite(image, x0, y0);
  }
}
