package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ReadTransaction.Planning;
import cn.lzxq.city.server.tiles3d.ContentKind;
import cn.lzxq.city.server.tiles3d.View;
import cn.lzxq.city.server.tiles3d.grid.Grid;
import cn.lzxq.city.tiles.content.AssetContentEncoder;
import cn.lzxq.city.tiles.content.AssetKind;
import cn.lzxq.city.tiles.content.PointAsset;
import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Pipe-point appurtenances as instanced assets, {@value #LEVELS_ABOVE_LEAVES} levels above the
 * leaves (they are small, but a tile per manhole would be mostly overhead), each in the tile that
 * owns its position. Manholes (检查井, 窨井, 雨水箅 … anything with 井/箅/池), valves (阀门, 排气阀 …) and hydrants
 * (消防栓/消火栓); other appurtenances (meters, pump stations …) are not drawn. Manholes and hydrants
 * stand on the ground; a valve sits at the point's surveyed depth.
 */
final class PointSource implements ContentSource {

  /** Shaft diameter (mm) of a manhole whose cover size is unknown. */
  static final double DEFAULT_MANHOLE_MM = 1000;

  /** Well depth (m) of a manhole whose depth is unknown. */
  static final double DEFAULT_WELL_DEPTH_M = 1.5;

  /** Valve body size (mm): pipe points do not carry the pipe's DN. */
  static final double VALVE_MM = 300;

  /** Levels above the leaves that hold the assets (tiles about four leaf widths wide). */
  static final int LEVELS_ABOVE_LEAVES = 2;

  /** Assets closer than this (m) to a tile edge may reach into it, so neighbours read them too. */
  static final double REACH_M = 3;

  private static final Pattern NUMBER = Pattern.compile("(\\d{3,4})");

  private final ContentKind kind;
  private final ReadExecutor reads;
  private final int srid;
  private final MetadataClass pointClass;
  private final AssetContentEncoder encoder;
  private final String sql;

  PointSource(ContentKind kind, ReadExecutor reads, int srid) {
    this.kind = kind;
    this.reads = reads;
    this.srid = srid;
    this.pointClass = ContentClasses.of(kind.main());
    this.encoder = new AssetContentEncoder(pointClass);
    this.sql = TileSql.sql("points", kind.main(), "p");
  }

  @Override
  public ContentKind kind() {
    return kind;
  }

  @Override
  public List<MetadataClass> classes() {
    return List.of(pointClass);
  }

  @Override
  public double reachMetres() {
    return REACH_M;
  }

  /** The level of the assets. */
  static int level(Grid grid) {
    return Math.max(0, grid.deepest() - LEVELS_ABOVE_LEAVES);
  }

  /** The asset kind of an appurtenance name, or null when it is not drawn. */
  static AssetKind assetKind(String appurtenance) {
    if (appurtenance == null) {
      return null;
    }
    if (appurtenance.contains("消防栓") || appurtenance.contains("消火栓")) {
      return AssetKind.HYDRANT;
    }
    if (appurtenance.contains("井") || appurtenance.contains("箅") || appurtenance.contains("池")) {
      return AssetKind.MANHOLE;
    }
    return appurtenance.contains("阀") ? AssetKind.VALVE : null;
  }

  @Override
  public void footprints(Grid grid, View view, Consumer<Footprint> sink) {
    int level = level(grid);
    each(
        grid.tree().root(),
        view,
        new Heights(view.heights(), grid.anomalyM()),
        Planning.PER_EXECUTION,
        a -> sink.accept(new Footprint(level, TileGeometry.point(a.position()), 0)));
  }

  @Override
  public byte[] encode(Grid grid, TileCoord tile, View view) {
    if (tile.level() != level(grid)) {
      return null;
    }
    Region region = grid.region(tile);
    List<PointAsset> assets = new ArrayList<>();
    each(
        region.expandedBy(REACH_M),
        view,
        new Heights(view.heights(), grid.anomalyM()),
        Planning.CACHED,
        assets::add);
    return assets.isEmpty() ? null : encoder.encode(region, assets);
  }

  /**
   * Streams the window's assets (points that are no asset are skipped), planned as {@code planning}
   * says (per execution for the whole area, the connection's cached plan for a tile).
   */
  private void each(
      Region window, View view, Heights heights, Planning planning, Consumer<PointAsset> sink) {
    reads.each(
        sql,
        TileSql.window(window, srid, view.asOf()),
        planning,
        rs -> asset(rs, heights),
        a -> {
          if (a != null) {
            sink.accept(a);
          }
        });
  }

  private PointAsset asset(ResultSet rs, Heights heights) throws SQLException {
    AssetKind kind = assetKind(rs.getString("appurtenance"));
    if (kind == null) {
      return null;
    }
    Geometry g = TileSql.geometry(rs, "geom");
    Coordinate c = g.getCoordinate();
    double ground = rs.getDouble("ground_elev_m");
    Double depth = TileSql.number(rs, "depth_m");
    double relative =
        kind == AssetKind.VALVE ? -(depth != null ? depth : Heights.DEFAULT_DEPTH_M) : 0;
    Double well = TileSql.number(rs, "well_depth_m");
    Double rotation = TileSql.number(rs, "rotation_deg");
    double size = kind == AssetKind.VALVE ? VALVE_MM : coverMm(rs.getString("cover_size"));
    return new PointAsset(
        rs.getLong("fid"),
        kind,
        new GeoPoint(c.x, c.y, heights.of(relative, ground)),
        size,
        well != null && well > 0 ? well : DEFAULT_WELL_DEPTH_M,
        rotation != null ? rotation : 0,
        TileSql.colour(rs, "rgb", 1),
        TileSql.properties(rs, pointClass, Map.of("asset", kind.name())));
  }

  /**
   * The shaft diameter (mm) from a cover size such as "Φ700" or "1000×1000" (the first 3–4 digit
   * number).
   */
  static double coverMm(String coverSize) {
    if (coverSize == null) {
      return DEFAULT_MANHOLE_MM;
    }
    Matcher m = NUMBER.matcher(coverSize);
    return m.find()
        ? Math.max(500, Math.min(3000, Integer.parseInt(m.group(1))))
        : DEFAULT_MANHOLE_MM;
  }
}
