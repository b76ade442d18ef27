package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ReadTransaction.Planning;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.TileContent.TileEncoding;
import cn.lzxq.city.server.terrain.DemSource;
import cn.lzxq.city.server.tiles3d.ContentKind;
import cn.lzxq.city.server.tiles3d.HeightMode;
import cn.lzxq.city.server.tiles3d.View;
import cn.lzxq.city.server.tiles3d.grid.Grid;
import cn.lzxq.city.tiles.content.AntennaSector;
import cn.lzxq.city.tiles.content.TowerContentEncoder;
import cn.lzxq.city.tiles.content.TowerSite;
import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.gltf.Rgba;
import cn.lzxq.city.tiles.mesh.TowerType;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Geometry;

/**
 * Base-station towers (by tower type) with their antenna sectors, oriented by azimuth and total
 * downtilt at the antenna height on the tower axis; in absolute height mode the tower stands on the
 * terrain ({@link TerrainGround}) and its antennas are placed from there. A site appears at the
 * level the importance policy ({@link GridImportance}) gives a size of {@value #SIZE_PER_METRE} mm
 * per metre of tower height (a 40 m tower at the level of a DN 400 main), in the tile that owns its
 * position.
 */
final class StationSource implements ContentSource {

  /** Importance size (mm) per metre of tower height. */
  static final double SIZE_PER_METRE = 10;

  private static final Rgba TOWER_GREY = Rgba.hex("#B0B4B8");
  private static final Rgba SECTOR_WHITE = Rgba.hex("#F2F2F2");

  private final ContentKind kind;
  private final ReadExecutor reads;
  private final int srid;
  private final MetadataClass stationClass;
  private final MetadataClass sectorClass;
  private final TowerContentEncoder encoder;
  private final String stationSql;
  private final String sectorSql;

  /**
   * @param kind a content of a {@code TOWERS} layer and a {@code SECTORS} layer
   */
  private final DemSource dem;

  StationSource(ContentKind kind, ReadExecutor reads, int srid, DemSource dem) {
    this.kind = kind;
    this.reads = reads;
    this.srid = srid;
    this.dem = dem;
    Layer sectors =
        kind.member(TileEncoding.SECTORS)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "content " + kind.code() + " has no sector layer"));
    this.stationClass = ContentClasses.of(kind.main());
    this.sectorClass = ContentClasses.of(sectors);
    this.encoder = new TowerContentEncoder(stationClass, sectorClass);
    this.stationSql = TileSql.sql("stations", kind.main(), "b");
    this.sectorSql = TileSql.sql("sectors", sectors, "a");
  }

  /** A tower row with the ground elevation its sectors are placed from. */
  private record Site(TowerSite tower, String siteCode, double groundM) {}

  @Override
  public ContentKind kind() {
    return kind;
  }

  @Override
  public List<MetadataClass> classes() {
    return List.of(stationClass, sectorClass);
  }

  @Override
  public double reachMetres() {
    return 10;
  }

  @Override
  public void footprints(Grid grid, View view, Consumer<Footprint> sink) {
    Heights heights = new Heights(view.heights(), grid.anomalyM());
    reads.each(
        stationSql,
        TileSql.window(grid.tree().root(), srid, view.asOf()),
        rs -> site(rs, heights, null),
        s ->
            sink.accept(
                new Footprint(level(grid, s.tower()), TileGeometry.point(s.tower().base()), 0)));
  }

  @Override
  public byte[] encode(Grid grid, TileCoord tile, View view) {
    List<TowerSite> towers = new ArrayList<>();
    Map<String, Site> bySite = new HashMap<>();
    for (Site s : sites(grid, grid.region(tile), view)) {
      GeoPoint b = s.tower().base();
      if (level(grid, s.tower()) == tile.level()
          && grid.tree().tileAt(tile.level(), b.lonRad(), b.latRad()).equals(tile)) {
        towers.add(s.tower());
        bySite.put(s.siteCode(), s);
      }
    }
    if (towers.isEmpty()) {
      return null;
    }
    Heights heights = new Heights(view.heights(), grid.anomalyM());
    Map<String, Object> params = new HashMap<>();
    params.put("sites", bySite.keySet().toArray(new String[0]));
    params.put("t", view.asOf());
    List<AntennaSector> sectors = new ArrayList<>();
    reads.each(
        sectorSql,
        params,
        Planning.CACHED,
        rs -> sector(rs, bySite.get(rs.getString("site_code")), heights),
        sectors::add);
    return encoder.encode(grid.region(tile), towers, sectors);
  }

  private int level(Grid grid, TowerSite t) {
    return new GridImportance(grid).levelFor(t.heightM() * SIZE_PER_METRE, 0, grid.deepest());
  }

  /** The sites of a tile's window (read with the connection's cached plan). */
  private List<Site> sites(Grid grid, cn.lzxq.city.tiles.geo.Region window, View view) {
    Heights heights = new Heights(view.heights(), grid.anomalyM());
    DemSource.Dem terrain = view.heights() == HeightMode.ABSOLUTE ? dem.current() : null;
    List<Site> sites = new ArrayList<>();
    reads.each(
        stationSql,
        TileSql.window(window, srid, view.asOf()),
        Planning.CACHED,
        rs -> site(rs, heights, terrain),
        sites::add);
    return sites;
  }

  private Site site(ResultSet rs, Heights heights, DemSource.Dem terrain) throws SQLException {
    Geometry point = TileSql.geometry(rs, "geom");
    Coordinate c = point.getCoordinate();
    double ground = TerrainGround.under(point, rs.getDouble("ground_elev_m"), terrain);
    TowerSite t =
        new TowerSite(
            rs.getLong("fid"),
            towerType(rs.getString("tower_type")),
            new GeoPoint(c.x, c.y, heights.of(0, ground)),
            rs.getDouble("tower_height_m"),
            TOWER_GREY,
            TileSql.properties(rs, stationClass, Map.of()));
    return new Site(t, rs.getString("site_code"), ground);
  }

  private AntennaSector sector(ResultSet rs, Site site, Heights heights) throws SQLException {
    GeoPoint base = site.tower().base();
    GeoPoint mount =
        new GeoPoint(
            base.lon(), base.lat(), heights.of(rs.getDouble("antenna_height_m"), site.groundM()));
    return new AntennaSector(
        rs.getLong("fid"),
        mount,
        rs.getDouble("azimuth_deg"),
        rs.getDouble("mech_tilt_deg"),
        rs.getDouble("elec_tilt_deg"),
        SECTOR_WHITE,
        TileSql.properties(rs, sectorClass, Map.of()));
  }

  /** The tower type of a 塔型 text (Chinese or the enum name); monopole when unknown. */
  static TowerType towerType(String text) {
    String t = text == null ? "" : text.trim();
    for (TowerType type : TowerType.values()) {
      if (type.name().equalsIgnoreCase(t.replace('-', '_').replace(' ', '_'))) {
        return type;
      }
    }
    if (t.contains("角钢")) {
      return TowerType.ANGLE_STEEL;
    }
    if (t.contains("三管") || t.contains("四管")) {
      return TowerType.THREE_TUBE;
    }
    if (t.contains("楼面") || t.contains("抱杆") || t.toLowerCase(Locale.ROOT).contains("rooftop")) {
      return TowerType.ROOFTOP_POLE;
    }
    if (t.contains("灯杆") || t.contains("智慧杆") || t.contains("微站")) {
      return TowerType.LIGHT_POLE;
    }
    return TowerType.MONOPOLE;
  }
}
