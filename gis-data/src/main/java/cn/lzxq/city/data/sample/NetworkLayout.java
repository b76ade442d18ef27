package cn.lzxq.city.data.sample;

import cn.lzxq.city.data.terrain.SampleTerrain;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Lays the six networks, one table-driven procedure for all of them. Every main of a road's
 * cross-section runs the road's whole length at its band's depth; where two roads cross, each line
 * of a band meets each line of the same band on the crossing road at a shared junction (四通, 三通, 弯头
 * at the window's edge, a manhole or cable well, or a pressure regulator where gas pressure classes
 * change). Along an edge a main has survey points on the {@link EdgeFrame} grid: valves next to
 * each crossing (water, gas, heat), hydrants every third point on water distribution, a reducer
 * where the section changes half-way between crossings, manholes at every drainage point, and tees
 * where {@link ServicePlan} service connections leave for the parcels.
 */
final class NetworkLayout {

  /** Share of valves that are seized (not operable). */
  static final double SEIZED_VALVES = 0.03;

  private final SampleModel model;

  NetworkLayout(SampleModel model) {
    this.model = model;
  }

  /** The points and segments one edge owns. */
  record EdgeNetwork(List<PipePoint> points, List<PipeSegment> segments) {}

  /**
   * A point along a main: where it is, its number, and what it is (null for a junction, owned by
   * its crossing).
   */
  private record Station(double along, String expNo, PointKind kind) {}

  /** The junction points of the crossing of column {@code i} and row {@code j} (local indices). */
  List<PipePoint> junctions(int i, int j) {
    RoadGrid grid = model.grid();
    Road ns = grid.columns().get(i);
    Road ew = grid.rows().get(j);
    int lastI = grid.columns().size() - 1;
    int lastJ = grid.rows().size() - 1;
    List<PipePoint> out = new ArrayList<>();
    SplittableRandom r = Rand.of(model.seed(), 50, i, j);
    for (Band band : Band.values()) {
      List<CrossSection.LaidLine> as = model.section(ns).lines(band);
      List<CrossSection.LaidLine> bs = model.section(ew).lines(band);
      for (int a = 0; a < as.size(); a++) {
        for (int b = 0; b < bs.size(); b++) {
          CrossSection.LaidLine la = as.get(a);
          CrossSection.LaidLine lb = bs.get(b);
          int degree =
              (j < lastJ || b < bs.size() - 1 ? 1 : 0)
                  + (j > 0 || b > 0 ? 1 : 0)
                  + (i < lastI || a < as.size() - 1 ? 1 : 0)
                  + (i > 0 || a > 0 ? 1 : 0);
          boolean pressureChanges =
              band == Band.RQ
                  && !la.type()
                      .pressureClass(ns.roadClass())
                      .equals(lb.type().pressureClass(ew.roadClass()));
          CrossSection.LaidLine main = lb.type().trunk() ? lb : la;
          PointKind kind = band.junction(degree, pressureChanges);
          LocalDate a1 = model.dates().lineDate(ns, la);
          LocalDate b1 = model.dates().lineDate(ew, lb);
          LocalDate built = a1.isBefore(b1) ? a1 : b1;
          double x = ns.centre() + la.offsetM();
          double y = ew.centre() + lb.offsetM();
          out.add(
              point(
                  band,
                  main.type(),
                  model.numbering().junction(band, i, j, a, b),
                  kind,
                  x,
                  y,
                  model.depth(band),
                  0,
                  la.owner(),
                  ns.name() + "与" + ew.name() + "交叉口",
                  built,
                  r,
                  null));
        }
      }
    }
    return out;
  }

