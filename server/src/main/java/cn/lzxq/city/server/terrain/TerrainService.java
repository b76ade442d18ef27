package cn.lzxq.city.server.terrain;

import cn.lzxq.city.server.tiles3d.Tiles3dProperties;
import cn.lzxq.city.server.tilestore.CacheEntry;
import cn.lzxq.city.server.tilestore.ChangeLog;
import cn.lzxq.city.server.tilestore.TileStore;
import cn.lzxq.city.tiles.terrain.QuantizedMesh;
import cn.lzxq.city.tiles.terrain.TerrainGrid;
import cn.lzxq.city.tiles.terrain.TerrainTiling;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Quantized-mesh terrain from the current DEM: {@code layer.json} (levels, availability) and the
 * tiles, built on request as a regular grid sampled from the DEM (heights h = H + ζ; ellipsoid
 * height 0 off the DEM) and kept in the tile store under {@code terrain/<dem
 * version>/<ζ>/<plain|normals>/z/x/y.terrain} — a new DEM version or another ζ gives other keys, so
 * nothing stale is served.
 *
 * <p>Levels 0..{@code globeLevels} cover the globe; deeper levels only the DEM's tiles, down to the
 * level whose vertex spacing reaches the DEM's pixel size.
 */
@Service
public class TerrainService {

  private final DemSource dems;
  private final TileStore cache;
  private final ChangeLog changes;
  private final TerrainProperties props;
  private final double anomalyM;
  private final JsonMapper json;

  public TerrainService(
      DemSource dems,
      TileStore cache,
      ChangeLog changes,
      TerrainProperties props,
      Tiles3dProperties tiles,
      JsonMapper json) {
    this.dems = dems;
    this.cache = cache;
    this.changes = changes;
    this.props = props;
    this.anomalyM = tiles.heightAnomalyM();
    this.json = json;
  }

  /** The deepest level served for a DEM. */
  int maxLevel(DemSource.Dem dem) {
    if (dem == null) {
      return props.globeLevels();
    }
    double pixel = Math.min(dem.version().grid().pixelLon(), dem.version().grid().pixelLat());
    return Math.max(props.globeLevels(), TerrainTiling.levelFor(pixel, props.gridSize() - 1));
  }

  /** layer.json (TileJSON 2.1 with Cesium's terrain members). */
  public CacheEntry layerJson() {
    DemSource.Dem dem = dems.current();
    int max = maxLevel(dem);
    Map<String, Object> layer = new LinkedHashMap<>();
    layer.put("tilejson", "2.1.0");
    layer.put("name", "兰州新区地形 Lanzhou New Area terrain");
    layer.put(
        "description",
        dem == null
            ? "no DEM imported: the ellipsoid"
            : "DEM version "
                + dem.version().id()
                + " ("
                + dem.version().source()
                + "), heights h = H(1985) + ζ, ζ = "
                + anomalyM
                + " m");
    layer.put("version", "1.0.0");
    layer.put("format", "quantized-mesh-1.0");
    layer.put("scheme", "tms");
    layer.put("projection", "EPSG:4326");
    layer.put(
        "tiles",
        List.of("{z}/{x}/{y}.terrain?v={version}&dem=" + (dem == null ? 0 : dem.version().id())));
    layer.put("extensions", List.of("octvertexnormals"));
    layer.put("minzoom", 0);
    layer.put("maxzoom", max);
    layer.put("bounds", List.of(-180, -90, 180, 90));
    layer.put("attribution", "兰州新区 DEM");
    List<List<Map<String, Long>>> available = new ArrayList<>();
    for (int z = 0; z <= max; z++) {
      long[] r = range(dem, z);
      Map<String, Long> range = new LinkedHashMap<>();
      range.put("startX", r[0]);
      range.put("startY", r[1]);
      range.put("endX", r[2]);
      range.put("endY", r[3]);
      available.add(List.of(range));
    }
    layer.put("available", available);
    return new CacheEntry(json.writeValueAsBytes(layer), changes.seq());
  }

  /**
   * Column and row range (startX, startY, endX, endY) of the tiles available at level {@code z}.
   */
  private long[] range(DemSource.Dem dem, int z) {
    if (z <= props.globeLevels() || dem == null) {
      return new long[] {0, 0, TerrainTiling.columns(z) - 1, TerrainTiling.rows(z) - 1};
    }
    var g = dem.version().grid();
    return new long[] {
      TerrainTiling.column(z, g.west()),
      TerrainTiling.row(z, g.south()),
      TerrainTiling.column(z, g.east()),
      TerrainTiling.row(z, g.north())
    };
  }

  /** One tile; {@link NoSuchElementException} for a tile that is not available. */
  public CacheEntry tile(int z, long x, long y, boolean normals) {
    DemSource.Dem dem = dems.current();
    if (!TerrainTiling.exists(z, x, y) || z > maxLevel(dem)) {
      throw new NoSuchElementException("no terrain tile " + z + "/" + x + "/" + y);
    }
    long[] r = range(dem, z);
    if (x < r[0] || x > r[2] || y < r[1] || y > r[3]) {
      throw new NoSuchElementException(
          "terrain tile " + z + "/" + x + "/" + y + " is not available (outside the DEM)");
    }
    String key =
        String.format(
            Locale.ROOT,
            "terrain/%d/%s/%s/%d/%d/%d.terrain",
            dem == null ? 0 : dem.version().id(),
            anomalyM,
            normals ? "normals" : "plain",
            z,
            x,
            y);
    CacheEntry e = cache.get(key);
    if (e == null) {
      e = new CacheEntry(QuantizedMesh.encode(grid(dem, z, x, y), normals), changes.seq());
      cache.put(key, e);
    }
    return e;
  }

  private TerrainGrid grid(DemSource.Dem dem, int z, long x, long y) {
    double[] b = TerrainTiling.bounds(z, x, y);
    int n = props.gridSize();
    double[] heights = new double[n * n];
    TerrainGrid empty = new TerrainGrid(b[0], b[1], b[2], b[3], n, heights);
    if (dem == null) {
      return empty;
    }
    var g = dem.version().grid();
    if (b[2] < g.west() || b[0] > g.east() || b[3] < g.south() || b[1] > g.north()) {
      return empty;
    }
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        double h = dem.sample(empty.lon(i), empty.lat(j));
        heights[j * n + i] = Double.isNaN(h) ? 0 : h + anomalyM;
      }
    }
    return empty;
  }
}
