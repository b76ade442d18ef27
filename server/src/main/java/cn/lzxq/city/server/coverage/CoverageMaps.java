package cn.lzxq.city.server.coverage;

import cn.lzxq.city.data.coverage.CoverageGrid;
import cn.lzxq.city.data.coverage.CoverageSector;
import cn.lzxq.city.data.coverage.CoverageStore;
import cn.lzxq.city.data.coverage.StoredGrid;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.server.wms.render.NativeLattice;
import cn.lzxq.city.server.wms.render.RasterPainter;
import cn.lzxq.city.server.wms.request.MapWindow;
import cn.lzxq.city.server.wms.style.FeatureMatcher;
import cn.lzxq.city.server.wms.style.Rule;
import cn.lzxq.city.server.wms.style.Style;
import cn.lzxq.city.server.wms.style.Symbolizer;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The coverage rasters in WMS maps and at points: a map pixel's centre is mapped to the native CRS
 * ({@link NativeLattice}), the cell holding it is looked up in the current grid's blocks ({@link
 * CoverageBlocks}) and coloured by the first rule of the style whose filter its value passes (the
 * rules that make the legend). Cells without a value stay transparent.
 */
@Component
public class CoverageMaps implements RasterPainter {

  /** Resolution of the colour lookup, steps per dB, from {@link #LUT_MIN} to {@link #LUT_MAX}. */
  private static final int LUT_STEPS = 10;

  private static final double LUT_MIN = -200;
  private static final double LUT_MAX = 100;

  private final ReadExecutor reads;
  private final CoverageBlocks blocks;
  private final Map<Style, int[]> colours = new ConcurrentHashMap<>();

  CoverageMaps(ReadExecutor reads, CoverageProperties p) {
    this.reads = reads;
    this.blocks = new MemoryCoverageBlocks(p.cacheBlocks());
  }

  /** The operator and band of a coverage layer of the catalog. */
  static CoverageSector.LayerKey key(Layer layer) {
    return new CoverageSector.LayerKey(
        layer.fixedValues().get("operator"), layer.fixedValues().get("band"));
  }

  @Override
  public boolean paints(Layer layer) {
    return layer.table().equals("coverage_tile");
  }

  /** Paints the current grid (coverage keeps no history: {@code asOf} is not used). */
  @Override
  public void paint(
      Layer layer, Style style, MapWindow w, Instant asOf, Graphics2D g, ReadTransaction tx)
      throws SQLException {
    Connection c = tx.connection();
    StoredGrid grid = CoverageStore.current(c, null);
    if (grid == null) {
      return;
    }
    NativeLattice nat = NativeLattice.of(c, w);
    int[] lut = colours.computeIfAbsent(style, CoverageMaps::lookup);
    boolean sinr = style.name().equals("sinr") || style.name().equals("snr");
    CoverageSector.LayerKey key = key(layer);
    Map<Long, CoverageStore.Block> local = new HashMap<>();
    BufferedImage img = new BufferedImage(w.width(), w.height(), BufferedImage.TYPE_INT_ARGB);
    for (int j = 0; j < w.height(); j++) {
      for (int i = 0; i < w.width(); i++) {
        double[] xy = nat.at((i + 0.5) / w.width(), (j + 0.5) / w.height());
        float v = cell(c, grid, key, xy[0], xy[1], local, sinr);
        if (!Float.isNaN(v)) {
          img.setRGB(i, j, lut[index(v)]);
        }
      }
    }
    g.drawImage(img, 0, 0, null);
  }

  @Override
  public Map<String, Object> valueAt(Layer layer, MapWindow w, double i, double j)
      throws SQLException {
    double x = w.bbox().getMinX() + (i + 0.5) / w.width() * w.bbox().getWidth();
    double y = w.bbox().getMaxY() - (j + 0.5) / w.height() * w.bbox().getHeight();
    try (ReadTransaction tx = reads.open()) {
      double[] p =
          NativeLattice.toNative(
              tx.connection(), w.crs().srid(), new Double[] {x}, new Double[] {y})[0];
      CellValue v = valuesAt(tx.connection(), p[0], p[1]).get(key(layer));
      if (v == null) {
        return Map.of();
      }
      // named as the layer's attributes: rsrp, sinr, server (WLAN: rssi, snr, server)
      Map<String, Object> out = new LinkedHashMap<>();
      out.put(
          layer.attributes().get(0).name(),
          java.math.BigDecimal.valueOf(Math.round(v.rsrpDbm() * 10) / 10.0));
      out.put(
          layer.attributes().get(1).name(),
          java.math.BigDecimal.valueOf(Math.round(v.sinrDb() * 10) / 10.0));
      out.put(layer.attributes().get(2).name(), v.server());
      return out;
    }
  }