  /**
   * The points and segments of an edge: its mains' points between the crossings, services and
   * planted pipes.
   */
  EdgeNetwork edge(RoadGrid.Edge edge, PointNumbering numbering) {
    Road road = edge.road();
    EdgeFrame frame = EdgeFrame.of(edge);
    List<ServicePlan.Service> services = model.services().services(edge);
    SplittableRandom r = Rand.of(model.seed(), 51, road.axis().ordinal(), road.index(), edge.k());
    List<PipePoint> points = new ArrayList<>();
    List<PipeSegment> segments = new ArrayList<>();
    List<Station> tees = new ArrayList<>();
    for (CrossSection.LaidLine line : model.section(road).lines()) {
      LineRun run = new LineRun(edge, line);
      List<Station> stations = new ArrayList<>();
      List<Station> fromJunctions = junctionStations(edge, line, edge.from());
      stations.addAll(
          edge.first()
              ? fromJunctions
              : fromJunctions.subList(fromJunctions.size() - 1, fromJunctions.size()));
      int interior = 0;
      for (int i = 0; i <= frame.k(); i++) {
        if (frame.regular(i)) {
          boolean end = i == 0 || i == frame.k();
          PointKind kind =
              regularKind(line, i == frame.mid() && run.reduces(), end, end ? 0 : ++interior);
          stations.add(new Station(frame.grid(i), numbering.next(line.band()), kind));
        }
        if (i < frame.k()) {
          for (ServicePlan.Service s : services) {
            if (s.station() == i && s.main().equals(line)) {
              Station tee =
                  new Station(s.along(), numbering.next(line.band()), line.band().serviceTee());
              stations.add(tee);
              tees.add(tee);
            }
          }
        }
      }
      stations.addAll(junctionStations(edge, line, edge.to()));
      for (Station s : stations) {
        if (s.kind() != null) {
          double[] xy = road.at(s.along(), line.offsetM());
          points.add(
              point(
                  line.band(),
                  line.type(),
                  s.expNo(),
                  s.kind(),
                  xy[0],
                  xy[1],
                  model.depth(line.band()),
                  road.axis() == Road.Axis.NS ? 90 : 0,
                  line.owner(),
                  road.name(),
                  run.date,
                  r,
                  null));
        }
      }
      for (int n = 0; n + 1 < stations.size(); n++) {
        Station a = stations.get(n);
        Station b = stations.get(n + 1);
        PipeSpec spec =
            run.spec(
                (a.along() + b.along()) / 2 < frame.grid(frame.mid()) ? edge.from() : edge.to());
        double[] p = road.at(a.along(), line.offsetM());
        double[] q = road.at(b.along(), line.offsetM());
        segments.add(
            run.segment(
                a.expNo(),
                b.expNo(),
                spec,
                p,
                q,
                model.depth(line.band()),
                model.depth(line.band()),
                r,
                model.defects().target(edge, line, a.along(), b.along())));
      }
    }
    addServices(edge, services, tees, numbering, points, segments, r);
    for (DefectPlanter.PlantedPipe pipe : model.defects().pipes(edge)) {
      addPlantedPipe(edge, pipe, numbering, points, segments, r);
    }
    return new EdgeNetwork(points, segments);
  }

  private void addPlantedPipe(
      RoadGrid.Edge edge,
      DefectPlanter.PlantedPipe pipe,
      PointNumbering numbering,
      List<PipePoint> points,
      List<PipeSegment> segments,
      SplittableRandom r) {
    Road road = edge.road();
    Band band = pipe.type().band();
    double[] p = road.at(pipe.alongA(), pipe.offsetA());
    double[] q = road.at(pipe.alongB(), pipe.offsetB());
    double depthA = pipe.depthM();
    double depthB = pipe.depthM();
    LocalDate built = LocalDate.of(2024, 6, 1).plusDays(r.nextInt(150));
    double rotation =
        road.axis() == Road.Axis.NS
            ? (pipe.offsetA() == pipe.offsetB() ? 90 : 0)
            : (pipe.offsetA() == pipe.offsetB() ? 0 : 90);
    String a = numbering.next(band);
    String b = numbering.next(band);
    points.add(
        point(
            band,
            pipe.type(),
            a,
            PointKind.CAP,
            p[0],
            p[1],
            depthA,
            rotation,
            pipe.owner(),
            road.name(),
            built,
            r,
            pipe.defect()));
    points.add(
        point(
            band,
            pipe.type(),
            b,
            PointKind.CAP,
            q[0],
            q[1],
            depthB,
            rotation,
            pipe.owner(),
            road.name(),
            built,
            r,
            pipe.defect()));
    PipeSpec spec = pipe.spec();
    boolean ducts = band == Band.DL || band == Band.TX;
    Double pressure =
        switch (band) {
          case RQ, JS -> 0.4;
          case RL -> 1.6;
          default -> null;
        };
    segments.add(
        new PipeSegment(
            0,
            band,
            spec.subtype(),
            pipe.type().featureCode(),
            band.pointPrefix() + "-" + pipe.defect(),
            a,
            b,
            depthA,
            depthB,
            spec,
            pipe.laying(),
            pressure,
            band == Band.DL ? 10.0 : null,
            ducts ? 1 : null,
            ducts ? 2 : null,
            ducts ? 1 : null,
            null,
            pipe.owner(),
            built.getYear(),
            road.name(),
            model.dates().surveyDate(built, r),
            built,
            vertex(p, depthA),
            vertex(q, depthB),
            pipe.defect()));
  }

