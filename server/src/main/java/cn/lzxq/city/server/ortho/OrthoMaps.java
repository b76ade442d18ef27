package cn.lzxq.city.server.ortho;

import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.ortho.DomStore;
import cn.lzxq.city.data.ortho.DomStore.DomVersion;
import cn.lzxq.city.server.wms.render.NativeLattice;
import cn.lzxq.city.server.wms.render.RasterPainter;
import cn.lzxq.city.server.wms.request.MapWindow;
import cn.lzxq.city.server.wms.style.Style;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.springframework.stereotype.Component;

/**
 * The orthophoto in WMS maps (and so in WMTS and OGC API map tiles): the version valid at the map's
 * time, read from the pyramid level whose pixel is the largest not coarser than the map's pixel (a
 * coarser one when the window would need more than {@value #MAX_BLOCKS} blocks, which bounds a
 * request's memory), each map pixel's centre mapped to the native CRS ({@link NativeLattice}) and
 * given the colour of the image pixel under it (nearest neighbour). Pixels off the image stay
 * transparent. The image has no values: GetFeatureInfo does not query it.
 */
@Component
public class OrthoMaps implements RasterPainter {

  /** Most blocks one map reads (each 256 × 256 ARGB decoded, 256 KiB). */
  static final int MAX_BLOCKS = 160;

  private static final String BLOCKS =
      "SELECT row, col, png FROM dom_tile WHERE dom_id = ? AND level = ? AND row BETWEEN ? AND ?"
          + " AND col BETWEEN ? AND ?";

  @Override
  public boolean paints(Layer layer) {
    return layer.table().equals(DomStore.TABLE);
  }

  @Override
  public void paint(
      Layer layer, Style style, MapWindow w, Instant asOf, Graphics2D g, ReadTransaction tx)
      throws SQLException {
    DomVersion v = DomStore.at(tx.connection(), asOf);
    if (v == null) {
      return;
    }
    NativeLattice nat = NativeLattice.of(tx.connection(), w);
    Window at = window(v, nat, w);
    if (at == null) {
      return;
    }
    Map<Long, BufferedImage> blocks = blocks(tx, v, at);
    BufferedImage img = new BufferedImage(w.width(), w.height(), BufferedImage.TYPE_INT_ARGB);
    int[] out = ((DataBufferInt) img.getRaster().getDataBuffer()).getData();
    double p = v.pixelM() * (1 << at.level());
    int t = v.tileSize();
    for (int j = 0; j < w.height(); j++) {
      for (int i = 0; i < w.width(); i++) {
        double[] xy = nat.at((i + 0.5) / w.width(), (j + 0.5) / w.height());
        double px = (xy[0] - v.x0()) / p;
        double py = (v.y0() - xy[1]) / p;
        if (px < 0 || py < 0) {
          continue;
        }
        int col = (int) px;
        int row = (int) py;
        BufferedImage b = blocks.get(key(row / t, col / t));
        if (b != null && col % t < b.getWidth() && row % t < b.getHeight()) {
          out[j * w.width() + i] = b.getRGB(col % t, row % t);
        }
      }
    }
    g.drawImage(img, 0, 0, null);
  }

  @Override
  public Map<String, Object> valueAt(Layer layer, MapWindow w, double i, double j) {
    return Map.of();
  }

  /**
   * The level and block range a map reads, or null when the window misses the image.
   *
   * @param level pyramid level
   * @param row0 first block row
   * @param row1 last block row
   * @param col0 first block column
   * @param col1 last block column
   */
  record Window(int level, int row0, int row1, int col0, int col1) {
    int blocks() {
      return (row1 - row0 + 1) * (col1 - col0 + 1);
    }
  }

  static Window window(DomVersion v, NativeLattice nat, MapWindow w) {
    double[] left = nat.at(0, 0.5);
    double[] right = nat.at(1, 0.5);
    double mapPixelM = Math.hypot(right[0] - left[0], right[1] - left[1]) / w.width();
    int level = 0;
    while (level < v.levels() - 1 && v.pixelM() * (2L << level) <= mapPixelM) {
      level++;
    }
    double[] b = nat.bounds();
    Window at;
    do {
      double span = v.pixelM() * (1 << level) * v.tileSize();
      int rows = (int) Math.ceil(Math.ceil(v.height() / (double) (1 << level)) / v.tileSize());
      int cols = (int) Math.ceil(Math.ceil(v.width() / (double) (1 << level)) / v.tileSize());
      int col0 = (int) Math.floor((b[0] - v.x0()) / span);
      int col1 = (int) Math.floor((b[2] - v.x0()) / span);
      int row0 = (int) Math.floor((v.y0() - b[3]) / span);
      int row1 = (int) Math.floor((v.y0() - b[1]) / span);
      if (col1 < 0 || row1 < 0 || col0 >= cols || row0 >= rows) {
        return null;
      }
      at =
          new Window(
              level,
              Math.max(0, row0),
              Math.min(rows - 1, row1),
              Math.max(0, col0),
              Math.min(cols - 1, col1));
      level++;
    } while (at.blocks() > MAX_BLOCKS && level < v.levels());
    return at;
  }

  private static Map<Long, BufferedImage> blocks(ReadTransaction tx, DomVersion v, Window at)
      throws SQLException {
    Map<Long, BufferedImage> out = new HashMap<>();
    try (PreparedStatement ps = tx.connection().prepareStatement(BLOCKS)) {
      ps.setLong(1, v.id());
      ps.setInt(2, at.level());
      ps.setInt(3, at.row0());
      ps.setInt(4, at.row1());
      ps.setInt(5, at.col0());
      ps.setInt(6, at.col1());
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.put(key(rs.getInt(1), rs.getInt(2)), decode(rs.getBytes(3)));
        }
      }
    }
    return out;
  }

  private static BufferedImage decode(byte[] png) {
    try {
      return ImageIO.read(new ByteArrayInputStream(png));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static long key(int row, int col) {
    return ((long) row << 32) | (col & 0xffffffffL);
  }
}
