package cn.lzxq.city.server.wms.style;

import java.awt.Color;
import java.util.List;

/**
 * What a rule draws for a feature (SLD 1.0 / SE 1.1 symbolizers). Sizes are in standard pixels
 * (0.28 mm), scaled by the renderer with the request DPI.
 */
public sealed interface Symbolizer {

  /** Draws the geometry as a line. */
  record Line(Stroke stroke) implements Symbolizer {}

  /** Fills the geometry (null fill: outline only) and strokes its outline (null stroke: none). */
  record Polygon(Color fill, Stroke stroke) implements Symbolizer {}

  /**
   * Draws a mark at points (and at the centre of lines and polygons).
   *
   * @param mark circle, square, triangle, star, cross, x or sector (a wedge pointing up)
   * @param size mark size in standard pixels
   * @param fill fill colour or null
   * @param stroke outline or null
   * @param rotation clockwise rotation in degrees (a literal or a property such as azimuth_deg)
   */
  record Point(String mark, double size, Color fill, Stroke stroke, Expression rotation)
      implements Symbolizer {}

  /**
   * Writes a label; the parts are concatenated.
   *
   * @param label literal and property parts
   * @param fontSize font size in standard pixels
   * @param fill text colour
   * @param halo halo colour or null
   * @param haloRadius halo radius in standard pixels
   * @param followLine on lines, rotate the label along the line (else horizontal)
   * @param priority higher priorities are placed first when labels collide
   */
  record Text(
      List<Expression> label,
      double fontSize,
      Color fill,
      Color halo,
      double haloRadius,
      boolean followLine,
      double priority)
      implements Symbolizer {
    public Text {
      label = List.copyOf(label);
    }
  }
}
