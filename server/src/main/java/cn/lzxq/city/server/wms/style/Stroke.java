package cn.lzxq.city.server.wms.style;

import java.awt.Color;

/**
 * How a line is drawn.
 *
 * @param color colour with alpha (SLD stroke and stroke-opacity)
 * @param width width in standard pixels (0.28 mm, scaled with the request DPI)
 * @param dash dash pattern in standard pixels, or an empty array for a solid line
 */
public record Stroke(Color color, double width, float[] dash) {

  /** A solid line. */
  public static Stroke solid(Color color, double width) {
    return new Stroke(color, width, new float[0]);
  }
}