  private void addServices(
      RoadGrid.Edge edge,
      List<ServicePlan.Service> services,
      List<Station> tees,
      PointNumbering numbering,
      List<PipePoint> points,
      List<PipeSegment> segments,
      SplittableRandom r) {
    Road road = edge.road();
    for (ServicePlan.Service s : services) {
      Station tee = tees.stream().filter(t -> t.along() == s.along()).findFirst().orElseThrow();
      Band band = s.band();
      LineRun main = new LineRun(edge, s.main());
      double redOffset = s.parcel().frontageSide() * road.halfWidthM();
      double[] p = road.at(s.along(), s.main().offsetM());
      double[] q = road.at(s.along(), redOffset);
      double teeDepth = model.depth(band);
      String defect = model.defects().shallowService(edge, s);
      double stubDepth = defect != null ? model.defects().shallowDepthM(band) : teeDepth;
      if (band.gravity()) {
        double invert =
            NewAreaFrame.groundElevation(p[0], p[1])
                - teeDepth
                + ServiceLine.DRAIN_SLOPE * s.lengthM();
        stubDepth = Xyz.round(NewAreaFrame.groundElevation(q[0], q[1]) - invert);
      }
      LocalDate built = model.dates().serviceDate(main.date, s.parcel().approval(), r);
      String expNo = numbering.next(band);
      points.add(
          point(
              band,
              s.main().type(),
              expNo,
              band.serviceStub(),
              q[0],
              q[1],
              stubDepth,
              road.axis() == Road.Axis.NS ? 0 : 90,
              s.main().owner(),
              road.name(),
              built,
              r,
              defect));
      PipeSpec spec = ServiceLine.spec(band, s.main().type().pressureClass(road.roadClass()));
      boolean highVoltage =
          List.of(LandUse.M1, LandUse.M2, LandUse.W1, LandUse.B2).contains(s.parcel().use());
      segments.add(
          new PipeSegment(
              0,
              band,
              spec.subtype(),
              "5" + band.networkDigit() + band.subtypeDigits() + "1000",
              band.pointPrefix() + "-" + s.parcel().code() + "-户线",
              tee.expNo(),
              expNo,
              teeDepth,
              stubDepth,
              spec,
              ServiceLine.laying(band),
              main.pressureMpa(),
              band == Band.DL ? (highVoltage ? 10.0 : 0.4) : null,
              band == Band.DL || band == Band.TX ? 1 : null,
              band == Band.DL || band == Band.TX ? 2 : null,
              band == Band.DL || band == Band.TX ? 1 : null,
              band.gravity() ? "backward" : null,
              s.main().owner(),
              built.getYear(),
              road.name(),
              model.dates().surveyDate(built, r),
              built,
              vertex(p, teeDepth),
              vertex(q, stubDepth),
              defect));
    }
  }

  private List<Station> junctionStations(
      RoadGrid.Edge edge, CrossSection.LaidLine line, Road crossing) {
    Road road = edge.road();
    RoadGrid grid = model.grid();
    List<CrossSection.LaidLine> own = model.section(road).lines(line.band());
    List<CrossSection.LaidLine> other = model.section(crossing).lines(line.band());
    int mine = own.indexOf(line);
    List<Station> out = new ArrayList<>();
    for (int n = 0; n < other.size(); n++) {
      String expNo =
          road.axis() == Road.Axis.NS
              ? model
                  .numbering()
                  .junction(line.band(), grid.local(road), grid.local(crossing), mine, n)
              : model
                  .numbering()
                  .junction(line.band(), grid.local(crossing), grid.local(road), n, mine);
      out.add(new Station(crossing.centre() + other.get(n).offsetM(), expNo, null));
    }
    out.sort(Comparator.comparingDouble(Station::along));
    return out;
  }

  private static PointKind regularKind(
      CrossSection.LaidLine line, boolean reducer, boolean end, int interior) {
    Band band = line.band();
    if (end) {
      return band.valved()
          ? PointKind.VALVE
          : band.well() != null ? band.well() : PointKind.STRAIGHT;
    }
    if (band.gravity()) {
      return band.well();
    }
    if (reducer && band.well() == null) {
      return PointKind.REDUCER;
    }
    if (line.type() == LineType.JS_DIST && interior % 3 == 2) {
      return PointKind.HYDRANT;
    }
    return band.well() != null && interior % 2 == 0 ? band.well() : PointKind.STRAIGHT;
  }

