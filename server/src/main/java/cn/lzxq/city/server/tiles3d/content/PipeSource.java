package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ReadTransaction.Planning;
import cn.lzxq.city.server.tiles3d.ContentKind;
import cn.lzxq.city.server.tiles3d.View;
import cn.lzxq.city.server.tiles3d.grid.Grid;
import cn.lzxq.city.tiles.content.PipeContentEncoder;
import cn.lzxq.city.tiles.content.PipeProfile;
import cn.lzxq.city.tiles.content.PipeRun;
import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.tiling.ImportancePolicy;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Pipes of one network: a pipe appears at the level its network's importance ranking ({@link
 * cn.lzxq.city.server.tiles3d.grid.ImportanceRanking}) gives its size and length (ADD refinement),
 * in every tile of that level it crosses, cut at the tile edges with fittings from the shared end
 * points ({@link PipeContentEncoder}).
 *
 * <p>Centre heights: the surveyed Z (top or invert) plus {@code pipe_centre_offset_m()} gives the
 * centre elevation; the ground at each vertex is interpolated along the run between the ends
 * (surveyed Z + depth), so in ground-relative mode a pipe end sits at {@code centre_offset_m −
 * depth}, i.e. at its true depth below a ground at height 0.
 */
final class PipeSource implements ContentSource {

  private final ContentKind kind;
  private final ReadExecutor reads;
  private final int srid;
  private final MetadataClass pipeClass;
  private final PipeContentEncoder encoder;
  private final String sql;
  private final Map<String, LevelBand> bands = new ConcurrentHashMap<>();

  PipeSource(ContentKind kind, ReadExecutor reads, int srid) {
    this.kind = kind;
    this.reads = reads;
    this.srid = srid;
    this.pipeClass = ContentClasses.of(kind.main());
    this.encoder = new PipeContentEncoder(pipeClass);
    this.sql = TileSql.sql("pipes", kind.main(), "s");
  }

  /** One row of sql/tiles3d/pipes.sql. */
  private record Row(long fid, Geometry geom, double lengthM, int sizeMm, PipeRun run) {}

  @Override
  public ContentKind kind() {
    return kind;
  }

  @Override
  public List<MetadataClass> classes() {
    return List.of(pipeClass, cn.lzxq.city.tiles.content.FeatureClasses.FITTING);
  }

  @Override
  public double reachMetres() {
    return 200;
  }

  @Override
  public void footprints(Grid grid, View view, Consumer<Footprint> sink) {
    each(
        grid.tree().root(),
        new LevelBand(0, Integer.MAX_VALUE),
        view,
        null,
        Planning.PER_EXECUTION,
        r -> sink.accept(new Footprint(level(grid, r), r.geom(), 1.5 * r.sizeMm() / 1000.0 + 0.1)));
  }

  @Override
  public byte[] encode(Grid grid, TileCoord tile, View view) {
    Region region = grid.region(tile);
    LevelBand band =
        bands.computeIfAbsent(
            grid.signature() + "/" + tile.level(),
            k -> LevelBand.of(importance(grid), tile.level(), grid.deepest()));
    if (band.minMm() > band.maxMm()) {
      return null;
    }
    Heights heights = new Heights(view.heights(), grid.anomalyM());
    double margin = 10 + 30 * Math.min(band.maxMm(), 3000) / 1000.0;
    while (true) {
      List<PipeRun> pipes = new ArrayList<>();
      each(
          region.expandedBy(margin),
          band,
          view,
          heights,
          Planning.CACHED,
          r -> {
            if (level(grid, r) == tile.level()) {
              pipes.add(r.run());
            }
          });
      double needed = PipeContentEncoder.marginMetres(pipes);
      if (needed <= margin) {
        return pipes.isEmpty()
            ? null
            : encoder.encode(region, detail(tile.level(), grid.deepest()), pipes);
      }
      margin = needed;
    }
  }

  private int level(Grid grid, Row r) {
    return importance(grid).levelFor(r.sizeMm(), r.lengthM(), grid.deepest());
  }

