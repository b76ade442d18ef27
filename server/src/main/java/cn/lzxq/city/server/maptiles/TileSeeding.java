package cn.lzxq.city.server.maptiles;

import cn.lzxq.city.data.job.Job;
import cn.lzxq.city.data.job.JobContext;
import cn.lzxq.city.data.job.JobHandler;
import cn.lzxq.city.data.job.JobHandlers;
import cn.lzxq.city.data.job.JobResult;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.server.wms.WmsService;
import cn.lzxq.city.server.wms.layer.WmsLayer;
import cn.lzxq.city.server.wms.request.ImageFormat;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tile seeding as a job of the project's queue (kind {@value #KIND}, submitted by {@code city tiles
 * seed}): builds every tile of a layer (or the whole map) in a lon/lat box over a range of levels
 * into the tile store, map tiles a metatile at a time. A node that dies mid-way leaves the job to
 * be claimed again (the queue's heartbeat); the restarted run finds the tiles already built fresh
 * in the store and skips them. The result is {@code {"tiles", "seconds", "tilesPerSecond"}}.
 */
@Component
public class TileSeeding implements JobHandlers {

  /** The job kind. */
  public static final String KIND = "tiles-seed";

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final TileMatrixSets sets;
  private final TileAreas areas;
  private final RasterTiles maps;
  private final VectorTiles vectors;
  private final WmsService wms;
  private final LayerCatalog catalog;
  private final MapTilesProperties props;

  public TileSeeding(
      TileMatrixSets sets,
      TileAreas areas,
      RasterTiles maps,
      VectorTiles vectors,
      WmsService wms,
      LayerCatalog catalog,
      MapTilesProperties props) {
    this.sets = sets;
    this.areas = areas;
    this.maps = maps;
    this.vectors = vectors;
    this.wms = wms;
    this.catalog = catalog;
    this.props = props;
  }

  @Override
  public Map<String, JobHandler> handlers() {
    return Map.of(KIND, this::seed);
  }

  JobResult seed(Job job, JobContext ctx) throws Exception {
    SeedRequest r = SeedRequest.read(JSON.readTree(job.inputs()));
    TileMatrixSet set =
        sets.find(r.set())
            .orElseThrow(() -> new IllegalArgumentException("no tile matrix set " + r.set()));
    if (r.maxZoom() > set.maxLevel()) {
      throw new IllegalArgumentException(r.set() + " ends at level " + set.maxLevel());
    }
    Envelope window = areas.window(set, r.bbox());
    long total = 0;
    for (int z = r.minZoom(); z <= r.maxZoom(); z++) {
      total += count(set, z, window);
    }
    if (total > props.seedMaxTiles()) {
      throw new IllegalArgumentException(
          total + " tiles asked; a seeding builds at most " + props.seedMaxTiles());
    }
    long started = System.nanoTime();
    long done = 0;
    long lastReport = 0;
    for (int z = r.minZoom(); z <= r.maxZoom(); z++) {
      long[] range = range(set, z, window);
      int step = r.format().equals("mvt") ? 1 : props.metatile();
      for (long row = range[0] / step * step; row <= range[1]; row += step) {
        for (long col = range[2] / step * step; col <= range[3]; col += step) {
          ctx.checkCancelled();
          long r0 = Math.max(row, range[0]);
          long c0 = Math.max(col, range[2]);
          build(r, set, z, r0, c0);
          done +=
              (Math.min(row + step - 1, range[1]) - r0 + 1)
                  * (Math.min(col + step - 1, range[3]) - c0 + 1);
          if (System.nanoTime() - lastReport > 1_000_000_000L) {
            lastReport = System.nanoTime();
            ctx.progress(
                (int) Math.min(99, done * 100 / Math.max(1, total)),
                "level " + z + ": " + done + " of " + total + " tiles");
          }
        }
      }
    }
    double seconds = (System.nanoTime() - started) / 1e9;
    ObjectNode out = JSON.createObjectNode();
    out.put("tiles", done);
    out.put("seconds", seconds);
    out.put("tilesPerSecond", seconds > 0 ? done / seconds : 0);
    return new JobResult(out.toString().getBytes(StandardCharsets.UTF_8), "application/json");
  }

  private void build(SeedRequest r, TileMatrixSet set, int z, long row, long col) {
    if (r.format().equals("mvt")) {
      List<Layer> layers =
          r.layer().equals("all")
              ? catalog.vectors()
              : List.of(
                  catalog
                      .findVector(r.layer())
                      .orElseThrow(() -> new IllegalArgumentException("no layer " + r.layer())));
      vectors.tile(layers, r.asOf(), set, z, row, col);
    } else {
      List<String> layers =
          r.layer().equals("all")
              ? wms.layers().topLevel().stream().map(WmsLayer::name).toList()
              : List.of(r.layer());
      ImageFormat format = r.format().equals("jpeg") ? ImageFormat.JPEG : ImageFormat.PNG;
      maps.tile(layers, "", r.asOf(), set, z, row, col, format);
    }
  }

  /**
   * Rows first..last and columns first..last of the tiles of level {@code z} meeting the window.
   */
  static long[] range(TileMatrixSet set, int z, Envelope window) {
    return new long[] {
      set.rowOf(z, window.getMaxY()),
      set.rowOf(z, window.getMinY()),
      set.colOf(z, window.getMinX()),
      set.colOf(z, window.getMaxX())
    };
  }

  static long count(TileMatrixSet set, int z, Envelope window) {
    long[] r = range(set, z, window);
    return (r[1] - r[0] + 1) * (r[3] - r[2] + 1);
  }
}
