package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ReadTransaction.Planning;
import cn.lzxq.city.server.terrain.DemSource;
import cn.lzxq.city.server.tiles3d.ContentKind;
import cn.lzxq.city.server.tiles3d.HeightMode;
import cn.lzxq.city.server.tiles3d.View;
import cn.lzxq.city.server.tiles3d.grid.Grid;
import cn.lzxq.city.tiles.content.Parcel;
import cn.lzxq.city.tiles.content.ParcelContentEncoder;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;

/**
 * Zoning parcels as translucent envelopes from the ground to their height limit (a {@value
 * #NO_LIMIT_HEIGHT_M} m slab when the plan sets none) in their GB 50137 colour. A parcel appears at
 * the deepest level whose tiles are at least {@value #TILE_TO_PARCEL} times its width (√area), in
 * every tile of that level it crosses, cut at the tile edges.
 *
 * <p>Heights ({@link Heights}): ground-relative by default (base 0, top = the limit); in absolute
 * mode the base is the terrain under the parcel ({@link TerrainGround}: the lowest DEM height at
 * its vertices, else its outline's minimum surveyed Z, 1985 datum) plus the height anomaly, and the
 * top lies the height limit above it.
 */
final class ParcelSource implements ContentSource {

  /** Height (m) of a parcel without a height limit. */
  static final double NO_LIMIT_HEIGHT_M = 1;

  /** Tile width ÷ parcel width at the parcel's level. */
  static final double TILE_TO_PARCEL = 8;

  /** Opacity of the envelopes. */
  static final double ALPHA = 0.35;

  private final ContentKind kind;
  private final ReadExecutor reads;
  private final int srid;
  private final MetadataClass parcelClass;
  private final ParcelContentEncoder encoder;
  private final String sql;

  private final DemSource dem;

  ParcelSource(ContentKind kind, ReadExecutor reads, int srid, DemSource dem) {
    this.kind = kind;
    this.reads = reads;
    this.srid = srid;
    this.dem = dem;
    this.parcelClass = ContentClasses.of(kind.main());
    this.encoder = new ParcelContentEncoder(parcelClass);
    this.sql = TileSql.sql("parcels", kind.main(), "z");
  }

  /** A parcel row: its polygons share the feature id. */
  private record Row(Geometry geom, double widthM, List<Parcel> parts) {}

  @Override
  public ContentKind kind() {
    return kind;
  }

  @Override
  public List<MetadataClass> classes() {
    return List.of(parcelClass);
  }

  @Override
  public double reachMetres() {
    return 1;
  }

  @Override
  public void footprints(Grid grid, View view, Consumer<Footprint> sink) {
    each(
        grid.tree().root(),
        view,
        null,
        null,
        Planning.PER_EXECUTION,
        r -> sink.accept(new Footprint(level(grid, r.widthM()), r.geom(), 0.01)));
  }

  @Override
  public byte[] encode(Grid grid, TileCoord tile, View view) {
    Region region = grid.region(tile);
    List<Parcel> parcels = new ArrayList<>();
    DemSource.Dem terrain = view.heights() == HeightMode.ABSOLUTE ? dem.current() : null;
    each(
        region,
        view,
        new Heights(view.heights(), grid.anomalyM()),
        terrain,
        Planning.CACHED,
        r -> {
          if (level(grid, r.widthM()) == tile.level()) {
            parcels.addAll(r.parts());
          }
        });
    return parcels.isEmpty() ? null : encoder.encode(region, parcels);
  }

  /** The level of a parcel of width {@code widthM} metres. */
  static int level(Grid grid, double widthM) {
    return level(grid, widthM, TILE_TO_PARCEL);
  }

  /**
   * The deepest level whose tiles are at least {@code tileToFeature} times {@code widthM} metres
   * wide (level 0 at most, the grid's deepest at least).
   */
  static int level(Grid grid, double widthM, double tileToFeature) {
    double ratio = grid.rootWidthMetres() / (tileToFeature * Math.max(widthM, 1));
    int level = (int) Math.floor(Math.log(ratio) / Math.log(2));
    return Math.max(0, Math.min(grid.deepest(), level));
  }

  /**
   * Streams the window's rows, planned as {@code planning} says (per execution for the whole area,
   * the connection's cached plan for a tile).
   */
  private void each(
      Region window,
      View view,
      Heights heights,
      DemSource.Dem terrain,
      Planning planning,
      Consumer<Row> sink) {
    reads.each(
        sql,
        TileSql.window(window, srid, view.asOf()),
        planning,
        rs -> row(rs, heights, terrain),
        sink);
  }

  /**
   * A row; the parcel parts are built only when {@code heights} is given (content, not footprints).
   */
  private Row row(ResultSet rs, Heights heights, DemSource.Dem terrain) throws SQLException {
    Geometry g = TileSql.geometry(rs, "geom");
    List<Parcel> parts = new ArrayList<>();
    if (heights != null) {
      Double limit = TileSql.number(rs, "height_limit_m");
      double height = limit != null && limit > 0 ? limit : NO_LIMIT_HEIGHT_M;
      double ground = TerrainGround.under(g, rs.getDouble("ground_elev_m"), terrain);
      Map<String, Object> props = TileSql.properties(rs, parcelClass, Map.of());
      for (int i = 0; i < g.getNumGeometries(); i++) {
        parts.add(
            new Parcel(
                rs.getLong("fid"),
                (Polygon) g.getGeometryN(i),
                heights.of(0, ground),
                heights.of(height, ground),
                TileSql.colour(rs, "rgb", ALPHA),
                props));
      }
    }
    return new Row(g, rs.getDouble("width_m"), parts);
  }
}
