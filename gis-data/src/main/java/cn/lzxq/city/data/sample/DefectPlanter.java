package cn.lzxq.city.data.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 *       closer to a kerb than its rule: {@link CrossSection} keeps them off).
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
    new SiteDefects(model, designs, sites).plant();
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
    String owner = type.band() == Band.TX ? "CTCC" : type.band().owner();
    pipes
        .computeIfAbsent(e, k -> new ArrayList<>())
        .add(
            new PlantedPipe(
                id, type, spec, laying, owner, a0, offset, a1, offset, model.depth(type.band())));
    targets.add(new Target(id, e, target, (a0 + a1) / 2));
    RuleBook.RuleMatch rule = model.rules().horizontal(spec, targetSpec).orElseThrow();
    double[] at = e.road().at((a0 + a1) / 2, offset);
    designs.add(
        new PlantedDefect(
            id,
            "horizontal_clearance",
            "pipe_segment",
            List.of(),
            List.of(),
            List.of(),
            "clearance_rule",
            rule.ruleId(),
            gap,
            rule.requiredM(),
            Xyz.round(at[0]),
            Xyz.round(at[1]),
            type.band().network()
                + " "
                + spec.sizeLabel()
                + " laid "
                + gap
                + " m from the "
                + targetType
                + " main of "
                + e.road().name()));
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
        new PlantedDefect(
            id,
            collision ? "collision" : "vertical_clearance",
            "pipe_segment",
            List.of(),
            List.of(),
            List.of(),
            "clearance_rule",
            rule.ruleId(),
            measured,
            rule.requiredM(),
            Xyz.round(at[0]),
            Xyz.round(at[1]),
            type.band().network()
                + " "
                + spec.sizeLabel()
                + (collision ? " laid through" : " laid " + gap + " m above")
                + " the "
                + targetType
                + " main of "
                + e.road().name()));
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
    return NewAreaFrame.groundElevation(Xyz.round(xy[0]), Xyz.round(xy[1]));
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
        String owner = type.band() == Band.TX ? "CTCC" : type.band().owner();
        pipes
            .computeIfAbsent(e, k -> new ArrayList<>())
            .add(
                new PlantedPipe(
                    id,
                    type,
                    spec,
                    laying,
                    owner,
                    a0,
                    offset,
                    a1,
                    offset,
                    model.depth(type.band())));
        double[] at = e.road().at((a0 + a1) / 2, offset);
        designs.add(
            new PlantedDefect(
                id,
                "kerb_clearance",
                "pipe_segment",
                List.of(),
                List.of(),
                List.of(),
                "clearance_rule",
                rule.ruleId(),
                gap,
                rule.requiredM(),
                Xyz.round(at[0]),
                Xyz.round(at[1]),
                type.band().network()
                    + " "
                    + spec.sizeLabel()
                    + " laid "
                    + gap
                    + " m from the kerb of "
                    + e.road().name()));
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
        new PlantedDefect(
            id,
            "shallow_cover",
            "pipe_segment",
            List.of(),
            List.of(),
            List.of(),
            "cover_rule",
            rule.ruleId(),
            shallowDepthM(s.band()),
            rule.requiredM(),
            Xyz.round(at[0]),
            Xyz.round(at[1]),
            s.band().network()
                + " service to "
                + s.parcel().code()
                + " rises to "
                + shallowDepthM(s.band())
                + " m at the red line"));
  }

  private static double distanceFromCentre(RoadGrid.Edge e) {
    double along = (e.from().centre() + e.to().centre()) / 2;
    double[] xy = e.road().at(along, 0);
    return Math.hypot(xy[0] - NewAreaFrame.CENTRE_X, xy[1] - NewAreaFrame.CENTRE_Y);
  }
}
