package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ReadTransaction.Planning;
import cn.lzxq.city.server.terrain.DemSource;
import cn.lzxq.city.server.tiles3d.ContentKind;
import cn.lzxq.city.server.tiles3d.HeightMode;
import cn.lzxq.city.server.tiles3d.View;
import cn.lzxq.city.server.tiles3d.grid.Grid;
import cn.lzxq.city.tiles.content.Building;
import cn.lzxq.city.tiles.content.BuildingContentEncoder;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/**
 * Buildings: LOD1 footprints extruded to their height ({@code building_height_m}: the recorded
 * height, else floors × 3 m), LOD2 walls and roofs where imported, in the colour of their use
 * (planned and under construction ones translucent). A building appears at the deepest level whose
 * tiles are at least {@value #TILE_TO_BUILDING} times its width (√area), cut at the tile edges.
 *
 * <p>Heights ({@link Heights}): ground-relative by default (the footprint's ground at 0). In
 * absolute mode a building stands on the terrain: its ground is the lowest DEM height under its
 * footprint's vertices when a DEM covers them, else the footprint's recorded Z (1985 datum), plus
 * the height anomaly; LOD2 surfaces keep their heights relative to the footprint's Z.
 */
final class BuildingSource implements ContentSource {

  /** Tile width ÷ building width at the building's level. */
  static final double TILE_TO_BUILDING = 16;

  /** Opacity of planned buildings and those under construction. */
  static final double PROPOSED_ALPHA = 0.6;

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final ContentKind kind;
  private final ReadExecutor reads;
  private final int srid;
  private final DemSource dem;
  private final MetadataClass buildingClass;
  private final BuildingContentEncoder encoder;
  private final String sql;

  BuildingSource(ContentKind kind, ReadExecutor reads, int srid, DemSource dem) {
    this.kind = kind;
    this.reads = reads;
    this.srid = srid;
    this.dem = dem;
    this.buildingClass = ContentClasses.of(kind.main());
    this.encoder = new BuildingContentEncoder(buildingClass);
    this.sql = TileSql.sql("buildings", kind.main(), "b");
  }

  /** A building row: its footprint parts share the feature id. */
  private record Row(Geometry geom, double widthM, List<Building> parts) {}

  @Override
  public ContentKind kind() {
    return kind;
  }

  @Override
  public List<MetadataClass> classes() {
    return List.of(buildingClass);
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
    Heights heights = new Heights(view.heights(), grid.anomalyM());
    DemSource.Dem terrain = view.heights() == HeightMode.ABSOLUTE ? dem.current() : null;
    List<Building> buildings = new ArrayList<>();
    each(
        region,
        view,
        heights,
        terrain,
        Planning.CACHED,
        r -> {
          if (level(grid, r.widthM()) == tile.level()) {
            buildings.addAll(r.parts());
          }
        });
    return buildings.isEmpty() ? null : encoder.encode(region, buildings);
  }

  static int level(Grid grid, double widthM) {
    return ParcelSource.level(grid, widthM, TILE_TO_BUILDING);
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
   * A row; the buildings are built only when {@code heights} is given (content, not footprints).
   */
  private Row row(ResultSet rs, Heights heights, DemSource.Dem terrain) throws SQLException {
    Geometry g = TileSql.geometry(rs, "geom");
    List<Building> parts = new ArrayList<>();
    if (heights != null) {
      double recorded = rs.getDouble("ground_elev_m");
      double ground = TerrainGround.under(g, recorded, terrain);
      double top = rs.getDouble("top_m");
      double alpha = rs.getBoolean("proposed") ? PROPOSED_ALPHA : 1;
      List<Polygon> surfaces =
          rs.getBytes("lod2") == null
              ? List.of()
              : surfaces(TileSql.geometry(rs, "lod2"), recorded, ground, heights);
      Map<String, Object> props = TileSql.properties(rs, buildingClass, Map.of());
      for (int i = 0; i < g.getNumGeometries(); i++) {
        parts.add(
            new Building(
                rs.getLong("fid"),
                (Polygon) g.getGeometryN(i),
                heights.of(0, ground),
                heights.of(top, ground),
                i == 0 ? surfaces : List.of(),
                TileSql.colour(rs, "rgb", alpha),
                props));
      }
    }
    return new Row(g, rs.getDouble("width_m"), parts);
  }

  /** LOD2 surfaces with heights in the tile's mode, relative to the footprint's recorded ground. */
  private static List<Polygon> surfaces(
      Geometry lod2, double recorded, double ground, Heights heights) {
    List<Polygon> out = new ArrayList<>();
    for (int i = 0; i < lod2.getNumGeometries(); i++) {
      Polygon p = (Polygon) lod2.getGeometryN(i);
      LinearRing shell = ring(p.getExteriorRing().getCoordinates(), recorded, ground, heights);
      LinearRing[] holes = new LinearRing[p.getNumInteriorRing()];
      for (int h = 0; h < holes.length; h++) {
        holes[h] = ring(p.getInteriorRingN(h).getCoordinates(), recorded, ground, heights);
      }
      out.add(FACTORY.createPolygon(shell, holes));
    }
    return out;
  }

  private static LinearRing ring(
      Coordinate[] ring, double recorded, double ground, Heights heights) {
    Coordinate[] out = new Coordinate[ring.length];
    for (int i = 0; i < ring.length; i++) {
      out[i] = new Coordinate(ring[i].x, ring[i].y, heights.of(ring[i].z - recorded, ground));
    }
    return FACTORY.createLinearRing(out);
  }
}
