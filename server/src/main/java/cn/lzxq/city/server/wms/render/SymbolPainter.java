package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.server.wms.style.Stroke;
import cn.lzxq.city.server.wms.style.Symbolizer;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.AffineTransform;
import java.awt.geom.Arc2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.PathIterator;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Draws line, polygon and point symbolizers with Java2D, sizes multiplied by the DPI factor. Line
 * symbolizers are batched: consecutive lines of the same stroke are appended to one path and
 * stroked in one {@code draw} call (Java2D's fixed cost per antialiased shape dominated maps of
 * many short pipe segments), and a line that starts where the batch ends continues it; a polygon or
 * point, a large batch or {@link #flush()} draws them. A {@link #deferred} painter draws its lines
 * only on {@link #flush()}, so that several layers fed by one read keep their drawing order. Used
 * by maps and legends; not thread-safe (one per render).
 */
public final class SymbolPainter {

  /** Line features stroked in one call at most. */
  private static final int MAX_BATCH = 4_096;

  private final Graphics2D g;
  private final double factor;
  private final int maxBatch;
  private final Map<Stroke, BasicStroke> strokes = new IdentityHashMap<>();
  private final Map<Stroke, Path2D.Float> pending = new LinkedHashMap<>();
  private int pendingLines;

  /**
   * @param factor output pixels per standard (0.28 mm) pixel
   */
  public SymbolPainter(Graphics2D g, double factor) {
    this(g, factor, MAX_BATCH);
  }

  private SymbolPainter(Graphics2D g, double factor, int maxBatch) {
    this.g = g;
    this.factor = factor;
    this.maxBatch = maxBatch;
  }

  /**
   * A painter that holds every line until {@link #flush()} (polygons and points still draw at
   * once).
   */
  public static SymbolPainter deferred(Graphics2D g, double factor) {
    return new SymbolPainter(g, factor, Integer.MAX_VALUE);
  }

  /**
   * Draws a line (the path of lines, the outline of polygons), batched with lines of the same
   * stroke.
   */
  public void line(Symbolizer.Line s, ScreenShape shape) {
    if (shape.path().getCurrentPoint() == null) {
      return;
    }
    Path2D.Float batch =
        pending.computeIfAbsent(s.stroke(), k -> new Path2D.Float(Path2D.WIND_NON_ZERO, 1024));
    batch.append(shape.path(), continues(s.stroke(), batch, shape));
    if (++pendingLines >= maxBatch) {
      flush();
    }
  }

  /**
   * True when a solid line starts where the batch ends (the next segment of a pipe run): it is
   * appended as a continuation, so the two meet in a round join instead of two round caps (the same
   * pixels, half the curve work). Dashed lines keep their own dash phase; rings never join.
   */
  private static boolean continues(Stroke stroke, Path2D.Float batch, ScreenShape shape) {
    Point2D end = batch.getCurrentPoint();
    if (end == null || shape.polygon() || stroke.dash().length > 0) {
      return false;
    }
    PathIterator it = shape.path().getPathIterator(null);
    float[] start = new float[6];
    return it.currentSegment(start) == PathIterator.SEG_MOVETO
        && start[0] == end.getX()
        && start[1] == end.getY();
  }

  /** Draws the batched lines. */
  public void flush() {
    for (Map.Entry<Stroke, Path2D.Float> e : pending.entrySet()) {
      stroke(e.getKey(), e.getValue());
    }
    pending.clear();
    pendingLines = 0;
  }

  /** Fills and outlines polygons (lines and points are left alone). */
  public void polygon(Symbolizer.Polygon s, ScreenShape shape) {
    if (!shape.polygon()) {
      return;
    }
    flush();
    if (s.fill() != null) {
      g.setColor(s.fill());
      g.fill(shape.path());
    }
    if (s.stroke() != null) {
      stroke(s.stroke(), shape.path());
    }
  }

  /** Draws the mark at every point of the feature (the centre of lines and polygons). */
  public void point(Symbolizer.Point s, ScreenShape shape, double rotationDegrees) {
    float[] xy = shape.anchors();
    for (int i = 0; i < xy.length; i += 2) {
      mark(s, xy[i], xy[i + 1], rotationDegrees);
    }
  }

  /** Draws one mark centred on (x, y), rotated clockwise. */
  public void mark(Symbolizer.Point s, double x, double y, double rotationDegrees) {
    flush();
    double size = s.size() * factor;
    Shape unit = markShape(s.mark());
    AffineTransform t = new AffineTransform();
    t.translate(x, y);
    t.rotate(Math.toRadians(rotationDegrees));
    t.scale(size, size);
    Shape m = t.createTransformedShape(unit);
    if (s.fill() != null) {
      g.setColor(s.fill());
      g.fill(m);
    }
    if (s.stroke() != null) {
      stroke(s.stroke(), m);
    }
  }

  private void stroke(Stroke s, Shape shape) {
    g.setColor(s.color());
    g.setStroke(strokes.computeIfAbsent(s, this::basicStroke));
    g.draw(shape);
  }

  private BasicStroke basicStroke(Stroke s) {
    float w = (float) Math.max(0.5, s.width() * factor);
    if (s.dash().length == 0) {
      return new BasicStroke(w, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    }
    float[] dash = s.dash().clone();
    for (int i = 0; i < dash.length; i++) {
      dash[i] *= (float) factor;
    }
    return new BasicStroke(w, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 4, dash, 0);
  }

  /** A mark of size 1 centred on the origin, pointing up (north). */
  static Shape markShape(String mark) {
    return switch (mark) {
      case "square" -> new Rectangle2D.Double(-0.5, -0.5, 1, 1);
      case "triangle" -> polygon(0, -0.5, 0.5, 0.4, -0.5, 0.4);
      case "star" -> star();
      case "cross" ->
          polygon(
              -0.1, -0.5, 0.1, -0.5, 0.1, -0.1, 0.5, -0.1, 0.5, 0.1, 0.1, 0.1, 0.1, 0.5, -0.1, 0.5,
              -0.1, 0.1, -0.5, 0.1, -0.5, -0.1, -0.1, -0.1);
      case "x" ->
          AffineTransform.getRotateInstance(Math.PI / 4).createTransformedShape(markShape("cross"));
      case "sector" -> new Arc2D.Double(-1, -1, 2, 2, 90 - 32.5, 65, Arc2D.PIE);
      default -> new Ellipse2D.Double(-0.5, -0.5, 1, 1);
    };
  }

  private static Shape polygon(double... xy) {
    Path2D.Double p = new Path2D.Double();
    p.moveTo(xy[0], xy[1]);
    for (int i = 2; i < xy.length; i += 2) {
      p.lineTo(xy[i], xy[i + 1]);
    }
    p.closePath();
    return p;
  }

  private static Shape star() {
    double[] xy = new double[20];
    for (int i = 0; i < 10; i++) {
      double r = i % 2 == 0 ? 0.5 : 0.2;
      double a = Math.PI * i / 5 - Math.PI / 2;
      xy[2 * i] = r * Math.cos(a);
      xy[2 * i + 1] = r * Math.sin(a);
    }
    return polygon(xy);
  }
}
