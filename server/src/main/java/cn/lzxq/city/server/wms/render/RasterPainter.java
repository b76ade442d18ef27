package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.server.wms.request.MapWindow;
import cn.lzxq.city.server.wms.style.Style;
import java.awt.Graphics2D;
import java.sql.SQLException;
import java.util.Map;

/**
 * Draws the raster layers of the catalog (coverage) in a map, and answers GetFeatureInfo on them;
 * the capability owning the raster implements it.
 */
public interface RasterPainter {

  /**
   * Paints a raster layer over the window with its style, in the map's read transaction.
   *
   * @param g the map's graphics, pixels of the window
   */
  void paint(Layer layer, Style style, MapWindow window, Graphics2D g, ReadTransaction tx)
      throws SQLException;

  /**
   * The values of the cell under pixel (i, j) of the window, by attribute name, or an empty map
   * where the raster has no value.
   */
  Map<String, Object> valueAt(Layer layer, MapWindow window, double i, double j)
      throws SQLException;

  /** A painter for a catalog without raster layers. */
  RasterPainter NONE =
      new RasterPainter() {
        @Override
        public void paint(Layer l, Style s, MapWindow w, Graphics2D g, ReadTransaction tx) {}

        @Override
        public Map<String, Object> valueAt(Layer l, MapWindow w, double i, double j) {
          return Map.of();
        }
      };
}