  /** A survey point at ground level with its depth and well. */
  PipePoint point(
      Band band,
      LineType type,
      String expNo,
      PointKind kind,
      double x,
      double y,
      double depth,
      double rotation,
      String owner,
      String roadName,
      LocalDate built,
      SplittableRandom r,
      String defect) {
    Xyz at = Xyz.mm(x, y, ground(x, y));
    Double well =
        !kind.isWell()
            ? null
            : Xyz.round(depth + (band.gravity() ? 0.3 : band.well() != null ? 0.8 : 1.0));
    boolean operable = kind != PointKind.VALVE || r.nextDouble() >= SEIZED_VALVES;
    return new PipePoint(
        0,
        band,
        type.subtype(),
        expNo,
        kind,
        kind.featureCode(band, type.subtypeDigits()),
        depth,
        well,
        rotation,
        operable,
        owner,
        roadName,
        model.dates().surveyDate(built, r),
        built,
        at,
        defect);
  }

  /** A vertex at the surveyed reference under a ground point. */
  static Xyz vertex(double[] xy, double depth) {
    return Xyz.mm(xy[0], xy[1], ground(xy[0], xy[1]) - depth);
  }

  /**
   * The sample's ground height (m) at a plane point, taken at the millimetre the point is stored
   * at.
   */
  static double ground(double x, double y) {
    return SampleTerrain.elevation(Xyz.round(x), Xyz.round(y));
  }

  /** One main along one edge: its sections per crossing cell and its attributes. */
  private final class LineRun {
    private final RoadGrid.Edge edge;
    private final CrossSection.LaidLine line;
    private final LocalDate date;

    LineRun(RoadGrid.Edge edge, CrossSection.LaidLine line) {
      this.edge = edge;
      this.line = line;
      this.date = model.dates().lineDate(edge.road(), line);
    }

    /** The section in the cell of a crossing road. */
    PipeSpec spec(Road crossing) {
      return model.mainSpec(edge.road(), line, crossing);
    }

    boolean reduces() {
      return !spec(edge.from()).equals(spec(edge.to()));
    }

    Double pressureMpa() {
      return switch (line.band()) {
        case RQ ->
            switch (line.type().pressureClass(edge.road().roadClass())) {
              case "SHB" -> 0.8;
              case "MA" -> 0.4;
              default -> 0.2;
            };
        case JS -> line.type().trunk() ? 0.6 : 0.4;
        case RL -> 1.6;
        default -> null;
      };
    }

    PipeSegment segment(
        String from,
        String to,
        PipeSpec spec,
        double[] p,
        double[] q,
        double depthFrom,
        double depthTo,
        SplittableRandom r,
        String defect) {
      Band band = line.band();
      Xyz a = vertex(p, depthFrom);
      Xyz b = vertex(q, depthTo);
      boolean ducts = band == Band.DL || band == Band.TX;
      Integer total = ducts ? ductHoles(edge.road().roadClass()) : null;
      Integer used =
          ducts
              ? Math.max(
                  1,
                  (int)
                      Math.round(
                          total
                              * Rand.between(
                                  Rand.of(
                                      model.seed(),
                                      53,
                                      edge.road().axis().ordinal(),
                                      edge.road().index(),
                                      line.side(),
                                      band.ordinal()),
                                  0.3,
                                  0.9)))
              : null;
      String flow = band.gravity() ? (a.z() >= b.z() ? "forward" : "backward") : null;
      return new PipeSegment(
          0,
          band,
          line.type().subtype(),
          line.type().featureCode(),
          band.pointPrefix() + "-" + edge.road().code() + "-" + line.label(),
          from,
          to,
          depthFrom,
          depthTo,
          spec,
          line.type().laying(),
          pressureMpa(),
          band == Band.DL ? 10.0 : null,
          used,
          total,
          used,
          flow,
          line.owner(),
          date.getYear(),
          edge.road().name(),
          model.dates().surveyDate(date, r),
          date,
          a,
          b,
          defect);
    }
  }

  private static int ductHoles(RoadClass rc) {
    return switch (rc) {
      case ARTERIAL -> 12;
      case SECONDARY -> 9;
      case BRANCH -> 6;
    };
  }
}