  /**
   * The values of a cell.
   *
   * @param rsrpDbm best-server RSRP, dBm
   * @param sinrDb its SINR, dB
   * @param server the serving sector's fid
   */
  record CellValue(float rsrpDbm, float sinrDb, int server) {}

  /**
   * The values of every layer of the current grid at a native point; empty when there is no grid or
   * the point lies outside it, and without the layers no sector reaches there.
   */
  Map<CoverageSector.LayerKey, CellValue> valuesAt(Connection c, double x, double y)
      throws SQLException {
    Map<CoverageSector.LayerKey, CellValue> out = new LinkedHashMap<>();
    StoredGrid grid = CoverageStore.current(c, null);
    if (grid == null) {
      return out;
    }
    Map<Long, CoverageStore.Block> local = new HashMap<>();
    for (CoverageSector.LayerKey k : CoverageStore.layers(c, grid.id())) {
      float rsrp = cell(c, grid, k, x, y, local, false);
      if (!Float.isNaN(rsrp)) {
        out.put(
            k,
            new CellValue(
                rsrp, cell(c, grid, k, x, y, local, true), server(c, grid, k, x, y, local)));
      }
      local.clear();
    }
    return out;
  }

  /** A value of the cell holding a native point (NaN outside the grid or without a value). */
  private float cell(
      Connection c,
      StoredGrid grid,
      CoverageSector.LayerKey key,
      double x,
      double y,
      Map<Long, CoverageStore.Block> local,
      boolean sinr)
      throws SQLException {
    int[] at = locate(grid.grid(), x, y);
    if (at == null) {
      return Float.NaN;
    }
    CoverageStore.Block b = block(c, grid, key, at, local);
    if (b == null) {
      return Float.NaN;
    }
    return sinr ? b.sinrDb()[at[2]] : b.rsrpDbm()[at[2]];
  }

  private int server(
      Connection c,
      StoredGrid grid,
      CoverageSector.LayerKey key,
      double x,
      double y,
      Map<Long, CoverageStore.Block> local)
      throws SQLException {
    int[] at = locate(grid.grid(), x, y);
    CoverageStore.Block b = at == null ? null : block(c, grid, key, at, local);
    return b == null ? 0 : b.server()[at[2]];
  }

  /** Block row, block column and index in the block of the cell holding a point; null outside. */
  private static int[] locate(CoverageGrid g, double x, double y) {
    int col = g.col(x);
    int row = g.row(y);
    if (col < 0 || row < 0 || col >= g.width() || row >= g.height()) {
      return null;
    }
    int br = row / CoverageGrid.BLOCK;
    int bc = col / CoverageGrid.BLOCK;
    int bw = Math.min(CoverageGrid.BLOCK, g.width() - bc * CoverageGrid.BLOCK);
    return new int[] {br, bc, (row - br * CoverageGrid.BLOCK) * bw + col - bc * CoverageGrid.BLOCK};
  }

  private CoverageStore.Block block(
      Connection c,
      StoredGrid grid,
      CoverageSector.LayerKey key,
      int[] at,
      Map<Long, CoverageStore.Block> local)
      throws SQLException {
    long id = ((long) at[0] << 32) | at[1];
    if (local.containsKey(id)) {
      return local.get(id);
    }
    CoverageStore.Block b =
        blocks.get(
            new CoverageBlocks.Key(grid.id(), grid.changeSeq(), key, at[0], at[1]),
            k -> CoverageStore.block(c, k.gridId(), k.layer(), k.blockRow(), k.blockCol()));
    local.put(id, b);
    return b;
  }

  private static int index(float v) {
    double clamped = Math.max(LUT_MIN, Math.min(LUT_MAX, v));
    return (int) Math.round((clamped - LUT_MIN) * LUT_STEPS);
  }

  /** ARGB colour of every value step from the style's rules (transparent where none applies). */
  private static int[] lookup(Style style) {
    int n = (int) Math.round((LUT_MAX - LUT_MIN) * LUT_STEPS) + 1;
    int[] out = new int[n];
    String property = style.name();
    for (int k = 0; k < n; k++) {
      Map<String, Object> value = Map.of(property, LUT_MIN + k / (double) LUT_STEPS);
      for (Rule r : style.rules()) {
        if (FeatureMatcher.matches(r.filter(), 0, value)) {
          for (Symbolizer s : r.symbolizers()) {
            if (s instanceof Symbolizer.Polygon p && p.fill() != null) {
              out[k] = p.fill().getRGB();
            }
          }
          break;
        }
      }
    }
    return out;
  }
}
