package cn.lzxq.city.tiles.support;

import cn.lzxq.city.tiles.content.AntennaSector;
import cn.lzxq.city.tiles.content.AssetKind;
import cn.lzxq.city.tiles.content.Parcel;
import cn.lzxq.city.tiles.content.PipeProfile;
import cn.lzxq.city.tiles.content.PipeRun;
import cn.lzxq.city.tiles.content.PointAsset;
import cn.lzxq.city.tiles.content.TowerSite;
import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.Rgba;
import cn.lzxq.city.tiles.mesh.TowerType;
import cn.lzxq.city.tiles.tiling.ImplicitQuadtree;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Polygon;

/** A small network, assets, towers and parcels in one tile of Lanzhou New Area, for the tests. */
public final class Samples {

  /** Root region over Lanzhou New Area, heights -30 … 150 m (ground-relative). */
  public static final ImplicitQuadtree TREE =
      new ImplicitQuadtree(Region.ofDegrees(103.60, 36.45, 103.80, 36.65, -30, 150), 8, 4);

  /** The level-5 tile the samples live in (about 560 m × 690 m). */
  public static final TileCoord TILE =
      TREE.tileAt(5, Math.toRadians(103.70), Math.toRadians(36.55));

  /** Its region. */
  public static final Region REGION = TREE.regionOf(TILE);

  private static final Rgba WATER = Rgba.hex("#1E6FD9");
  private static final Rgba GAS = Rgba.hex("#E5C100");
  private static final Rgba POWER = Rgba.hex("#D7261E");
  private static final Rgba DRAIN = Rgba.hex("#6B4E16");

  private Samples() {}

  /** A point {@code east}, {@code north} metres from the tile centre at {@code height}. */
  public static GeoPoint at(double east, double north, double height) {
    GeoPoint c = REGION.centre();
    double lat = c.lat() + Math.toDegrees(north / 6_357_000.0);
    double lon = c.lon() + Math.toDegrees(east / (6_378_137.0 * Math.cos(Math.toRadians(c.lat()))));
    return new GeoPoint(lon, lat, height);
  }

  private static PipeRun pipe(
      long id, String network, PipeProfile profile, Rgba colour, double[]... pts) {
    List<GeoPoint> line = new ArrayList<>();
    for (double[] p : pts) {
      line.add(at(p[0], p[1], p[2]));
    }
    Map<String, Object> props = new HashMap<>();
    props.put("network", network);
    props.put("size_mm", profile.sizeMm());
    props.put("material", id % 2 == 0 ? "球墨铸铁" : null);
    props.put("depth_m", id % 3 == 0 ? null : 1.5);
    props.put("pressurised", !network.equals("PS"));
    return new PipeRun(id, line, profile, colour, props);
  }

  /**
   * Pipes with a tee, a reducer, an elbow, a cross, caps, a duct and a box culvert; some cross the
   * tile edges.
   */
  public static List<PipeRun> pipes() {
    PipeProfile dn600 = new PipeProfile.Circular(600), dn400 = new PipeProfile.Circular(400);
    PipeProfile dn300 = new PipeProfile.Circular(300), dn200 = new PipeProfile.Circular(200);
    PipeProfile dn150 = new PipeProfile.Circular(150);
    return List.of(
        pipe(
            101,
            "JS",
            dn600,
            WATER,
            new double[] {-450, -40, -2},
            new double[] {-150, -40, -2},
            new double[] {0, 0, -2}),
        pipe(102, "JS", dn600, WATER, new double[] {0, 0, -2}, new double[] {150, 0, -2.2}),
        pipe(
            103,
            "JS",
            dn200,
            WATER,
            new double[] {0, 0, -2},
            new double[] {0, 120, -1.8},
            new double[] {40, 160, -1.8}),
        pipe(104, "JS", dn400, WATER, new double[] {150, 0, -2.2}, new double[] {400, 0, -2.2}),
        pipe(
            105, "JS", dn300, WATER, new double[] {-100, -200, -1.6}, new double[] {0, -200, -1.6}),
        pipe(106, "JS", dn300, WATER, new double[] {0, -200, -1.6}, new double[] {0, -300, -1.6}),
        pipe(201, "RQ", dn150, GAS, new double[] {100, -100, -1.2}, new double[] {140, -100, -1.2}),
        pipe(202, "RQ", dn150, GAS, new double[] {100, -100, -1.2}, new double[] {60, -100, -1.2}),
        pipe(203, "RQ", dn150, GAS, new double[] {100, -100, -1.2}, new double[] {100, -60, -1.2}),
        pipe(204, "RQ", dn150, GAS, new double[] {100, -100, -1.2}, new double[] {100, -140, -1.2}),
        pipe(
            301,
            "DL",
            new PipeProfile.Rectangular(800, 600),
            POWER,
            new double[] {-200, 100, -1},
            new double[] {-50, 100, -1},
            new double[] {-50, 250, -1},
            new double[] {-50, 420, -1}),
        pipe(
            401,
            "PS",
            new PipeProfile.Rectangular(2000, 1500),
            DRAIN,
            new double[] {150, 200, -3.5},
            new double[] {300, 250, -3.8}));
  }

