package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A dozen construction projects on the roads near the centre (so every scale has them), planned for
 * 2026–2028: utility renewals and new builds digging an {@value #CORRIDOR_WIDTH_M} m corridor over
 * the main they work on, and road works over the carriageway. Pairs 1–2, 3–4 and 6–7 overlap in
 * space and time: candidates for joint trenching (联合开挖). Status follows the dates as of {@link
 * #AS_OF}.
 */
final class ProjectLayout {

  /** Width of a utility project's corridor, metres. */
  static final double CORRIDOR_WIDTH_M = 8;

  /** The date statuses are given for. */
  static final LocalDate AS_OF = LocalDate.of(2026, 11, 1);

  /** One project: where (road and crossing range, global indices) and what. */
  private record Plan(
      String code,
      String name,
      String owner,
      String kind,
      Band band,
      Road.Axis axis,
      int road,
      int from,
      int to,
      String start,
      String end,
      boolean cancelled) {}

  private static final List<Plan> PLANS =
      List.of(
          new Plan(
              "XM-2026-001",
              "给水管道更新改造工程",
              "LZXQ-GS",
              "renewal",
              Band.JS,
              Road.Axis.NS,
              0,
              -2,
              1,
              "2026-03-01",
              "2026-09-30",
              false),
          new Plan(
              "XM-2026-002",
              "10kV电力管线新建工程",
              "SGCC-LZXQ",
              "new_build",
              Band.DL,
              Road.Axis.NS,
              0,
              -1,
              2,
              "2026-05-15",
              "2026-12-20",
              false),
          new Plan(
              "XM-2027-003",
              "中压燃气管道新建工程",
              "LZXQ-RQ",
              "new_build",
              Band.RQ,
              Road.Axis.EW,
              0,
              1,
              4,
              "2027-04-01",
              "2027-08-31",
              false),
          new Plan(
              "XM-2027-004",
              "通信管道扩容工程",
              "CTCC",
              "new_build",
              Band.TX,
              Road.Axis.EW,
              0,
              2,
              5,
              "2027-05-10",
              "2027-07-31",
              false),
          new Plan(
              "XM-2027-005",
              "道路大修工程",
              "LZXQ-ZJJ",
              "road_works",
              null,
              Road.Axis.NS,
              2,
              -3,
              3,
              "2027-03-01",
              "2027-10-31",
              false),
          new Plan(
              "XM-2027-006",
              "热力管网改造工程",
              "LZXQ-RL",
              "renewal",
              Band.RL,
              Road.Axis.EW,
              -4,
              -3,
              0,
              "2027-06-01",
              "2027-09-30",
              false),
          new Plan(
              "XM-2027-007",
              "雨污分流改造工程",
              "LZXQ-PS",
              "renewal",
              Band.WS,
              Road.Axis.EW,
              -4,
              -2,
              1,
              "2027-07-15",
              "2027-11-30",
              false),
          new Plan(
              "XM-2028-008",
              "5G通信管道新建工程",
              "CMCC",
              "new_build",
              Band.TX,
              Road.Axis.NS,
              -4,
              -2,
              2,
              "2028-04-01",
              "2028-06-30",
              false),
          new Plan(
              "XM-2026-009",
              "给水管网新建工程",
              "LZXQ-GS",
              "new_build",
              Band.JS,
              Road.Axis.NS,
              4,
              0,
              3,
              "2026-04-01",
              "2026-08-31",
              false),
          new Plan(
              "XM-2028-010",
              "排水管道修复工程",
              "LZXQ-PS",
              "repair",
              Band.YS,
              Road.Axis.EW,
              3,
              -1,
              2,
              "2028-05-01",
              "2028-09-30",
              false),
          new Plan(
              "XM-2026-011",
              "电力管线迁改工程",
              "SGCC-LZXQ",
              "relocation",
              Band.DL,
              Road.Axis.NS,
              -2,
              1,
              4,
              "2026-10-01",
              "2027-03-31",
              false),
          new Plan(
              "XM-2027-012",
              "道路拓宽工程",
              "LZXQ-ZJJ",
              "road_works",
              null,
              Road.Axis.EW,
              5,
              -4,
              -1,
              "2027-04-15",
              "2027-12-31",
              true));

  private final SampleModel model;

  ProjectLayout(SampleModel model) {
    this.model = model;
  }

  /** The projects, without feature ids. */
  List<ConstructionProject> projects() {
    List<ConstructionProject> out = new ArrayList<>();
    for (Plan p : PLANS) {
      Road road = RoadGrid.road(p.axis(), p.road());
      Road.Axis crossingAxis = p.axis() == Road.Axis.NS ? Road.Axis.EW : Road.Axis.NS;
      double a0 = RoadGrid.road(crossingAxis, p.from()).centre();
      double a1 = RoadGrid.road(crossingAxis, p.to()).centre();
      double o0;
      double o1;
      if (p.band() == null) {
        o0 = -road.carriagewayWidthM() / 2;
        o1 = road.carriagewayWidthM() / 2;
      } else {
        double at = model.section(road).lines(p.band()).get(0).offsetM();
        o0 = at - CORRIDOR_WIDTH_M / 2;
        o1 = at + CORRIDOR_WIDTH_M / 2;
      }
      LocalDate start = LocalDate.parse(p.start());
      LocalDate end = LocalDate.parse(p.end());
      String status =
          p.cancelled()
              ? "cancelled"
              : end.isBefore(AS_OF)
                  ? "completed"
                  : !start.isAfter(AS_OF)
                      ? "in_progress"
                      : start.getYear() == 2027 ? "approved" : "planned";
      Double trench = p.band() == null ? null : Xyz.round(model.depth(p.band()) + 0.5);
      List<String> networks = p.band() == null ? List.of() : List.of(p.band().network());
      out.add(
          new ConstructionProject(
              0,
              p.code(),
              road.name() + p.name(),
              p.owner(),
              p.kind(),
              networks,
              trench,
              start,
              end,
              status,
              Corridor.strip(road, a0, a1, o0, o1)));
    }
    return out;
  }
}