  /** The layer's ranking ({@link Grid#rankings()}), else the size policy of the tile widths. */
  private ImportancePolicy importance(Grid grid) {
    ImportancePolicy ranked = grid.rankings().get(kind.main().name());
    return ranked != null ? ranked : new GridImportance(grid);
  }

  /**
   * Circular pipes get more sides closer to the leaves: 2 at the two deepest levels, 1 at the two
   * above, 0 above those, distant (-1) from four levels above the deepest up (city-wide views).
   */
  static int detail(int level, int deepest) {
    return level >= deepest - 1 ? 2 : level >= deepest - 3 ? 1 : level >= deepest - 4 ? 0 : -1;
  }

  /**
   * Streams the rows of the window and size band (memory bounded for the whole city): planned per
   * execution for the whole area (footprints), with the connection's cached plan for a tile.
   */
  private void each(
      Region window,
      LevelBand band,
      View view,
      Heights heights,
      Planning planning,
      Consumer<Row> sink) {
    Map<String, Object> params = new HashMap<>(TileSql.window(window, srid, view.asOf()));
    params.put("min_mm", band.minMm());
    params.put("max_mm", band.maxMm());
    reads.each(sql, params, planning, rs -> row(rs, heights), sink);
  }

  /** A row; the PipeRun is built only when {@code heights} is given (content, not footprints). */
  private Row row(ResultSet rs, Heights heights) throws SQLException {
    long fid = rs.getLong("fid");
    Geometry geom = TileSql.geometry(rs, "geom");
    int size = rs.getInt("size_mm");
    PipeRun run = null;
    if (heights != null) {
      Integer w = (Integer) rs.getObject("width_mm");
      Integer h = (Integer) rs.getObject("height_mm");
      Integer dn = (Integer) rs.getObject("dn_mm");
      PipeProfile profile =
          w != null && h != null ? new PipeProfile.Rectangular(w, h) : new PipeProfile.Circular(dn);
      String label = w != null && h != null ? w + "×" + h : "DN" + dn;
      List<GeoPoint> line =
          centreline(
              geom.getCoordinates(),
              rs.getDouble("centre_offset_m"),
              TileSql.number(rs, "start_depth_m"),
              TileSql.number(rs, "end_depth_m"),
              heights);
      run =
          new PipeRun(
              fid,
              line,
              profile,
              TileSql.colour(rs, "rgb", 1),
              TileSql.properties(rs, pipeClass, Map.of("size", label)));
    }
    return new Row(fid, geom, rs.getDouble("length_m"), size, run);
  }

  /**
   * The centre line: each vertex at its surveyed Z plus the centre offset, relative to the ground
   * interpolated (by plan distance) between the two ends' ground elevations (end Z + depth).
   */
  static List<GeoPoint> centreline(
      Coordinate[] c, double offsetM, Double startDepth, Double endDepth, Heights heights) {
    double d0 =
        startDepth != null ? startDepth : endDepth != null ? endDepth : Heights.DEFAULT_DEPTH_M;
    double d1 = endDepth != null ? endDepth : d0;
    double ground0 = c[0].getZ() + d0;
    double ground1 = c[c.length - 1].getZ() + d1;
    double[] along = new double[c.length];
    double cos = Math.cos(Math.toRadians(c[0].y));
    for (int i = 1; i < c.length; i++) {
      along[i] = along[i - 1] + Math.hypot((c[i].x - c[i - 1].x) * cos, c[i].y - c[i - 1].y);
    }
    double total = along[c.length - 1];
    List<GeoPoint> out = new ArrayList<>(c.length);
    for (int i = 0; i < c.length; i++) {
      double f = total > 0 ? along[i] / total : 0;
      double ground = ground0 + (ground1 - ground0) * f;
      double centre = c[i].getZ() + offsetM;
      out.add(new GeoPoint(c[i].x, c[i].y, heights.of(centre - ground, ground)));
    }
    return out;
  }
}
