package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.server.wms.request.MapWindow;
import java.awt.Color;
import java.time.Instant;
import java.util.List;

/**
 * A map to draw: layers bottom to top, the window, the as-of time and the background.
 *
 * @param layers layers, first drawn first (at the bottom)
 * @param window window, size and DPI
 * @param asOf the time the city is drawn at; null for now
 * @param transparent leave the background transparent (ignored for opaque formats)
 * @param background background colour when not transparent
 * @param alpha the output format keeps an alpha channel
 */
public record MapPlan(
    List<LayerPlan> layers,
    MapWindow window,
    Instant asOf,
    boolean transparent,
    Color background,
    boolean alpha) {

  public MapPlan {
    layers = List.copyOf(layers);
  }

  /** True when the map is drawn on a transparent ARGB canvas, false for an opaque RGB one. */
  public boolean transparentCanvas() {
    return alpha && transparent;
  }

  /**
   * The pixel the canvas starts as: 0 (transparent) on an ARGB canvas, else the background colour.
   */
  public int canvasFill() {
    return transparentCanvas() ? 0 : background.getRGB() & 0xFFFFFF;
  }
}
