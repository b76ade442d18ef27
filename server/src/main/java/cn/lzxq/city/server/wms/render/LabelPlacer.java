package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.server.wms.style.Symbolizer;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.font.FontRenderContext;
import java.awt.font.TextLayout;
import java.awt.geom.AffineTransform;
import java.awt.geom.PathIterator;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects label candidates while a map is drawn and places them at the end, highest priority
 * first, skipping any label whose box would overlap one already placed or leave the image. Line
 * labels are centred on the longest part of the line and rotated along it, kept upright.
 */
public final class LabelPlacer {

  /** Most candidates kept per map; later ones are dropped. */
  private static final int MAX_CANDIDATES = 20_000;

  private static final double PADDING = 2;

  private record Candidate(
      String text, Symbolizer.Text style, double x, double y, double angle, long order) {}

  private record LayoutKey(String text, double fontSize) {}

  private final List<Candidate> candidates = new ArrayList<>();
  private final Map<LayoutKey, TextLayout> layouts = new HashMap<>();
  private final double factor;
  private final LabelSprites sprites;
  private final FontRenderContext frc = new FontRenderContext(null, true, true);

  /**
   * @param factor output pixels per standard pixel
   * @param sprites the rendered labels shared by maps
   */
  LabelPlacer(double factor, LabelSprites sprites) {
    this.factor = factor;
    this.sprites = sprites;
  }

  /** Offers a label for a feature drawn as {@code shape}. */
  public void offer(String text, Symbolizer.Text style, ScreenShape shape) {
    if (text.isBlank() || candidates.size() >= MAX_CANDIDATES) {
      return;
    }
    if (style.followLine() && !shape.polygon() && shape.points().length == 0) {
      double width = layout(text, style).getAdvance();
      double[] at = alongLine(shape, width);
      if (at != null) {
        candidates.add(new Candidate(text, style, at[0], at[1], at[2], candidates.size()));
      }
      return;
    }
    float[] xy = shape.anchors();
    double dx = shape.points().length > 0 ? 6 * factor : 0;
    candidates.add(new Candidate(text, style, xy[0] + dx, xy[1], 0, candidates.size()));
  }

  /**
   * Places and draws the labels that fit. A candidate's box is the text's bounds moved along its
   * line; the labels that fit are copied from {@link LabelSprites}.
   */
  public void draw(Graphics2D g, int width, int height) {
    candidates.sort(
        Comparator.comparingDouble((Candidate c) -> -c.style().priority())
            .thenComparingLong(Candidate::order));
    List<Rectangle2D> placed = new ArrayList<>();
    Rectangle2D image = new Rectangle2D.Double(0, 0, width, height);
    for (Candidate c : candidates) {
      TextLayout layout = layout(c.text(), c.style());
      boolean centred = c.angle() != 0 || c.style().followLine();
      double ox = centred ? -layout.getAdvance() / 2 : 0;
      double oy = (layout.getAscent() - layout.getDescent()) / 2;
      AffineTransform t = AffineTransform.getTranslateInstance(c.x(), c.y());
      t.rotate(c.angle());
      t.translate(ox, oy);
      Rectangle2D box = t.createTransformedShape(layout.getBounds()).getBounds2D();
      box.setRect(
          box.getX() - PADDING,
          box.getY() - PADDING,
          box.getWidth() + 2 * PADDING,
          box.getHeight() + 2 * PADDING);
      if (!image.contains(box) || intersects(placed, box)) {
        continue;
      }
      placed.add(box);
      sprites.draw(g, c.text(), layout, c.style(), factor, c.x(), c.y(), c.angle(), centred);
    }
  }

  private static boolean intersects(List<Rectangle2D> placed, Rectangle2D box) {
    for (Rectangle2D p : placed) {
      if (p.intersects(box)) {
        return true;
      }
    }
    return false;
  }

  /** The laid-out text, shared by every label of the map with the same text and font size. */
  private TextLayout layout(String text, Symbolizer.Text style) {
    return layouts.computeIfAbsent(
        new LayoutKey(text, style.fontSize()), k -> new TextLayout(text, font(style), frc));
  }

  private Font font(Symbolizer.Text style) {
    return Fonts.label(style.fontSize() * factor);
  }

  /**
   * The midpoint and upright angle of the label on the longest part of the line, or null when no
   * part is as long as the label.
   */
  static double[] alongLine(ScreenShape shape, double labelWidth) {
    double[] best = null;
    double bestLength = 0;
    double[] coords = new double[6];
    List<Double> current = new ArrayList<>();
    for (PathIterator it = shape.path().getPathIterator(null); ; it.next()) {
      boolean done = it.isDone();
      int type = done ? PathIterator.SEG_MOVETO : it.currentSegment(coords);
      if (type == PathIterator.SEG_MOVETO && current.size() >= 4) {
        double[] p = current.stream().mapToDouble(Double::doubleValue).toArray();
        double len = length(p);
        if (len > bestLength) {
          bestLength = len;
          best = p;
        }
        current.clear();
      } else if (type == PathIterator.SEG_MOVETO) {
        current.clear();
      }
      if (done) {
        break;
      }
      current.add(coords[0]);
      current.add(coords[1]);
    }
    if (best == null || bestLength < labelWidth * 1.1) {
      return null;
    }
    double[] a = pointAt(best, (bestLength - labelWidth) / 2);
    double[] b = pointAt(best, (bestLength + labelWidth) / 2);
    double[] mid = pointAt(best, bestLength / 2);
    double angle = Math.atan2(b[1] - a[1], b[0] - a[0]);
    if (angle > Math.PI / 2) {
      angle -= Math.PI;
    } else if (angle < -Math.PI / 2) {
      angle += Math.PI;
    }
    return new double[] {mid[0], mid[1], angle};
  }

  private static double length(double[] p) {
    double len = 0;
    for (int i = 2; i < p.length; i += 2) {
      len += Math.hypot(p[i] - p[i - 2], p[i + 1] - p[i - 1]);
    }
    return len;
  }

  private static double[] pointAt(double[] p, double distance) {
    double run = 0;
    for (int i = 2; i < p.length; i += 2) {
      double seg = Math.hypot(p[i] - p[i - 2], p[i + 1] - p[i - 1]);
      if (run + seg >= distance && seg > 0) {
        double f = (distance - run) / seg;
        return new double[] {
          p[i - 2] + f * (p[i] - p[i - 2]), p[i - 1] + f * (p[i + 1] - p[i - 1])
        };
      }
      run += seg;
    }
    return new double[] {p[p.length - 2], p[p.length - 1]};
  }
}
