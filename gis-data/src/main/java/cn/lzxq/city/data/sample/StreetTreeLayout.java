package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The street trees (行道树) of the arterial and secondary roads: one row each side, on the first
 * offset out from the kerb (every {@value #OFFSET_STEP_M} m) that keeps the largest TREE rule of GB
 * 50289-2016 Table 4.1.9 plus {@link CrossSection#MARGIN_M} to every main of the road's
 * cross-section, at every other grid point of an edge ({@value #SPACING_STEPS} × {@link
 * EdgeFrame#STEP_M} m apart). Grid points lie 3 m from the service stations, so no service comes
 * within the rule; a tree too close to a pipe planted on the edge is left out. One species per road
 * and side, planted the year after the road opened; then the trees {@link DefectPlanter} plants
 * over a main (Q1, and its control Q2).
 */
final class StreetTreeLayout {

  /** Grid steps between neighbouring trees. */
  static final int SPACING_STEPS = 2;

  /** Step of the search for a row's offset, metres. */
  static final double OFFSET_STEP_M = 0.25;

  private static final String[][] SPECIES = {
    {"国槐", "Styphnolobium japonicum"},
    {"白蜡", "Fraxinus chinensis"},
    {"新疆杨", "Populus alba var. pyramidalis"},
    {"垂柳", "Salix babylonica"},
    {"刺槐", "Robinia pseudoacacia"}
  };

  private final SampleModel model;

  StreetTreeLayout(SampleModel model) {
    this.model = model;
  }

  /** The trees of an edge: the regular rows, then the planted ones. */
  List<SampleStreetTree> trees(RoadGrid.Edge e) {
    Road road = e.road();
    List<SampleStreetTree> out = new ArrayList<>();
    LocalDate planted = model.dates().roadDate(road).plusYears(1);
    if (road.roadClass() != RoadClass.BRANCH) {
      EdgeFrame frame = EdgeFrame.of(e);
      for (int side : new int[] {-1, 1}) {
        double offset = rowOffset(road, side);
        if (Double.isNaN(offset)) {
          continue;
        }
        SplittableRandom r = Rand.of(model.seed(), 70, road.axis().ordinal(), road.index(), side);
        String[] species = SPECIES[r.nextInt(SPECIES.length)];
        for (int i = 0; i <= frame.k(); i += SPACING_STEPS) {
          double along = frame.grid(i);
          if (clearOfPlanted(e, along, offset)) {
            String code =
                String.format(
                    "%s-%d-%s%03d", road.code(), e.k(), side < 0 ? "L" : "R", out.size() + 1);
            out.add(tree(code, species, Rand.between(r, 12, 30), road, planted, along, offset));
          }
        }
      }
    }
    for (DefectPlanter.PlantedTree t : model.defects().trees(e)) {
      out.add(
          tree(
              road.code() + "-" + t.defect(),
              SPECIES[0],
              20,
              road,
              planted,
              t.along(),
              t.offset()));
    }
    return out;
  }

  private static SampleStreetTree tree(
      String code,
      String[] species,
      double diameterCm,
      Road road,
      LocalDate planted,
      double along,
      double offset) {
    return new SampleStreetTree(
        0,
        code,
        species[0],
        species[1],
        Math.round(diameterCm * 10) / 10.0,
        road.name(),
        planted,
        Corridor.ground(road.at(along, offset)));
  }

  /**
   * The offset of a road side's tree row: the first from the kerb out to 0.5 m inside the red line
   * that keeps the largest TREE rule, the line's half width and the margin to every main; NaN when
   * none does.
   */
  double rowOffset(Road road, int side) {
    double kerb = road.carriagewayWidthM() / 2;
    for (double o = kerb + 0.75; o <= road.halfWidthM() - 0.5; o += OFFSET_STEP_M) {
      if (model.defects().clearOfMainsForTree(road, side * o, null)) {
        return side * o;
      }
    }
    return Double.NaN;
  }

  /**
   * True when a tree keeps the largest TREE rule, the pipe's half width and the margin to every
   * pipe planted on the edge.
   */
  private boolean clearOfPlanted(RoadGrid.Edge e, double along, double offset) {
    double reach = model.rules().largestFeature("TREE") + CrossSection.MARGIN_M;
    for (DefectPlanter.PlantedPipe p : model.defects().pipes(e)) {
      if (distance(along, offset, p) < reach + p.spec().halfWidthM()) {
        return false;
      }
    }
    return true;
  }

  /** Plan distance from a point (along, offset) to a planted pipe, in the edge's frame. */
  private static double distance(double along, double offset, DefectPlanter.PlantedPipe p) {
    double da = p.alongB() - p.alongA();
    double dofs = p.offsetB() - p.offsetA();
    double len2 = da * da + dofs * dofs;
    double t =
        len2 == 0
            ? 0
            : Math.max(
                0, Math.min(1, ((along - p.alongA()) * da + (offset - p.offsetA()) * dofs) / len2));
    return Math.hypot(along - (p.alongA() + t * da), offset - (p.offsetA() + t * dofs));
  }
}