  /** Manholes (one straddling the east edge), valves and hydrants. */
  public static List<PointAsset> assets() {
    return List.of(
        new PointAsset(
            501,
            AssetKind.MANHOLE,
            at(-150, -40, 0),
            1000,
            2.5,
            0,
            WATER,
            Map.of("kind", "检查井", "network", "JS")),
        new PointAsset(
            502,
            AssetKind.MANHOLE,
            at(150, 0, 0),
            1000,
            2.7,
            0,
            WATER,
            Map.of("kind", "检查井", "network", "JS")),
        new PointAsset(
            503,
            AssetKind.MANHOLE,
            at(REGION.widthMetres() / 2 - 0.2, 0, 0),
            1200,
            2.7,
            0,
            WATER,
            Map.of("kind", "检查井", "network", "JS")),
        new PointAsset(
            511,
            AssetKind.VALVE,
            at(50, 0, -2.05),
            600,
            0,
            90,
            WATER,
            Map.of("kind", "阀门", "network", "JS")),
        new PointAsset(
            512,
            AssetKind.VALVE,
            at(0, 60, -1.9),
            200,
            0,
            0,
            WATER,
            Map.of("kind", "阀门", "network", "JS")),
        new PointAsset(
            521, AssetKind.HYDRANT, at(20, 20, 0), 0, 0, 0, WATER, Map.of("kind", "消防栓")),
        new PointAsset(
            522, AssetKind.HYDRANT, at(-200, -60, 0), 0, 0, 0, WATER, Map.of("kind", "消防栓")));
  }

  /** One tower of each type. */
  public static List<TowerSite> towers() {
    Rgba steel = Rgba.hex("#B8BCC2");
    return List.of(
        new TowerSite(
            601,
            TowerType.MONOPOLE,
            at(-200, -200, 0),
            35,
            steel,
            Map.of("tower_type", "单管塔", "height_m", 35)),
        new TowerSite(
            602,
            TowerType.ANGLE_STEEL,
            at(-100, -200, 0),
            45,
            steel,
            Map.of("tower_type", "角钢塔", "height_m", 45)),
        new TowerSite(
            603,
            TowerType.THREE_TUBE,
            at(0, -200, 0),
            40,
            steel,
            Map.of("tower_type", "三管塔", "height_m", 40)),
        new TowerSite(
            604, TowerType.ROOFTOP_POLE, at(100, -200, 24), 6, steel, Map.of("tower_type", "楼面抱杆")),
        new TowerSite(
            605, TowerType.LIGHT_POLE, at(200, -200, 0), 12, steel, Map.of("tower_type", "智慧杆")));
  }

  /** Three sectors (0°, 120°, 240°) per tower, 2 m below the top. */
  public static List<AntennaSector> sectors() {
    List<AntennaSector> out = new ArrayList<>();
    Rgba white = Rgba.hex("#F2F2F2");
    long id = 700;
    for (TowerSite t : towers()) {
      for (int k = 0; k < 3; k++) {
        GeoPoint mount = t.base().withHeight(t.base().height() + t.heightM() - 2);
        out.add(
            new AntennaSector(
                ++id,
                mount,
                120 * k,
                3,
                6,
                white,
                Map.of("azimuth_deg", 120 * k, "downtilt_deg", 9, "band", "n41")));
      }
    }
    return out;
  }

  /** A parcel with a courtyard hole and one crossing the east edge of the tile. */
  public static List<Parcel> parcels() {
    GeometryFactory f = new GeometryFactory();
    Polygon withHole =
        f.createPolygon(
            ring(f, -250, 150, -100, 300), new LinearRing[] {ring(f, -200, 200, -150, 250)});
    Polygon crossing = f.createPolygon(ring(f, 200, -320, 330, -250));
    return List.of(
        new Parcel(
            801,
            withHole,
            0,
            60,
            Rgba.hex("#F4A460", 0.35),
            Map.of("land_use", "R2 二类居住用地", "height_limit_m", 60, "far", 2.5)),
        new Parcel(
            802,
            crossing,
            0,
            100,
            Rgba.hex("#FF6347", 0.35),
            Map.of("land_use", "B1 商业用地", "height_limit_m", 100, "year", 2030)));
  }

  private static LinearRing ring(GeometryFactory f, double x0, double y0, double x1, double y1) {
    GeoPoint a = at(x0, y0, 0), b = at(x1, y1, 0);
    return f.createLinearRing(
        new Coordinate[] {
          new Coordinate(a.lon(), a.lat()),
          new Coordinate(b.lon(), a.lat()),
          new Coordinate(b.lon(), b.lat()),
          new Coordinate(a.lon(), b.lat()),
          new Coordinate(a.lon(), a.lat())
        });
  }
}
