package cn.lzxq.city.server.wms.legend;

import cn.lzxq.city.server.ows.OwsException;
import cn.lzxq.city.server.wms.render.Fonts;
import cn.lzxq.city.server.wms.render.ScreenShape;
import cn.lzxq.city.server.wms.render.SymbolPainter;
import cn.lzxq.city.server.wms.style.Rule;
import cn.lzxq.city.server.wms.style.Style;
import cn.lzxq.city.server.wms.style.Symbolizer;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.util.List;

/**
 * Draws GetLegendGraphic images: the layer title, then one row per rule (its symbol and its Chinese
 * title), or only the symbol of one rule (RULE). Label-only rules are left out; with a SCALE only
 * the rules drawn at that scale are listed.
 */
public final class LegendRenderer {

  private static final int GAP = 6;

  private LegendRenderer() {}

  /**
   * @param title the heading (the layer's Chinese title), or null for none
   * @param width symbol width, pixels
   * @param height symbol height, pixels
   * @param factor output pixels per standard pixel (DPI / 90.714)
   */
  public static BufferedImage render(
      String title,
      Style style,
      String ruleName,
      double scale,
      int width,
      int height,
      double factor) {
    List<Rule> rules =
        style.rules().stream()
            .filter(r -> !r.symbolizers().stream().allMatch(s -> s instanceof Symbolizer.Text))
            .filter(r -> Double.isNaN(scale) || r.appliesAt(scale))
            .toList();
    if (ruleName != null) {
      Rule rule =
          rules.stream()
              .filter(r -> r.name().equals(ruleName))
              .findFirst()
              .orElseThrow(
                  () ->
                      new OwsException(
                          OwsException.INVALID_PARAMETER_VALUE,
                          "RULE",
                          "style " + style.name() + " has no rule '" + ruleName + "'"));
      BufferedImage icon = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
      Graphics2D g = graphics(icon);
      symbol(g, rule, 0, 0, width, height, factor);
      g.dispose();
      return icon;
    }
    Font font = Fonts.label(12 * factor);
    Font heading = font.deriveFont(Font.BOLD);
    FontMetrics fm =
        new BufferedImage(1, 1, BufferedImage.TYPE_INT_ARGB).createGraphics().getFontMetrics(font);
    int row = Math.max(height, fm.getHeight()) + 2;
    int textWidth = title == null ? 0 : fm.stringWidth(title) + 8;
    for (Rule r : rules) {
      textWidth = Math.max(textWidth, width + GAP + fm.stringWidth(r.title()));
    }
    int top = title == null ? 0 : fm.getHeight() + 4;
    BufferedImage image =
        new BufferedImage(
            Math.max(width, textWidth) + 4,
            Math.max(1, top + rules.size() * row) + 2,
            BufferedImage.TYPE_INT_ARGB);
    Graphics2D g = graphics(image);
    g.setColor(Color.BLACK);
    if (title != null) {
      g.setFont(heading);
      g.drawString(title, 2, fm.getAscent() + 1);
    }
    for (int i = 0; i < rules.size(); i++) {
      int y = top + i * row;
      symbol(g, rules.get(i), 2, y + (row - height) / 2, width, height, factor);
      g.setFont(font);
      g.setColor(Color.BLACK);
      g.drawString(
          rules.get(i).title(), 2 + width + GAP, y + (row + fm.getAscent() - fm.getDescent()) / 2);
    }
    g.dispose();
    return image;
  }

  private static Graphics2D graphics(BufferedImage image) {
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setRenderingHint(
        RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
    return g;
  }

  private static void symbol(Graphics2D g, Rule rule, int x, int y, int w, int h, double factor) {
    SymbolPainter painter = new SymbolPainter(g, factor);
    for (Symbolizer s : rule.symbolizers()) {
      if (s instanceof Symbolizer.Line l) {
        Path2D.Float p = new Path2D.Float();
        p.moveTo(x + 2, y + h * 0.75f);
        p.lineTo(x + w * 0.4f, y + h * 0.25f);
        p.lineTo(x + w * 0.6f, y + h * 0.75f);
        p.lineTo(x + w - 2, y + h * 0.25f);
        painter.line(l, new ScreenShape(p, new float[0], false));
      } else if (s instanceof Symbolizer.Polygon poly) {
        Path2D.Float p = new Path2D.Float();
        p.append(new java.awt.Rectangle(x + 1, y + 1, w - 2, h - 2), false);
        painter.polygon(poly, new ScreenShape(p, new float[0], true));
      } else if (s instanceof Symbolizer.Point pt) {
        boolean sector = pt.mark().equals("sector");
        double fit = sector ? (h - 3) / factor : (Math.min(w, h) - 2) / factor;
        Symbolizer.Point sized =
            new Symbolizer.Point(pt.mark(), Math.min(pt.size(), fit), pt.fill(), pt.stroke(), null);
        painter.mark(sized, x + w / 2.0, sector ? y + h - 2 : y + h / 2.0, 0);
      }
    }
    painter.flush();
  }
}
