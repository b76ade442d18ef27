package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The deterministic Lanzhou New Area sample: the same scale and seed give the same features, the
 * same feature ids and the same manifest, byte for byte. Each table is generated as a stream, so no
 * table is ever held in memory.
 *
 * <p>Feature ids are fixed per table: roads from {@value #ROAD_FIDS}, parcels from {@value
 * #PARCEL_FIDS}, projects from {@value #PROJECT_FIDS}, sites from {@value #SITE_FIDS}, sectors from
 * {@value #SECTOR_FIDS}, buildings from {@value #BUILDING_FIDS}, districts from {@value
 * #DISTRICT_FIDS}, WLAN access points from {@value #ACCESS_POINT_FIDS}, power-line towers from
 * {@value #POWER_TOWER_FIDS}, street trees from {@value #STREET_TREE_FIDS}, pipe points from
 * {@value #POINT_FIDS} and pipe segments from {@value #SEGMENT_FIDS}, each counting up in stream
 * order.
 *
 * <pre>{@code
 * SampleGenerator sample = new SampleGenerator(SampleScale.SMALL, SampleGenerator.DEFAULT_SEED);
 * sample.segments(segment -> ...);
 * SampleManifest manifest = sample.manifest();
 * }</pre>
 */
public final class SampleGenerator {

  /** The seed scripts and tests use unless told otherwise. */
  public static final long DEFAULT_SEED = 20_120_823L;

  /** First feature id of each table. */
  public static final long ROAD_FIDS = 1_000_001L;

  public static final long PARCEL_FIDS = 2_000_001L;
  public static final long PROJECT_FIDS = 3_000_001L;
  public static final long SITE_FIDS = 4_000_001L;
  public static final long SECTOR_FIDS = 5_000_001L;
  public static final long BUILDING_FIDS = 6_000_001L;
  public static final long DISTRICT_FIDS = 7_000_001L;
  public static final long ACCESS_POINT_FIDS = 8_000_001L;
  public static final long POWER_TOWER_FIDS = 9_000_001L;
  public static final long STREET_TREE_FIDS = 9_100_001L;
  public static final long POINT_FIDS = 10_000_001L;
  public static final long SEGMENT_FIDS = 100_000_001L;

  private final SampleModel model;
  private final NetworkLayout network;
  private final BaseStationLayout stations;
  private final Map<String, List<Long>> defectFids = new LinkedHashMap<>();
  private final Map<String, List<String>> defectPoints = new LinkedHashMap<>();
  private final Map<String, Long> siteFids = new LinkedHashMap<>();
  private final SurveyDefects surveyDefects = new SurveyDefects();
  private final List<PlantedDefect> buildingDefects = new ArrayList<>();
  private boolean buildingsSeen;
  private boolean pointsSeen;
  private boolean segmentsSeen;
  private boolean sitesSeen;

  public SampleGenerator(SampleScale scale, long seed) {
    this.model = new SampleModel(scale, seed);
    this.network = new NetworkLayout(model);
    this.stations = new BaseStationLayout(model);
  }

  public SampleScale scale() {
    return model.scale();
  }

  public long seed() {
    return model.seed();
  }

  /** The road grid of the sample. */
  public RoadGrid grid() {
    return model.grid();
  }

  /** The depth of each band's mains. */
  public DepthPlan depthPlan() {
    return model.depthPlan();
  }

  /** The organizations the features refer to. */
  public List<Organization> organizations() {
    return Organization.SAMPLE;
  }

  /** Every road: the columns west to east, then the rows south to north. */
  public void roads(Consumer<RoadFeature> out) {
    long fid = ROAD_FIDS;
    for (Road road : concat(model.grid().columns(), model.grid().rows())) {
      List<Road> crossing = model.grid().crossing(road);
      double a0 = crossing.get(0).centre();
      double a1 = crossing.get(crossing.size() - 1).centre();
      List<Xyz> centreline = new ArrayList<>();
      for (Road c : crossing) {
        centreline.add(Corridor.ground(road.at(c.centre(), 0)));
      }
      out.accept(
          new RoadFeature(
              fid++,
              road,
              model.dates().roadDate(road),
              centreline,
              Corridor.strip(road, a0, a1, -road.halfWidthM(), road.halfWidthM())));
    }
  }

  /**
   * The four districts: the grid's quarters split along the centre column and row roads (north-east
   * 秦川, north-west 上川, south-west 西岔, south-east 中川), set up on the New Area's approval day.
   */
  public void districts(Consumer<District> out) {
    List<Road> cols = model.grid().columns();
    List<Road> rows = model.grid().rows();
    double west = cols.get(0).centre();
    double east = cols.get(cols.size() - 1).centre();
    double south = rows.get(0).centre();
    double north = rows.get(rows.size() - 1).centre();
    double cx = cols.get(cols.size() / 2).centre();
    double cy = rows.get(rows.size() / 2).centre();
    LocalDate approved = LocalDate.of(2012, 8, 20);
    long fid = DISTRICT_FIDS;
    out.accept(
        new District(
            fid++, "QC", "秦川片区", "Qinchuan", approved, Corridor.rectangle(cx, cy, east, north)));
    out.accept(
        new District(
            fid++, "SC", "上川片区", "Shangchuan", approved, Corridor.rectangle(west, cy, cx, north)));
    out.accept(
        new District(
            fid++, "XC", "西岔片区", "Xicha", approved, Corridor.rectangle(west, south, cx, cy)));
    out.accept(
        new District(
            fid, "ZC", "中川片区", "Zhongchuan", approved, Corridor.rectangle(cx, south, east, cy)));
  }

  /** Every parcel, block by block. */
  public void parcels(Consumer<ZoningParcel> out) {
    long fid = PARCEL_FIDS;
    for (RoadGrid.Block block : model.grid().blocks()) {
      for (Parcel p : model.parcelLayout().parcels(block)) {
        out.accept(new ZoningParcel(fid++, p, Corridor.rectangle(p.x0(), p.y0(), p.x1(), p.y1())));
      }
    }
  }

  /**
   * The buildings of every parcel, in the parcels' order ({@link BuildingLayout}: within the
   * parcels' indicators but for the planted breaches).
   */
  public void buildings(Consumer<SampleBuilding> out) {
    BuildingLayout layout = new BuildingLayout(model.defects().regularParcels());
    buildingDefects.clear();
    long[] fid = {BUILDING_FIDS};
    parcels(
        z -> {
          BuildingLayout.Built built = layout.buildings(z, fid[0]);
          built.buildings().forEach(out);
          fid[0] += built.buildings().size();
          if (built.defect() != null) {
            buildingDefects.add(built.defect());
          }
        });
    buildingsSeen = true;
  }

  /** The construction projects. */
  public void projects(Consumer<ConstructionProject> out) {
    long fid = PROJECT_FIDS;
    for (ConstructionProject p : new ProjectLayout(model).projects()) {
      out.accept(
          new ConstructionProject(
              fid++,
              p.code(),
              p.name(),
              p.owner(),
              p.kind(),
              p.networks(),
              p.trenchDepthM(),
              p.plannedStart(),
              p.plannedEnd(),
              p.status(),
              p.corridor()));
    }
  }

  /** Every base-station site, regular ones block by block, then the planted ones. */
  public void baseStations(Consumer<BaseStation> out) {
    long fid = SITE_FIDS;
    siteFids.clear();
    for (BaseStation s : stations.sites()) {
      BaseStation site = s.withFid(fid++);
      siteFids.put(site.siteCode(), site.fid());
      out.accept(site);
    }
    sitesSeen = true;
  }

  /** Every antenna sector, site by site. */
  public void sectors(Consumer<AntennaSector> out) {
    long fid = SECTOR_FIDS;
    for (BaseStation site : stations.sites()) {
      for (AntennaSector s : stations.sectors(site)) {
        out.accept(s.withFid(fid++));
      }
    }
  }

  /**
   * Every public WLAN access point, block by block ({@link WlanLayout}, with its planted holes).
   */
  public void accessPoints(Consumer<SampleAccessPoint> out) {
    long fid = ACCESS_POINT_FIDS;
    for (SampleAccessPoint a : new WlanLayout(model.grid()).accessPoints()) {
      out.accept(a.withFid(fid++));
    }
  }

  /** Every high-voltage tower ({@link PowerTowerLayout}). */
  public void powerTowers(Consumer<SamplePowerTower> out) {
    long fid = POWER_TOWER_FIDS;
    for (SamplePowerTower t : new PowerTowerLayout(model).towers()) {
      out.accept(t.withFid(fid++));
    }
  }

  /** Every street tree, edge by edge ({@link StreetTreeLayout}). */
  public void streetTrees(Consumer<SampleStreetTree> out) {
    long fid = STREET_TREE_FIDS;
    StreetTreeLayout layout = new StreetTreeLayout(model);
    for (RoadGrid.Edge edge : model.grid().edges()) {
      for (SampleStreetTree t : layout.trees(edge)) {
        out.accept(t.withFid(fid++));
      }
    }
  }

  /**
   * Every survey point: the junctions crossing by crossing, then the points of each edge. A few
   * carry a planted surveying error in their ground elevation (see {@link SurveyDefects}).
   */
  public void points(Consumer<PipePoint> out) {
    points(out, () -> {});
  }

  /** Every survey point, calling {@code perEdge} after each crossing column and each edge. */
  public void points(Consumer<PipePoint> out, Runnable perEdge) {
    long[] fid = {POINT_FIDS};
    defectPoints.clear();
    surveyDefects.reset();
    Consumer<PipePoint> emit =
        p -> {
          PipePoint point = surveyDefects.apply(p.withFid(fid[0]++));
          if (point.defect() != null) {
            defectPoints.computeIfAbsent(point.defect(), k -> new ArrayList<>()).add(point.expNo());
          }
          out.accept(point);
        };
    for (int i = 0; i < model.grid().columns().size(); i++) {
      for (int j = 0; j < model.grid().rows().size(); j++) {
        network.junctions(i, j).forEach(emit);
      }
    }
    PointNumbering numbering = new PointNumbering(model);
    for (RoadGrid.Edge edge : model.grid().edges()) {
      network.edge(edge, numbering).points().forEach(emit);
      perEdge.run();
    }
    pointsSeen = true;
  }

  /** Every pipe segment. */
  public void segments(Consumer<PipeSegment> out) {
    segments(out, () -> {});
  }

  /** Every pipe segment, calling {@code perEdge} after each edge. */
  public void segments(Consumer<PipeSegment> out, Runnable perEdge) {
    long fid = SEGMENT_FIDS;
    defectFids.clear();
    PointNumbering numbering = new PointNumbering(model);
    for (RoadGrid.Edge edge : model.grid().edges()) {
      for (PipeSegment s : network.edge(edge, numbering).segments()) {
        PipeSegment segment = s.withFid(fid++);
        if (segment.defect() != null) {
          defectFids.computeIfAbsent(segment.defect(), k -> new ArrayList<>()).add(segment.fid());
        }
        out.accept(segment);
      }
      perEdge.run();
    }
    segmentsSeen = true;
  }

  /** The number of edges, the unit of the network streams' progress. */
  public int edgeCount() {
    return model.grid().edges().size();
  }

  /**
   * The manifest of planted defects with their feature ids. Streams the points, segments and sites
   * first when they have not been streamed yet.
   */
  public SampleManifest manifest() {
    if (!pointsSeen) {
      points(p -> {});
    }
    if (!segmentsSeen) {
      segments(s -> {});
    }
    if (!sitesSeen) {
      baseStations(s -> {});
    }
    if (!buildingsSeen) {
      buildings(b -> {});
    }
    List<PlantedDefect> out = new ArrayList<>();
    for (PlantedDefect d : model.defects().designs()) {
      List<Long> fids =
          d.table().equals("base_station")
              ? d.siteCodes().stream().map(siteFids::get).toList()
              : defectFids.getOrDefault(d.id(), List.of());
      out.add(d.withFeatures(fids, defectPoints.getOrDefault(d.id(), List.of()), d.siteCodes()));
    }
    out.addAll(surveyDefects.planted());
    out.addAll(buildingDefects);
    return new SampleManifest(model.scale().id(), model.seed(), NewAreaFrame.SRID, out);
  }

  private static List<Road> concat(List<Road> a, List<Road> b) {
    List<Road> out = new ArrayList<>(a);
    out.addAll(b);
    return out;
  }
}
