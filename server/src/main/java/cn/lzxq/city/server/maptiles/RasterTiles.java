package cn.lzxq.city.server.maptiles;

import cn.lzxq.city.server.tilestore.CacheEntry;
import cn.lzxq.city.server.tilestore.ChangeLog;
import cn.lzxq.city.server.tilestore.TileStore;
import cn.lzxq.city.server.wms.EncodedImage;
import cn.lzxq.city.server.wms.WmsService;
import cn.lzxq.city.server.wms.layer.WmsLayer;
import cn.lzxq.city.server.wms.request.GetMapRequest;
import cn.lzxq.city.server.wms.request.ImageFormat;
import cn.lzxq.city.server.wms.request.MapWindow;
import java.awt.Color;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Service;

/**
 * Map (raster) tiles of WMS layers, rendered by the WMS renderer a metatile at a time ({@code
 * city.map-tiles.metatile} tiles square plus a gutter, so labels are not cut at tile edges) and
 * kept in the {@link TileStore} under {@code 2d/map/<layers>/<style>/<set>/<time>/<z>/<row>/<col>}.
 *
 * <p>A stored tile is stale when a change-log entry of one of its layers, later than the tile,
 * crosses its metatile grown by the gutter and the symbol/label buffer: everything that can have
 * drawn into it. Its neighbours in the metatile are rebuilt with it; a tile whose pixels did not
 * change keeps its ETag (the hash of its bytes).
 */
@Service
public class RasterTiles {

  private final WmsService wms;
  private final TileStore store;
  private final ChangeLog changes;
  private final TileAreas areas;
  private final MapTilesProperties props;
  private final Object[] locks = new Object[64];

  public RasterTiles(
      WmsService wms,
      TileStore store,
      ChangeLog changes,
      TileAreas areas,
      MapTilesProperties props) {
    this.wms = wms;
    this.store = store;
    this.changes = changes;
    this.areas = areas;
    this.props = props;
    for (int i = 0; i < locks.length; i++) {
      locks[i] = new Object();
    }
  }

  /**
   * One map tile.
   *
   * @param layers WMS layer names, drawn in order
   * @param style the style of every layer (blank: each layer's default)
   * @param asOf the time the city is drawn at, null for now
   */
  public CacheEntry tile(
      List<String> layers,
      String style,
      Instant asOf,
      TileMatrixSet set,
      int z,
      long row,
      long col,
      ImageFormat format) {
    String keyed = keyedStyle(layers, style);
    String base = base(layers, keyed, asOf, set, format);
    Set<String> sources = sources(layers);
    long metaRow = row / props.metatile() * props.metatile();
    long metaCol = col / props.metatile() * props.metatile();
    int rows = (int) Math.min(props.metatile(), set.matrixHeight(z) - metaRow);
    int cols = (int) Math.min(props.metatile(), set.matrixWidth(z) - metaCol);
    double[] reach = areas.lonLat(set, block(set, z, metaRow, metaCol, rows, cols, reachPixels()));
    String key = key(base, z, row, col, format);
    CacheEntry e = store.get(key);
    if (e != null && fresh(e, sources, z, reach)) {
      return e;
    }
    synchronized (locks[Math.floorMod((base + z + "/" + metaRow + "/" + metaCol).hashCode(), 64)]) {
      e = store.get(key);
      if (e != null && fresh(e, sources, z, reach)) {
        return e;
      }
      long seq = changes.seq();
      int gutter = props.gutterPx();
      Envelope window = block(set, z, metaRow, metaCol, rows, cols, gutter);
      GetMapRequest map =
          new GetMapRequest(
              layers,
              keyed.isEmpty() ? List.of() : layers.stream().map(l -> keyed).toList(),
              new MapWindow(
                  set.crs(),
                  window,
                  cols * TileMatrixSet.TILE_SIZE + 2 * gutter,
                  rows * TileMatrixSet.TILE_SIZE + 2 * gutter,
                  TileMatrixSet.STANDARD_DPI),
              format,
              format.hasAlpha(),
              Color.WHITE,
              asOf,
              null,
              List.of());
      List<EncodedImage> images = wms.mapTiles(map, gutter, TileMatrixSet.TILE_SIZE);
      CacheEntry asked = null;
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          CacheEntry built = new CacheEntry(images.get(r * cols + c).bytes(), seq);
          store.put(key(base, z, metaRow + r, metaCol + c, format), built);
          if (metaRow + r == row && metaCol + c == col) {
            asked = built;
          }
        }
      }
      return asked;
    }
  }

  /**
   * The style as the store keys it: blank when it is blank or the default (first) style of every
   * layer, so that WMTS ({@code default} or the default's own name), OGC API – Tiles and seeding
   * (no style) read and write one pyramid.
   */
  private String keyedStyle(List<String> layers, String style) {
    if (style == null || style.isBlank()) {
      return "";
    }
    boolean isDefault =
        layers.stream()
            .map(n -> wms.layers().require(n, "LAYER"))
            .allMatch(l -> l.styles().get(0).name().equals(style));
    return isDefault ? "" : style;
  }

  /** The catalog layers the WMS layers read (the change log's layer names). */
  Set<String> sources(List<String> layers) {
    return layers.stream()
        .map(n -> wms.layers().require(n, "LAYER"))
        .map(WmsLayer::source)
        .map(l -> l.name())
        .collect(Collectors.toSet());
  }

  /** The store key prefix of a tile pyramid (layers, style, set, time). */
  static String base(
      List<String> layers, String style, Instant asOf, TileMatrixSet set, ImageFormat format) {
    return "2d/map/"
        + String.join(",", layers)
        + "/"
        + (style == null || style.isBlank() ? "default" : style)
        + "/"
        + set.id()
        + "/"
        + TileTime.key(asOf)
        + "/";
  }

  private static String key(String base, int z, long row, long col, ImageFormat format) {
    return base + z + "/" + row + "/" + col + "." + extension(format);
  }

  /** The file extension of a tile format. */
  static String extension(ImageFormat format) {
    return switch (format) {
      case PNG -> "png";
      case PNG8 -> "png8";
      case JPEG -> "jpg";
    };
  }

  /**
   * Whether a stored tile is still valid, after the log's latest news. Only a stored tile waits for
   * them: a tile built now records the position the log knows, which is at most older than what the
   * build reads (then it is rebuilt once more, never served stale).
   */
  private boolean fresh(CacheEntry e, Set<String> sources, int z, double[] box) {
    changes.poll();
    return !changes.changedSince(e.seq(), sources, z, box);
  }

  private int reachPixels() {
    return props.gutterPx() + props.labelBufferPx();
  }

  private static Envelope block(
      TileMatrixSet set, int z, long row, long col, int rows, int cols, double pixels) {
    Envelope first = set.tileEnvelope(z, row, col, pixels);
    Envelope last = set.tileEnvelope(z, row + rows - 1, col + cols - 1, pixels);
    first.expandToInclude(last);
    return first;
  }
}
