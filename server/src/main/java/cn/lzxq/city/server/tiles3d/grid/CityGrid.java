package cn.lzxq.city.server.tiles3d.grid;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.layer.TileContent.TileEncoding;
import cn.lzxq.city.data.sql.SqlTemplate;
import cn.lzxq.city.server.tiles3d.Tiles3dProperties;
import cn.lzxq.city.server.tiles3d.content.Heights;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.tiling.ImplicitQuadtree;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Computes the {@link Grid} from the database (the extent of every version of the tiled layers) and
 * keeps it until {@link #invalidate()} (the change log calls it when an edit lands outside). The
 * tiled layers are the catalog's layers with a 3D mapping; each is measured by the extent statement
 * of its encoding ({@code sql/tiles3d/extent/<encoding>.sql}) over its own rows. Sectors ride on
 * their towers and are not measured.
 *
 * <p>The rectangle is the data's box padded by {@value #PAD_DEGREES}° and snapped outward to a
 * {@value #SNAP_DEGREES}° lattice (so small edits do not move the grid), then squared in metres.
 * The number of levels makes the deepest tiles about {@code leafTileMetres} wide.
 */
@Component
public class CityGrid {

  /** Lattice (degrees) the extent snaps to. */
  static final double SNAP_DEGREES = 0.01;

  /** Padding (degrees, about 100 m) around the data before snapping. */
  static final double PAD_DEGREES = 0.001;

  /** Lanzhou New Area core, used while the database holds no features (degrees). */
  static final double[] DEFAULT_BOX = {103.60, 36.45, 103.80, 36.65};

  private final ReadExecutor reads;
  private final Tiles3dProperties props;
  private final String extentSql;
  private final String pipeSizesSql;
  private volatile Grid grid;

  public CityGrid(ReadExecutor reads, Tiles3dProperties props, LayerCatalog catalog) {
    this.reads = reads;
    this.props = props;
    this.extentSql = extentSql(catalog);
    this.pipeSizesSql = pipeSizesSql(catalog);
  }

  /** One statement measuring every tiled layer, one row per layer that has rows. */
  static String extentSql(LayerCatalog catalog) {
    String layers =
        perLayer(
            catalog,
            l -> l.tiles().encoding() != TileEncoding.SECTORS,
            l -> "tiles3d/extent/" + l.tiles().encoding().name().toLowerCase(Locale.ROOT));
    return layers.isEmpty() ? "" : SqlTemplate.render("tiles3d/extent", Map.of("layers", layers));
  }

  /** One statement counting the segments of every pipe layer by size and length. */
  static String pipeSizesSql(LayerCatalog catalog) {
    return perLayer(
        catalog, l -> l.tiles().encoding() == TileEncoding.PIPES, l -> "tiles3d/pipe_sizes");
  }

  /** The template of each tiled layer that passes {@code which}, joined by UNION ALL. */
  private static String perLayer(
      LayerCatalog catalog, Predicate<Layer> which, Function<Layer, String> template) {
    return catalog.all().stream()
        .filter(l -> l.tiles() != null && which.test(l))
        .map(
            l ->
                SqlTemplate.render(
                    template.apply(l),
                    Map.of("layer", l.name(), "table", l.table(), "filter", l.rowFilter())))
        .collect(Collectors.joining("\nUNION ALL\n"));
  }

  /** The current grid. */
  public Grid grid() {
    Grid g = grid;
    if (g == null) {
      synchronized (this) {
        if (grid == null) {
          grid = compute();
        }
        g = grid;
      }
    }
    return g;
  }

  /** Forgets the grid; the next {@link #grid()} reads the extent again. */
  public void invalidate() {
    grid = null;
  }

  private Grid compute() {
    List<LayerExtent> extents =
        extentSql.isEmpty()
            ? List.of()
            : reads.rows(
                extentSql,
                Map.of("depth", Heights.DEFAULT_DEPTH_M),
                rs ->
                    new LayerExtent(
                        rs.getString("layer"),
                        rs.getDouble("west"),
                        rs.getDouble("south"),
                        rs.getDouble("east"),
                        rs.getDouble("north"),
                        rs.getDouble("ground_min"),
                        rs.getDouble("ground_max"),
                        rs.getDouble("rel_min"),
                        rs.getDouble("rel_max")));
    Map<String, LayerExtent> byLayer = new LinkedHashMap<>();
    double[] box = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (LayerExtent e : extents) {
      byLayer.put(e.layer(), e);
      box =
          new double[] {
            Math.min(box[0], e.west()),
            Math.min(box[1], e.south()),
            Math.max(box[2], e.east()),
            Math.max(box[3], e.north())
          };
    }
    if (extents.isEmpty()) {
      box = DEFAULT_BOX.clone();
    }
    double west = Math.floor((box[0] - PAD_DEGREES) / SNAP_DEGREES) * SNAP_DEGREES;
    double south = Math.floor((box[1] - PAD_DEGREES) / SNAP_DEGREES) * SNAP_DEGREES;
    double east = Math.ceil((box[2] + PAD_DEGREES) / SNAP_DEGREES) * SNAP_DEGREES;
    double north = Math.ceil((box[3] + PAD_DEGREES) / SNAP_DEGREES) * SNAP_DEGREES;
    Region square = squared(Region.ofDegrees(west, south, east, north, 0, 1));
    int levels = levels(square.widthMetres());
    ImplicitQuadtree tree =
        new ImplicitQuadtree(square, levels, Math.min(props.subtreeLevels(), levels));
    Map<String, ImportanceRanking> rankings = importanceRankings(levels - 1);
    String signature =
        Integer.toHexString(
            String.format(
                    Locale.ROOT,
                    "%.6f,%.6f,%.6f,%.6f,%d,%d,%.5f,%s",
                    square.west(),
                    square.south(),
                    square.east(),
                    square.north(),
                    levels,
                    tree.subtreeLevels(),
                    props.errorFactor(),
                    new TreeMap<>(rankings))
                .hashCode());
    return new Grid(
        tree, byLayer, props.errorFactor(), props.heightAnomalyM(), rankings, signature);
  }

  /** Per pipe layer, the ranking that keeps its coarse tiles within the budget. */
  private Map<String, ImportanceRanking> importanceRankings(int deepest) {
    if (pipeSizesSql.isEmpty()) {
      return Map.of();
    }
    record Row(String layer, ImportanceRanking.SizeCount count) {}
    Map<String, List<ImportanceRanking.SizeCount>> sizes = new LinkedHashMap<>();
    for (Row r :
        reads.rows(
            pipeSizesSql,
            Map.of(),
            rs ->
                new Row(
                    rs.getString("layer"),
                    new ImportanceRanking.SizeCount(
                        rs.getDouble("size_mm"), rs.getDouble("length_m"), rs.getLong("n"))))) {
      sizes.computeIfAbsent(r.layer(), k -> new ArrayList<>()).add(r.count());
    }
    Map<String, ImportanceRanking> rankings = new LinkedHashMap<>();
    sizes.forEach(
        (layer, counts) ->
            rankings.put(layer, ImportanceRanking.of(counts, deepest, props.featuresPerTile())));
    return rankings;
  }

  /** The region grown east or north so that its width and height in metres are equal. */
  static Region squared(Region r) {
    double width = r.widthMetres();
    double height = (r.north() - r.south()) * 6_367_000.0;
    if (width < height) {
      double east = r.west() + (r.east() - r.west()) * height / width;
      return new Region(r.west(), r.south(), east, r.north(), r.minHeight(), r.maxHeight());
    }
    double north = r.south() + (r.north() - r.south()) * width / height;
    return new Region(r.west(), r.south(), r.east(), north, r.minHeight(), r.maxHeight());
  }

  private int levels(double rootWidthMetres) {
    int levels =
        (int) Math.ceil(Math.log(rootWidthMetres / props.leafTileMetres()) / Math.log(2)) + 1;
    return Math.max(1, Math.min(20, levels));
  }
}
