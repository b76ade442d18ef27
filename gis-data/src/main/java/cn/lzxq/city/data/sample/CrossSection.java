package cn.lzxq.city.data.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Where each main lies across a road: the GB 50289 order from each red line towards the centre (电力,
 * 通信, 给水配水, 燃气配气, 热力, 燃气输气, 给水输水, 污水, 雨水; DOMAIN §1.3), with distribution lines on both sides of
 * roads wider than 40 m, spaced so that every pair keeps its clearance_rule wall-to-wall distance
 * (or {@value #UNRULED_CLEARANCE_M} m where no rule covers a pair) plus a {@value #MARGIN_M} m
 * margin, for every section the lines can have on the road. The kerbs (the carriageway edges, GB
 * 50289-2016 Table 4.1.9 道路侧石边缘) are obstacles too: a line that would come closer to a kerb than
 * its KERB rule plus its half width and the margin moves past it, under the carriageway.
 */
public final class CrossSection {

  /** Plan clearance kept between lines no rule covers (same network, drainage pairs), metres. */
  static final double UNRULED_CLEARANCE_M = 0.5;

  /** Added to every designed clearance, metres. */
  static final double MARGIN_M = 0.1;

  /** Clear distance from the red line to the wall of the first line, metres. */
  static final double FIRST_FROM_RED_M = 1.0;

  private static final String[] TELECOM_OPERATORS = {"CTCC", "CMCC", "CUCC", "CTTC", "CBN"};

  /**
   * A main laid under a road.
   *
   * @param type the kind of main
   * @param side -1 on the west or south side, +1 on the east or north side
   * @param slot 0 for the line nearest the red line, counting inwards
   * @param offsetM signed distance from the road centreline, metres (east or north positive)
   * @param owner organization code
   */
  public record LaidLine(LineType type, int side, int slot, double offsetM, String owner) {
    public Band band() {
      return type.band();
    }

    /**
     * The line's letter and number within the road, e.g. A0 (west or south, nearest the red line).
     */
    public String label() {
      return (side < 0 ? "A" : "B") + slot;
    }
  }

  private final List<LaidLine> lines;

  private CrossSection(List<LaidLine> lines) {
    this.lines = lines;
  }

  /** The mains, west to east (or south to north). */
  public List<LaidLine> lines() {
    return lines;
  }

  /** The mains of one band, in offset order. */
  public List<LaidLine> lines(Band band) {
    return lines.stream().filter(l -> l.band() == band).toList();
  }

  /** The lines of a side from the red line inwards, as the road's class requires. */
  static List<LineType> template(Road road, int side) {
    boolean wide = road.redLineWidthM() > 40;
    List<LineType> out = new ArrayList<>();
    if (side < 0) {
      out.add(LineType.DL_MAIN);
      if (wide) {
        out.add(LineType.TX_MAIN);
      }
      out.add(LineType.JS_DIST);
      out.add(LineType.RQ_DIST);
      if (road.roadClass() == RoadClass.ARTERIAL) {
        out.add(LineType.RL_TRUNK);
        if (road.gasTrunk()) {
          out.add(LineType.RQ_TRUNK);
        }
        out.add(LineType.JS_TRUNK);
      } else if (road.roadClass() == RoadClass.SECONDARY) {
        out.add(LineType.RL_MAIN);
      }
      out.add(LineType.WS_MAIN);
    } else {
      if (wide) {
        out.addAll(List.of(LineType.DL_MAIN, LineType.TX_MAIN, LineType.JS_DIST, LineType.RQ_DIST));
      } else {
        out.add(LineType.TX_MAIN);
        if (road.roadClass() == RoadClass.BRANCH) {
          out.add(LineType.RL_MAIN);
        }
      }
      out.add(LineType.YS_MAIN);
    }
    return out;
  }

  /** Plans the cross-section of a road by the rules. */
  static CrossSection plan(Road road, RuleBook rules) {
    List<LaidLine> laid = new ArrayList<>();
    for (int side : new int[] {-1, 1}) {
      List<LineType> types = template(road, side);
      List<Double> fromRed = new ArrayList<>();
      for (int i = 0; i < types.size(); i++) {
        double d = FIRST_FROM_RED_M + maxHalf(types.get(i), road) + MARGIN_M;
        for (int p = 0; p < i; p++) {
          d = Math.max(d, fromRed.get(p) + spacing(types.get(p), types.get(i), road, rules));
        }
        d = clearOfKerbs(d, types.get(i), road, rules);
        fromRed.add(d);
        String owner =
            types.get(i).band() == Band.TX
                ? TELECOM_OPERATORS[
                    Math.floorMod(road.index() * 2 + (side > 0 ? 1 : 0), TELECOM_OPERATORS.length)]
                : types.get(i).band().owner();
        laid.add(new LaidLine(types.get(i), side, i, side * (road.halfWidthM() - d), owner));
      }
    }
    laid.sort(Comparator.comparingDouble(LaidLine::offsetM));
    for (int i = 0; i < laid.size(); i++) {
      for (int j = i + 1; j < laid.size(); j++) {
        double need = spacing(laid.get(i).type(), laid.get(j).type(), road, rules);
        if (laid.get(j).offsetM() - laid.get(i).offsetM() < need - 1e-9) {
          throw new IllegalStateException(
              road.name()
                  + ": "
                  + laid.get(i).type()
                  + " and "
                  + laid.get(j).type()
                  + " do not fit in a "
                  + road.redLineWidthM()
                  + " m red line");
        }
      }
    }
    return new CrossSection(List.copyOf(laid));
  }

  /**
   * The distance from the red line {@code d} moved past every kerb it comes too close to: the kerbs
   * lie (red-line width ∓ carriageway width) / 2 from the red line.
   */
  static double clearOfKerbs(double d, LineType type, Road road, RuleBook rules) {
    double need = kerbClearance(type, road, rules);
    double near = (road.redLineWidthM() - road.carriagewayWidthM()) / 2;
    for (double kerb : new double[] {near, near + road.carriagewayWidthM()}) {
      if (Math.abs(d - kerb) < need) {
        d = kerb + need;
      }
    }
    return d;
  }

  /**
   * Centre-to-kerb distance a line keeps: the largest KERB rule plus half width of its sections on
   * the road, plus the margin (0 where no rule covers it).
   */
  static double kerbClearance(LineType type, Road road, RuleBook rules) {
    double worst = 0;
    for (PipeSpec p : type.variants(road.roadClass())) {
      worst =
          Math.max(
              worst, rules.feature(p, "KERB").map(r -> r.requiredM() + p.halfWidthM()).orElse(0.0));
    }
    return worst + MARGIN_M;
  }

  /**
   * Centre-to-centre distance two parallel lines need: the worst case over every section of a main
   * of their bands on any road, because at a crossing the end of a line of the crossing road (of
   * another class, or a trunk) comes as close to this road's lines as the offsets differ.
   */
  static double spacing(LineType a, LineType b, Road road, RuleBook rules) {
    double worst = 0;
    for (PipeSpec p : mainVariants(a.band())) {
      for (PipeSpec q : mainVariants(b.band())) {
        worst = Math.max(worst, planClearance(p, q, rules) + p.halfWidthM() + q.halfWidthM());
      }
    }
    return worst + MARGIN_M;
  }

  /** The wall-to-wall plan clearance the generator keeps between two sections, metres. */
  static double planClearance(PipeSpec p, PipeSpec q, RuleBook rules) {
    return rules.horizontal(p, q).map(RuleBook.RuleMatch::requiredM).orElse(UNRULED_CLEARANCE_M);
  }

  /** Every section of a main of a band, on any road class. */
  static List<PipeSpec> mainVariants(Band band) {
    List<PipeSpec> out = new ArrayList<>();
    for (LineType type : LineType.values()) {
      if (type.band() == band) {
        for (RoadClass rc : RoadClass.values()) {
          out.addAll(type.variants(rc));
        }
      }
    }
    return out;
  }

  private static double maxHalf(LineType type, Road road) {
    return type.variants(road.roadClass()).stream()
        .mapToDouble(PipeSpec::halfWidthM)
        .max()
        .orElseThrow();
  }
}
