package cn.lzxq.city.data.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Plants the deliberate defects near the centre (so every scale has them) and describes each for
 * the manifest. Pipe defects are extra short pipes on two service-free edges, placed so that they
 * break exactly one rule against exactly one main and keep every other clearance:
 *
 * <ul>
 *   <li>horizontal clearance (H1–H7, H9): a pipe parallel to a main of 北斗路, too close in plan
 *       (H5–H9: reclaimed water, power in conduit, telecom direct-buried and high-pressure gas);
 *   <li>vertical clearance (V1–V7): a short pipe crossing a drainage main of the central 纬路 too
 *       close above it (V4–V6: reclaimed water, direct-buried power, telecom in conduit; V7: water
 *       0.36 m above a concrete storm main's outer crown, clear of its inner crown); collision
 *       (C1): one crossing through a storm main;
 *   <li>shallow cover (D1, D2, T1, T2): power and telecom services whose stub rises too close to
 *       the surface (nothing lies above them there);
 *   <li>kerb clearance (K1): a telecom pipe along a kerb of 北斗路, too close to it (no main comes
 *       closer to a kerb than its rule: {@link CrossSection} keeps them off);
 *   <li>building, pole, tower and tree clearance (W1, P1, Y1, Q1), each with a control laid {@value
 *       #CONTROL_M} m outside the rule (W2, P2, Y2, Q2; verdict {@link PlantedDefect#CLEAR}): water
 *       services along the south and north walls of a building in a block without a base station,
 *       telecom pipes beside the poles of the two regular sites nearest the centre, gas pipes
 *       beside the foundations of the first two 110 kV towers (all inside parcels, where no other
 *       pipe runs), and street trees planted by a water main.
 * </ul>
 *
 * Site defects: two extra sites too close to an existing one (S1 dense urban, S2 urban) and two
 * towers at or near a sensitive parcel (E1 inside a home parcel, E2 12 m from a school), in two
 * blocks next to the centre whose layout is fixed.
 */
final class DefectPlanter {

  /** Column of the horizontal-defect edge (北斗路) and the row it starts at. */
  static final int H_COLUMN = 0;

  static final int H_FROM_ROW = 0;

  /** Row of the vertical-defect edge (the central 纬路) and the column it starts at. */
  static final int V_ROW = 0;

  static final int V_FROM_COLUMN = 1;

  /** Grid steps a planted parallel pipe runs along its main (24 m). */
  static final int PARALLEL_STEPS = 4;

  /** How far outside its rule a control pipe lies (verdict clear), metres. */
  static final double CONTROL_M = 0.02;

  /** Block (col, row) whose south-west quarter is a home parcel with a tower in it (E1). */
  static final int[] E1_BLOCK = {1, 0};

  /** Block (col, row) whose south-west quarter is a school with a tower 12 m from it (E2). */
  static final int[] E2_BLOCK = {0, 1};

  /**
   * A planted pipe: from (alongA, offsetA) to (alongB, offsetB) on its edge's road, at a constant
   * depth to its top.
   */
  record PlantedPipe(
      String defect,
      LineType type,
      PipeSpec spec,
      String laying,
      String owner,
      double alongA,
      double offsetA,
      double alongB,
      double offsetB,
      double depthM) {}

  /** A street tree planted by a main: at (along, offset) on its edge's road. */
  record PlantedTree(String defect, double along, double offset) {}

  /**
   * A main segment a defect involves: the one on {@code line} of {@code edge} that spans {@code
   * along}.
   */
  private record Target(
      String defect, RoadGrid.Edge edge, CrossSection.LaidLine line, double along) {}

  private final SampleModel model;
  private final Map<RoadGrid.Edge, List<PlantedPipe>> pipes = new HashMap<>();
  private final List<Target> targets = new ArrayList<>();
  private final Map<String, String> shallow = new HashMap<>();
  private final List<PlantedDefect> designs = new ArrayList<>();
  private final List<BaseStation> sites = new ArrayList<>();
  private final Set<String> regularParcels = new TreeSet<>();
  private final Map<RoadGrid.Edge, List<PlantedTree>> trees = new HashMap<>();
  private boolean planned;

  DefectPlanter(SampleModel model) {
    this.model = model;
  }

  /** The land uses of a block with a fixed layout (quarters SW, SE, NW, NE), or null. */
  static List<LandUse> fixedLayout(RoadGrid.Block block) {
    if (block.col() == E1_BLOCK[0] && block.row() == E1_BLOCK[1]) {
      return List.of(LandUse.R2, LandUse.B1, LandUse.G1, LandUse.R2);
    }
    if (block.col() == E2_BLOCK[0] && block.row() == E2_BLOCK[1]) {
      return List.of(LandUse.A33, LandUse.B1, LandUse.B1, LandUse.G1);
    }
    return null;
  }

  /** True on the edges that carry planted pipes: no services there. */
  boolean serviceFree(RoadGrid.Edge edge) {
    return isEdge(edge, Road.Axis.NS, H_COLUMN, H_FROM_ROW)
        || isEdge(edge, Road.Axis.EW, V_ROW, V_FROM_COLUMN);
  }

  private static boolean isEdge(RoadGrid.Edge e, Road.Axis axis, int road, int from) {
    return e.road().axis() == axis && e.road().index() == road && e.from().index() == from;
  }

  /** The planted pipes of an edge. */
  List<PlantedPipe> pipes(RoadGrid.Edge edge) {
    plan();
    return pipes.getOrDefault(edge, List.of());
  }

  /** The street trees planted by a main of an edge. */
  List<PlantedTree> trees(RoadGrid.Edge edge) {
    plan();
    return trees.getOrDefault(edge, List.of());
  }

  /**
   * The defect a main segment from {@code a0} to {@code a1} along {@code line} takes part in, or
   * null.
   */
  String target(RoadGrid.Edge edge, CrossSection.LaidLine line, double a0, double a1) {
    plan();
    for (Target t : targets) {
      if (t.edge().equals(edge)
          && t.line().equals(line)
          && t.along() > Math.min(a0, a1)
          && t.along() < Math.max(a0, a1)) {
        return t.defect();
      }
    }
    return null;
  }

  /** The shallow-cover defect a service is, or null. */
  String shallowService(RoadGrid.Edge edge, ServicePlan.Service service) {
    plan();
    return shallow.get(key(edge, service));
  }

  /** Depth to the top at the stub of a shallow service, metres. */
  double shallowDepthM(Band band) {
    return band == Band.DL ? 0.30 : 0.35;
  }

  /** The extra sites (spacing and EMF defects). */
  List<BaseStation> sites() {
    plan();
    return sites;
  }

  /**
   * The codes of the parcels whose buildings must keep the regular layout ({@link
   * BuildingLayout#regularFootprints}): planted pipes lie beside them or beside their tower.
   */
  Set<String> regularParcels() {
    plan();
    return regularParcels;
  }

  /** The defects as designed, without feature ids. */
  List<PlantedDefect> designs() {
    plan();
    return designs;
  }

  private static String key(RoadGrid.Edge edge, ServicePlan.Service s) {
    return edge.road().axis() + ":" + edge.road().index() + ":" + edge.k() + ":" + s.ordinal();
  }

  private void plan() {
    if (planned) {
      return;
    }
    planned = true;
    RoadGrid.Edge h = edge(Road.Axis.NS, H_COLUMN, H_FROM_ROW);
    parallel(
        "H1",
        h,
        LineType.WS_MAIN,
        -1,
        true,
        LineType.JS_DIST,
        PipeSpec.round("JS", "JP", null, 300, "direct", "QM"),
        "ZM",
        0.9,
        1);
    parallel(
        "H2",
        h,
        LineType.DL_MAIN,
        1,
        false,
        LineType.RQ_DIST,
        PipeSpec.round("RQ", "TR", "MA", 160, "direct", "PE"),
        "ZM",
        0.5,
        8);
    parallel(
        "H3",
        h,
        LineType.YS_MAIN,
        1,
        true,
        LineType.RL_MAIN,
        PipeSpec.round("RL", "RS", null, 200, "direct", "G"),
        "ZM",
        0.8,
        1);
    parallel(
        "H4",
        h,
        LineType.WS_MAIN,
        -1,
        true,
        LineType.TX_MAIN,
        PipeSpec.round("TX", "XX", null, 110, "conduit", "PVC"),
        "GM",
        0.4,
        8);
    // issue 16 rule classes: reclaimed water, power in conduit and telecom direct-buried against
    // gas,
    // high-pressure A gas (special assessment floor) against power (a heat-trench plant H8 is not
    // found yet)
    parallel(
        "H5",
        h,
        LineType.JS_DIST,
        0,
        true,
        LineType.JS_DIST,
        PipeSpec.round("JS", "ZS", null, 200, "direct", "PE"),
        "ZM",
        0.4,
        15);
    parallel(
        "H6",
        h,
        LineType.RQ_DIST,
        0,
        true,
        LineType.DL_MAIN,
        PipeSpec.round("DL", "GD", null, 150, "conduit", "PE"),
        "GM",
        0.8,
        22);
    parallel(
        "H7",
        h,
        LineType.RQ_DIST,
        0,
        true,
        LineType.TX_MAIN,
        PipeSpec.round("TX", "XX", null, 110, "direct", "PE"),
        "ZM",
        0.4,
        29);
    parallel(
        "H9",
        h,
        LineType.DL_MAIN,
        0,
        true,
        LineType.RQ_DIST,
        PipeSpec.round("RQ", "TR", "HA", 300, "direct", "G"),
        "ZM",
        1.2,
        33);
    // GB 50289-2016 Table 4.1.9 道路侧石边缘: direct-buried telecom 1.2 m from a kerb (rule 1.5 m)
    alongKerb(
        "K1",
        h,
        LineType.TX_MAIN,
        PipeSpec.round("TX", "XX", null, 110, "direct", "PE"),
        "ZM",
        1.2,
        15);
    RoadGrid.Edge v = edge(Road.Axis.EW, V_ROW, V_FROM_COLUMN);
    crossing(
        "V1",
        v,
        LineType.WS_MAIN,
        LineType.JS_DIST,
        PipeSpec.round("JS", "JP", null, 300, "direct", "QM"),
        "ZM",
        0.20,
        2);
    crossing(
        "V2",
        v,
        LineType.YS_MAIN,
        LineType.DL_MAIN,
        PipeSpec.round("DL", "GD", null, 150, "conduit", "PE"),
        "GM",
        0.10,
        2);
    crossing(
        "V3",
        v,
        LineType.WS_MAIN,
        LineType.RQ_DIST,
        PipeSpec.round("RQ", "TR", "MA", 160, "direct", "PE"),
        "ZM",
        0.05,
        9);
    crossing(
        "C1",
        v,
        LineType.YS_MAIN,
        LineType.JS_DIST,
        PipeSpec.round("JS", "JP", null, 150, "direct", "PE"),
        "ZM",
        Double.NaN,
        9);
    crossing(
        "V4",
        v,
        LineType.WS_MAIN,
        LineType.JS_DIST,
        PipeSpec.round("JS", "ZS", null, 200, "direct", "PE"),
        "ZM",
        0.30,
        16);
    crossing(
        "V5",
        v,
        LineType.YS_MAIN,
        LineType.DL_MAIN,
        PipeSpec.round("DL", "GD", null, 100, "direct", "TZ"),
        "ZM",
        0.40,
        23);
    crossing(
        "V6",
        v,
        LineType.WS_MAIN,
        LineType.TX_MAIN,
        PipeSpec.round("TX", "XX", null, 110, "conduit", "PVC"),
        "GM",
        0.10,
        30);
    // wall to wall: 0.36 m above the outer crown of a concrete storm main is 0.36 m + its wall (at
    // least 0.05 m) above the inner crown, so only a wall-aware check finds it; station 18 lies on
    // a storm segment no other plant targets (one defect per main segment)
    crossing(
        "V7",
        v,
        LineType.YS_MAIN,
        LineType.JS_DIST,
        PipeSpec.round("JS", "JP", null, 200, "direct", "PE"),
        "ZM",
        0.36,
        18);
    shallowServices();
    besideBuilding();
    besidePoles();
    besideTowers();
    treesByAMain();
    new SiteDefects(model, designs, sites).plant();
  }

  /**
   * W1 and W2: a water service DN150 (PE) 0.8 m from the south wall of the first building of the
   * built parcel nearest the centre in a block without a tower (GB 50289-2016 Table 4.1.9 建(构)筑物,
   * water d ≤ 200 mm: 1.0 m), and its control along the north wall, just outside the rule.
   */
  private void besideBuilding() {
    PipeSpec spec = PipeSpec.round("JS", "JP", null, 150, "direct", "PE");
    RuleBook.RuleMatch rule = model.rules().feature(spec, "BUILDING").orElseThrow();
    double r = spec.halfWidthM();
    double control = rule.requiredM() + CONTROL_M;
    for (RoadGrid.Block b : blocksByDistance()) {
      if (b.siteBlock() || fixedLayout(b) != null) {
        continue;
      }
      for (Parcel p : model.parcelLayout().parcels(b)) {
        List<double[]> footprints = BuildingLayout.regularFootprints(p);
        if (footprints.isEmpty() || footprints.get(0)[2] - footprints.get(0)[0] < 6) {
          continue;
        }
        double[] f = footprints.get(0);
        RoadGrid.Edge e = westEdge(b);
        double south = f[1] - 0.8 - r;
        double north = f[3] + control + r;
        String what =
            "JS "
                + spec.sizeLabel()
                + " laid %s m from the %s wall of building "
                + p.code()
                + "-B1";
        besideFeature(
            "W1",
            e,
            LineType.JS_DIST,
            spec,
            "ZM",
            new double[] {f[0] + 1, south, f[2] - 1, south},
            "building_clearance",
            rule,
            0.8,
            what.formatted(0.8, "south"),
            PlantedDefect.VIOLATION);
        besideFeature(
            "W2",
            e,
            LineType.JS_DIST,
            spec,
            "ZM",
            new double[] {f[0] + 1, north, f[2] - 1, north},
            "building_clearance",
            rule,
            control,
            what.formatted(control, "north"),
            PlantedDefect.CLEAR);
        regularParcels.add(p.code());
        return;
      }
    }
    throw new IllegalStateException("no built parcel for the building defect W1");
  }

  /**
   * P1 and P2: a direct-buried telecom pipe (PE110) running north–south 0.4 m east of the pole of
   * the in-use regular site nearest the centre (GB 50289-2016 Table 4.1.9 地上杆柱 通信照明及 < 10 kV,
   * telecom: 0.5 m to the pole centre), and its control beside the next such site's pole, just
   * outside the rule; each clear of the buildings of its parcel.
   */
  private void besidePoles() {
    PipeSpec spec = PipeSpec.round("TX", "XX", null, 110, "direct", "PE");
    RuleBook.RuleMatch rule = model.rules().feature(spec, "POLE").orElseThrow();
    double r = spec.halfWidthM();
    double building =
        model.rules().feature(spec, "BUILDING").orElseThrow().requiredM()
            + r
            + CrossSection.MARGIN_M;
    BaseStationLayout layout = new BaseStationLayout(model);
    String[] ids = {"P1", "P2"};
    double[] gaps = {0.4, rule.requiredM() + CONTROL_M};
    int n = 0;
    for (RoadGrid.Block b : blocksByDistance()) {
      double[] pole = b.siteBlock() ? layout.position(b) : null;
      if (pole == null || !layout.site(b, pole[0], pole[1], 1, false).status().equals("in_use")) {
        continue;
      }
      Parcel parcel =
          model.parcelLayout().parcels(b).stream()
              .filter(p -> p.contains(pole[0], pole[1], 0))
              .findFirst()
              .orElseThrow();
      double x = pole[0] + gaps[n] + r;
      double[] line = {x, pole[1] - 3, x, pole[1] + 3};
      if (BuildingLayout.regularFootprints(parcel).stream()
          .anyMatch(f -> distance(f, line) < building)) {
        continue;
      }
      besideFeature(
          ids[n],
          westEdge(b),
          LineType.TX_MAIN,
          spec,
          "ZM",
          line,
          "pole_clearance",
          rule,
          gaps[n],
          "TX PE110 laid "
              + gaps[n]
              + " m from the pole of site "
              + layout.site(b, pole[0], pole[1], 1, false).siteCode(),
          n == 0 ? PlantedDefect.VIOLATION : PlantedDefect.CLEAR);
      regularParcels.add(parcel.code());
      if (++n == ids.length) {
        return;
      }
    }
    throw new IllegalStateException("no site with room for the pole defects P1, P2");
  }

  /**
   * Y1 and Y2: a medium-pressure A gas pipe (PE160) running north–south 1.6 m east of the
   * foundation of the first 110 kV tower (GB 50028-2006 Table 6.3.3-1 / GB 50289-2016 Table 4.1.9
   * 高压铁塔基础边 > 35 kV, gas up to medium A: 2.0 m), and its control beside the second tower, just
   * outside the rule.
   */
  private void besideTowers() {
    PipeSpec spec = PipeSpec.round("RQ", "TR", "MA", 160, "direct", "PE");
    RuleBook.RuleMatch rule = model.rules().feature(spec, "TOWERHV").orElseThrow();
    double r = spec.halfWidthM();
    List<SamplePowerTower> towers = new PowerTowerLayout(model).towers();
    if (towers.size() < 2) {
      throw new IllegalStateException("no two towers for the tower defects Y1, Y2");
    }
    double[] gaps = {1.6, rule.requiredM() + CONTROL_M};
    for (int n = 0; n < 2; n++) {
      double[] f = towers.get(n).bounds();
      double x = f[2] + gaps[n] + r;
      besideFeature(
          "Y" + (n + 1),
          westEdge(blockAt(x, f[1])),
          LineType.RQ_DIST,
          spec,
          "ZM",
          new double[] {x, f[1] - 2, x, f[3] + 2},
          "tower_clearance",
          rule,
          gaps[n],
          "RQ "
              + spec.sizeLabel()
              + " laid "
              + gaps[n]
              + " m from the foundation of tower "
              + towers.get(n).code(),
          n == 0 ? PlantedDefect.VIOLATION : PlantedDefect.CLEAR);
    }
  }

  /**
   * Q1 and Q2: a street tree 1.2 m from a water main (GB 50289-2016 Table 4.1.9 乔木, water: 1.5 m to
   * the trunk centre) and its control just outside the rule, on the arterial or secondary edge
   * nearest the centre that carries no planted pipes, by the outermost water main with room, at
   * grid points at least one step from the main's survey points (so only the segment they stand by
   * is within the rule) and clear of every other main.
   */
  private void treesByAMain() {
    List<RoadGrid.Edge> edges = new ArrayList<>(model.grid().edges());
    edges.sort(Comparator.comparingDouble(DefectPlanter::distanceFromCentre));
    for (RoadGrid.Edge e : edges) {
      if (e.road().roadClass() == RoadClass.BRANCH || serviceFree(e)) {
        continue;
      }
      EdgeFrame frame = EdgeFrame.of(e);
      List<Integer> points = new ArrayList<>();
      for (int j = 2; j < frame.k() - 1 && points.size() < 2; j++) {
        if (!frame.regular(j - 1)
            && !frame.regular(j)
            && !frame.regular(j + 1)
            && (points.isEmpty() || j > points.get(0) + 3)) {
          points.add(j);
        }
      }
      List<CrossSection.LaidLine> mains = new ArrayList<>(model.section(e.road()).lines());
      mains.sort(Comparator.comparingDouble(l -> -Math.abs(l.offsetM())));
      for (CrossSection.LaidLine main : mains) {
        if (main.type().band() == Band.JS
            && points.size() == 2
            && treeByMain("Q1", e, main, frame, points.get(0), 1.2, true)) {
          if (!treeByMain("Q2", e, main, frame, points.get(1), Double.NaN, false)) {
            throw new IllegalStateException(
                "no room for the tree control Q2 on " + e.road().name());
          }
          return;
        }
      }
    }
    throw new IllegalStateException("no main with room for the tree defect Q1");
  }

  /**
   * A tree {@code gap} metres (NaN: the rule plus {@value #CONTROL_M} m) from a main's outer wall
   * at grid point j, on the side of the main where it keeps the largest TREE rule to every other
   * main; false when neither side does.
   */
  private boolean treeByMain(
      String id,
      RoadGrid.Edge e,
      CrossSection.LaidLine main,
      EdgeFrame frame,
      int j,
      double gap,
      boolean violation) {
    double along = frame.grid(j);
    PipeSpec spec =
        model.mainSpec(e.road(), main, along < frame.grid(frame.mid()) ? e.from() : e.to());
    RuleBook.RuleMatch rule = model.rules().feature(spec, "TREE").orElseThrow();
    double g = Double.isNaN(gap) ? rule.requiredM() + CONTROL_M : gap;
    for (double direction :
        new double[] {Math.signum(main.offsetM()), -Math.signum(main.offsetM())}) {
      double offset = main.offsetM() + direction * (spec.halfWidthM() + g);
      if (clearOfMainsForTree(e.road(), offset, main)) {
        trees.computeIfAbsent(e, k -> new ArrayList<>()).add(new PlantedTree(id, along, offset));
        targets.add(new Target(id, e, main, along));
        designs.add(
            PlantedDefect.pipe(
                id,
                "tree_clearance",
                "clearance_rule",
                rule,
                g,
                e.road().at(along, offset),
                "street tree "
                    + e.road().code()
                    + "-"
                    + id
                    + " planted "
                    + g
                    + " m from the "
                    + main.type()
                    + " main of "
                    + e.road().name(),
                violation ? PlantedDefect.VIOLATION : PlantedDefect.CLEAR));
        return true;
      }
    }
    return false;
  }

  /**
   * True when a tree at {@code offset} from a road's centreline keeps the largest TREE rule, the
   * line's half width and the margin to every main of the road but {@code except}.
   */
  boolean clearOfMainsForTree(Road road, double offset, CrossSection.LaidLine except) {
    double reach = model.rules().largestFeature("TREE") + CrossSection.MARGIN_M;
    for (CrossSection.LaidLine other : model.section(road).lines()) {
      if (other.equals(except)) {
        continue;
      }
      for (PipeSpec q : other.type().variants(road.roadClass())) {
        if (Math.abs(offset - other.offsetM()) < reach + q.halfWidthM()) {
          return false;
        }
      }
    }
    return true;
  }

  /** The block a point lies in. */
  private RoadGrid.Block blockAt(double x, double y) {
    return model.grid().blocks().stream()
        .filter(b -> b.x0() <= x && x <= b.x1() && b.y0() <= y && y <= b.y1())
        .findFirst()
        .orElseThrow();
  }

  /** Plan distance from a footprint (x0, y0, x1, y1) to an axis-parallel line (x0, y0, x1, y1). */
  private static double distance(double[] f, double[] line) {
    double dx =
        Math.max(0, Math.max(f[0] - Math.max(line[0], line[2]), Math.min(line[0], line[2]) - f[2]));
    double dy =
        Math.max(0, Math.max(f[1] - Math.max(line[1], line[3]), Math.min(line[1], line[3]) - f[3]));
    return Math.hypot(dx, dy);
  }

  /**
   * A planted pipe from (x0, y0) to (x1, y1) (EPSG:4544) beside a feature, emitted with edge {@code
   * e}, and its manifest entry: {@code gap} metres from the feature against the rule, verdict
   * violation or clear.
   */
  private void besideFeature(
      String id,
      RoadGrid.Edge e,
      LineType type,
      PipeSpec spec,
      String laying,
      double[] line,
      String kind,
      RuleBook.RuleMatch rule,
      double gap,
      String note,
      String verdict) {
    double[] a = frameOf(e.road(), line[0], line[1]);
    double[] b = frameOf(e.road(), line[2], line[3]);
    lay(id, e, type, spec, laying, a[0], a[1], b[0], b[1]);
    double[] at = {(line[0] + line[2]) / 2, (line[1] + line[3]) / 2};
    designs.add(PlantedDefect.pipe(id, kind, "clearance_rule", rule, gap, at, note, verdict));
  }

  /**
   * Lays a planted pipe of {@code type} on edge {@code e}'s road from (alongA, offsetA) to (alongB,
   * offsetB), metres, owned by the network's owner at the network's depth.
   */
  private void lay(
      String id,
      RoadGrid.Edge e,
      LineType type,
      PipeSpec spec,
      String laying,
      double alongA,
      double offsetA,
      double alongB,
      double offsetB) {
    pipes
        .computeIfAbsent(e, k -> new ArrayList<>())
        .add(
            new PlantedPipe(
                id,
                type,
                spec,
                laying,
                owner(type),
                alongA,
                offsetA,
                alongB,
                offsetB,
                model.depth(type.band())));
  }

  /** The (along, offset) of a point (EPSG:4544) in the frame of a road. */
  private static double[] frameOf(Road road, double x, double y) {
    return road.axis() == Road.Axis.NS
        ? new double[] {y, x - road.centre()}
        : new double[] {x, y - road.centre()};
  }

  /** The owner of a planted pipe: the band's utility, 中国电信 for telecom. */
  private static String owner(LineType type) {
    return type.band() == Band.TX ? "CTCC" : type.band().owner();
  }

  /** The edge of a block's west road along the block. */
  private RoadGrid.Edge westEdge(RoadGrid.Block b) {
    return model.grid().edges().stream()
        .filter(e -> e.road().equals(b.west()) && e.from().equals(b.south()))
        .findFirst()
        .orElseThrow();
  }

  /** The blocks, nearest the centre first. */
  private List<RoadGrid.Block> blocksByDistance() {
    List<RoadGrid.Block> blocks = new ArrayList<>(model.grid().blocks());
    blocks.sort(Comparator.comparingDouble(RoadGrid.Block::distanceFromCentre));
    return blocks;
  }

  private RoadGrid.Edge edge(Road.Axis axis, int road, int from) {
    return model.grid().edges().stream()
        .filter(e -> isEdge(e, axis, road, from))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalStateException(
                    "the defect edge is outside the " + model.scale().id() + " window"));
  }

  private CrossSection.LaidLine line(RoadGrid.Edge e, LineType type, int side) {
    return model.section(e.road()).lines().stream()
        .filter(l -> l.type() == type && (side == 0 || l.side() == side))
        .findFirst()
        .orElseThrow();
  }

  /**
   * A pipe parallel to a main, {@code gap} metres wall to wall from it on the side towards the road
   * centre (or towards the red line), over four grid steps from grid point {@code g0}. Side 0: the
   * first main of the type (side −1, then 1) and direction (towards the centre, then away) where
   * the pipe keeps every other clearance.
   */
  private void parallel(
      String id,
      RoadGrid.Edge e,
      LineType targetType,
      int side,
      boolean towardsCentre,
      LineType type,
      PipeSpec spec,
      String laying,
      double gap,
      int g0) {
    CrossSection.LaidLine target = null;
    double offset = Double.NaN;
    for (int s : side == 0 ? new int[] {-1, 1} : new int[] {side}) {
      for (boolean centre :
          side == 0 ? new boolean[] {true, false} : new boolean[] {towardsCentre}) {
        CrossSection.LaidLine candidate =
            model.section(e.road()).lines().stream()
                .filter(l -> l.type() == targetType && l.side() == s)
                .findFirst()
                .orElse(null);
        if (target == null && candidate != null) {
          double o = offsetFrom(e, candidate, centre, spec, gap);
          if (side != 0 || clear(e, candidate, spec, o, o)) {
            target = candidate;
            offset = o;
          }
        }
      }
    }
    if (target == null) {
      throw new IllegalStateException(
          "no clear place for planted pipe " + id + " on " + e.road().name());
    }
    PipeSpec targetSpec = model.mainSpec(e.road(), target, e.from());
    requireClear(e, target, spec, offset, offset);
    EdgeFrame frame = EdgeFrame.of(e);
    double reach =
        CrossSection.planClearance(spec, targetSpec, model.rules()) + CrossSection.MARGIN_M;
    int g = gridSlot(id, e, frame, spec, offset, g0, reach);
    double a0 = frame.grid(g) + 0.5;
    double a1 = frame.grid(g + PARALLEL_STEPS) + 0.5;
    lay(id, e, type, spec, laying, a0, offset, a1, offset);
    targets.add(new Target(id, e, target, (a0 + a1) / 2));
    RuleBook.RuleMatch rule = model.rules().horizontal(spec, targetSpec).orElseThrow();
    double[] at = e.road().at((a0 + a1) / 2, offset);
    designs.add(
        PlantedDefect.pipe(
            id,
            "horizontal_clearance",
            "clearance_rule",
            rule,
            gap,
            at,
            type.band().network()
                + " "
                + spec.sizeLabel()
                + " laid "
                + gap
                + " m from the "
                + targetType
                + " main of "
                + e.road().name(),
            PlantedDefect.VIOLATION));
  }

  /**
   * The first grid point from {@code g0} on (then from 0) where a parallel pipe at {@code offset}
   * ends by the edge's last grid point (clear of the crossing road), lies alongside one segment of
   * its target main only (no survey point of the main within {@code reach} metres of its span, so
   * it breaks the rule against that segment and not the next) and keeps its clearances to the pipes
   * already planted on the edge.
   */
  private int gridSlot(
      String id,
      RoadGrid.Edge e,
      EdgeFrame frame,
      PipeSpec spec,
      double offset,
      int g0,
      double reach) {
    for (int i = 0; i < frame.k(); i++) {
      int g = (g0 + i) % frame.k();
      double a0 = frame.grid(g) + 0.5;
      double a1 = frame.grid(g + PARALLEL_STEPS) + 0.5;
      if (g + PARALLEL_STEPS <= frame.k()
          && oneSegment(frame, a0 - reach, a1 + reach)
          && clearOfPlanted(e, spec, offset, offset, a0, a1)) {
        return g;
      }
    }
    throw new IllegalStateException(
        "no room for planted pipe " + id + " within the grid of " + e.road().name());
  }

  /** True when no regular survey point of the mains (a segment end) lies within [u0, u1]. */
  private static boolean oneSegment(EdgeFrame frame, double u0, double u1) {
    for (int i = 0; i <= frame.k(); i++) {
      if (frame.regular(i) && frame.grid(i) >= u0 && frame.grid(i) <= u1) {
        return false;
      }
    }
    return true;
  }

  /**
   * True when a planted pipe over offsets [o0, o1] and along [a0, a1] keeps the clearance the
   * generator keeps (rule, else {@link CrossSection#UNRULED_CLEARANCE_M}, plus the margin) to every
   * pipe planted on the edge so far.
   */
  private boolean clearOfPlanted(
      RoadGrid.Edge e, PipeSpec spec, double o0, double o1, double a0, double a1) {
    for (PlantedPipe p : pipes.getOrDefault(e, List.of())) {
      double along =
          Math.max(
              0,
              Math.max(
                  Math.min(a0, a1) - Math.max(p.alongA(), p.alongB()),
                  Math.min(p.alongA(), p.alongB()) - Math.max(a0, a1)));
      double across =
          Math.max(
              0,
              Math.max(
                  Math.min(o0, o1) - Math.max(p.offsetA(), p.offsetB()),
                  Math.min(p.offsetA(), p.offsetB()) - Math.max(o0, o1)));
      double need =
          CrossSection.planClearance(spec, p.spec(), model.rules())
              + spec.halfWidthM()
              + p.spec().halfWidthM()
              + CrossSection.MARGIN_M;
      if (Math.hypot(along, across) < need) {
        return false;
      }
    }
    return true;
  }

  /**
   * A short pipe across a main at station {@code t}: {@code gap} metres above it wall to wall, or
   * centred on it when gap is NaN (a collision).
   */
  private void crossing(
      String id,
      RoadGrid.Edge e,
      LineType targetType,
      LineType type,
      PipeSpec spec,
      String laying,
      double gap,
      int t) {
    CrossSection.LaidLine target = line(e, targetType, 0);
    EdgeFrame frame = EdgeFrame.of(e);
    if (t >= frame.k()) {
      throw new IllegalStateException(
          "planted pipe " + id + " at station " + t + " lies past the grid of " + e.road().name());
    }
    double along = frame.station(t);
    PipeSpec targetSpec =
        model.mainSpec(e.road(), target, along < frame.grid(frame.mid()) ? e.from() : e.to());
    double ground = groundAt(e.road(), along, target.offsetM());
    double targetZ = mainElevation(e, frame, target, t);
    double targetBottom = targetZ - targetSpec.bottomBelowZM();
    double targetTop = targetZ + targetSpec.topAboveZM();
    boolean collision = Double.isNaN(gap);
    double top =
        collision
            ? (targetBottom + targetTop) / 2 + spec.heightM() / 2
            : targetTop + gap + spec.heightM();
    double depth = Xyz.round(ground - top);
    double inwards = target.offsetM() < 0 ? 1 : -1;
    double reach = targetSpec.halfWidthM() + 0.1;
    double o0 = target.offsetM() - inwards * reach;
    double o1 = target.offsetM() + inwards * 3.0;
    requireClear(e, target, spec, Math.min(o0, o1), Math.max(o0, o1));
    String owner = type.band().owner();
    pipes
        .computeIfAbsent(e, k -> new ArrayList<>())
        .add(new PlantedPipe(id, type, spec, laying, owner, along, o0, along, o1, depth));
    targets.add(new Target(id, e, target, along));
    RuleBook.RuleMatch rule = model.rules().vertical(spec, targetSpec).orElseThrow();
    double measured = collision ? -(spec.heightM() + targetSpec.heightM()) / 2 : gap;
    double[] at = e.road().at(along, target.offsetM());
    designs.add(
        PlantedDefect.pipe(
            id,
            collision ? "collision" : "vertical_clearance",
            "clearance_rule",
            rule,
            measured,
            at,
            type.band().network()
                + " "
                + spec.sizeLabel()
                + (collision ? " laid through" : " laid " + gap + " m above")
                + " the "
                + targetType
                + " main of "
                + e.road().name(),
            PlantedDefect.VIOLATION));
  }

  /**
   * The surveyed elevation of a main at station t, interpolated between its survey points as
   * stored.
   */
  private double mainElevation(
      RoadGrid.Edge e, EdgeFrame frame, CrossSection.LaidLine line, int t) {
    int i0 = t;
    while (!frame.regular(i0)) {
      i0--;
    }
    int i1 = t + 1;
    while (!frame.regular(i1)) {
      i1++;
    }
    Xyz a =
        NetworkLayout.vertex(e.road().at(frame.grid(i0), line.offsetM()), model.depth(line.band()));
    Xyz b =
        NetworkLayout.vertex(e.road().at(frame.grid(i1), line.offsetM()), model.depth(line.band()));
    double f = (frame.station(t) - frame.grid(i0)) / (frame.grid(i1) - frame.grid(i0));
    return a.z() + f * (b.z() - a.z());
  }

  private static double groundAt(Road road, double along, double offset) {
    double[] xy = road.at(along, offset);
    return NetworkLayout.ground(xy[0], xy[1]);
  }

  /**
   * The offset of a pipe {@code gap} metres wall to wall from a main, towards the road centre or
   * away.
   */
  private double offsetFrom(
      RoadGrid.Edge e,
      CrossSection.LaidLine target,
      boolean towardsCentre,
      PipeSpec spec,
      double gap) {
    PipeSpec targetSpec = model.mainSpec(e.road(), target, e.from());
    double inwards = target.offsetM() < 0 ? 1 : -1;
    double direction = towardsCentre ? inwards : -inwards;
    return target.offsetM() + direction * (targetSpec.halfWidthM() + spec.halfWidthM() + gap);
  }

  /**
   * Fails unless a planted pipe spanning offsets [o0, o1] keeps its clearances to every main but
   * the target.
   */
  private void requireClear(
      RoadGrid.Edge e, CrossSection.LaidLine target, PipeSpec spec, double o0, double o1) {
    if (!clear(e, target, spec, o0, o1)) {
      throw new IllegalStateException(
          "planted pipe at "
              + o0
              + ".."
              + o1
              + " on "
              + e.road().name()
              + " is too close to another main");
    }
  }

  /**
   * True when a planted pipe spanning offsets [o0, o1] keeps its clearances to every main but the
   * target, and to the kerbs.
   */
  private boolean clear(
      RoadGrid.Edge e, CrossSection.LaidLine target, PipeSpec spec, double o0, double o1) {
    if (!clearOfKerbs(e.road(), spec, o0, o1)) {
      return false;
    }
    for (CrossSection.LaidLine other : model.section(e.road()).lines()) {
      if (other.equals(target)) {
        continue;
      }
      for (PipeSpec q : other.type().variants(e.road().roadClass())) {
        double distance = Math.max(o0 - other.offsetM(), other.offsetM() - o1);
        double need =
            CrossSection.planClearance(spec, q, model.rules()) + spec.halfWidthM() + q.halfWidthM();
        if (distance < need + CrossSection.MARGIN_M) {
          return false;
        }
      }
    }
    return true;
  }

  /**
   * True unless a planted pipe across offsets [o0, o1] runs alongside a kerb (both ends within the
   * largest KERB rule plus its half width and the margin, as the analysis reads "alongside") closer
   * than its KERB rule plus its half width and the margin.
   */
  private boolean clearOfKerbs(Road road, PipeSpec spec, double o0, double o1) {
    double reach = model.rules().largestFeature("KERB") + spec.halfWidthM() + CrossSection.MARGIN_M;
    double need =
        model.rules().feature(spec, "KERB").map(RuleBook.RuleMatch::requiredM).orElse(0.0)
            + spec.halfWidthM()
            + CrossSection.MARGIN_M;
    for (double kerb : kerbOffsets(road)) {
      double e0 = Math.abs(o0 - kerb);
      double e1 = Math.abs(o1 - kerb);
      boolean across = Math.min(o0, o1) <= kerb && kerb <= Math.max(o0, o1);
      if (e0 < reach && e1 < reach && (across ? 0 : Math.min(e0, e1)) < need) {
        return false;
      }
    }
    return true;
  }

  /** The offsets of a road's kerbs from its centreline, metres. */
  private static double[] kerbOffsets(Road road) {
    return new double[] {-road.carriagewayWidthM() / 2, road.carriagewayWidthM() / 2};
  }

  /**
   * A pipe parallel to a kerb, {@code gap} metres from it wall to kerb, over four grid steps from
   * grid point {@code g0}: on the first kerb and side of it (footway, then carriageway) where it
   * keeps its clearances to every main and planted pipe.
   */
  private void alongKerb(
      String id, RoadGrid.Edge e, LineType type, PipeSpec spec, String laying, double gap, int g0) {
    RuleBook.RuleMatch rule = model.rules().feature(spec, "KERB").orElseThrow();
    EdgeFrame frame = EdgeFrame.of(e);
    for (double kerb : kerbOffsets(e.road())) {
      for (double away : new double[] {Math.signum(kerb), -Math.signum(kerb)}) {
        double offset = kerb + away * (spec.halfWidthM() + gap);
        if (!clearOfMains(e, spec, offset)) {
          continue;
        }
        int g = gridSlot(id, e, frame, spec, offset, g0, 0);
        double a0 = frame.grid(g) + 0.5;
        double a1 = frame.grid(g + PARALLEL_STEPS) + 0.5;
        lay(id, e, type, spec, laying, a0, offset, a1, offset);
        double[] at = e.road().at((a0 + a1) / 2, offset);
        designs.add(
            PlantedDefect.pipe(
                id,
                "kerb_clearance",
                "clearance_rule",
                rule,
                gap,
                at,
                type.band().network()
                    + " "
                    + spec.sizeLabel()
                    + " laid "
                    + gap
                    + " m from the kerb of "
                    + e.road().name(),
                PlantedDefect.VIOLATION));
        return;
      }
    }
    throw new IllegalStateException("no clear place for planted pipe " + id + " by a kerb");
  }

  /** True when a pipe at {@code offset} keeps the generator's clearances to every main. */
  private boolean clearOfMains(RoadGrid.Edge e, PipeSpec spec, double offset) {
    for (CrossSection.LaidLine other : model.section(e.road()).lines()) {
      for (PipeSpec q : other.type().variants(e.road().roadClass())) {
        double need =
            CrossSection.planClearance(spec, q, model.rules()) + spec.halfWidthM() + q.halfWidthM();
        if (Math.abs(offset - other.offsetM()) < need + CrossSection.MARGIN_M) {
          return false;
        }
      }
    }
    return true;
  }

  /** Two power and two telecom services, on the edges nearest the centre that have fitting ones. */
  private void shallowServices() {
    List<RoadGrid.Edge> edges = new ArrayList<>(model.grid().edges());
    edges.sort(Comparator.comparingDouble(DefectPlanter::distanceFromCentre));
    int power = 0;
    int telecom = 0;
    for (RoadGrid.Edge e : edges) {
      if (power == 2 && telecom == 2) {
        return;
      }
      for (ServicePlan.Service s : model.services().services(e)) {
        boolean ownSide = s.main().side() == s.parcel().frontageSide();
        if (power < 2 && s.band() == Band.DL && ownSide && s.main().slot() == 0) {
          shallow(e, s, "D" + ++power);
          break;
        }
        if (telecom < 2 && s.band() == Band.TX && ownSide) {
          shallow(e, s, "T" + ++telecom);
          break;
        }
      }
    }
    throw new IllegalStateException("no services for the shallow-cover defects");
  }

  private void shallow(RoadGrid.Edge e, ServicePlan.Service s, String id) {
    shallow.put(key(e, s), id);
    PipeSpec spec = ServiceLine.spec(s.band(), null);
    RuleBook.RuleMatch rule = model.rules().cover(spec, "footway").orElseThrow();
    double[] at = e.road().at(s.along(), s.parcel().frontageSide() * e.road().halfWidthM());
    designs.add(
        PlantedDefect.pipe(
            id,
            "shallow_cover",
            "cover_rule",
            rule,
            shallowDepthM(s.band()),
            at,
            s.band().network()
                + " service to "
                + s.parcel().code()
                + " rises to "
                + shallowDepthM(s.band())
                + " m at the red line",
            PlantedDefect.VIOLATION));
  }

  private static double distanceFromCentre(RoadGrid.Edge e) {
    double along = (e.from().centre() + e.to().centre()) / 2;
    double[] xy = e.road().at(along, 0);
    return Math.hypot(xy[0] - NewAreaFrame.CENTRE_X, xy[1] - NewAreaFrame.CENTRE_Y);
  }
}
