package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.server.wms.request.MapWindow;
import cn.lzxq.city.server.wms.style.Style;
import java.awt.Graphics2D;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Draws raster layers of the catalog (orthophoto, coverage) in a map, and answers GetFeatureInfo on
 * them; the capability owning a raster implements it for its layers ({@link #paints}), and {@link
 * #of} puts the painters of every capability together.
 */
public interface RasterPainter {

  /** Whether this painter draws {@code layer}. */
  boolean paints(Layer layer);

  /**
   * Paints a raster layer over the window with its style, in the map's read transaction.
   *
   * @param g the map's graphics, pixels of the window
   * @param asOf the time the map shows (null: now), for rasters that keep versions
   */
  void paint(
      Layer layer, Style style, MapWindow window, Instant asOf, Graphics2D g, ReadTransaction tx)
      throws SQLException;

  /**
   * The values of the cell under pixel (i, j) of the window, by attribute name, or an empty map
   * where the raster has no value.
   */
  Map<String, Object> valueAt(Layer layer, MapWindow window, double i, double j)
      throws SQLException;

  /**
   * One painter for every raster layer: each layer is drawn by the first of {@code painters} that
   * paints it; a raster layer no painter claims is left blank and has no values.
   */
  static RasterPainter of(List<RasterPainter> painters) {
    List<RasterPainter> all = List.copyOf(painters);
    return new RasterPainter() {
      @Override
      public boolean paints(Layer l) {
        return all.stream().anyMatch(p -> p.paints(l));
      }

      @Override
      public void paint(
          Layer l, Style s, MapWindow w, Instant asOf, Graphics2D g, ReadTransaction tx)
          throws SQLException {
        for (RasterPainter p : all) {
          if (p.paints(l)) {
            p.paint(l, s, w, asOf, g, tx);
            return;
          }
        }
      }

      @Override
      public Map<String, Object> valueAt(Layer l, MapWindow w, double i, double j)
          throws SQLException {
        for (RasterPainter p : all) {
          if (p.paints(l)) {
            return p.valueAt(l, w, i, j);
          }
        }
        return Map.of();
      }
    };
  }
}
