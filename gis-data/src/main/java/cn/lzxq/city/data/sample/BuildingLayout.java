package cn.lzxq.city.data.sample;

import cn.lzxq.city.data.terrain.SampleTerrain;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Buildings inside the zoning parcels that set a floor-area ratio and a coverage (not green land):
 * a grid of rectangular blocks set back {@value #SETBACK_M} m from the parcel edges, covering
 * {@value #COVERAGE_SHARE} of the allowed coverage (at most 0.8 × FAR), with as many floors of
 * {@value #STOREY_M} m as keep the floor-area ratio at {@value #FAR_SHARE} of the allowed one and
 * the height 1.5 m under the limit. Planted breaches, one kind in turn every {@value #PLANT_EVERY}
 * built parcels (moved to the next parcel where the breach would break another indicator too): a
 * building recorded {@value #EXCESS_HEIGHT_M} m above the height limit (building_height), all
 * buildings of a parcel raised to 1.15 × its FAR within the height limit (parcel_far), the
 * footprints grown to 1.15 × its coverage on one floor (parcel_coverage).
 */
final class BuildingLayout {

  static final double SETBACK_M = 12;
  static final double CELL_M = 70;
  static final double STOREY_M = 3.0;
  static final double COVERAGE_SHARE = 0.7;
  static final double FAR_SHARE = 0.85;
  static final double EXCESS_HEIGHT_M = 4.5;
  static final double BREACH = 1.15;
  static final int PLANT_EVERY = 40;

  /** The buildings of one parcel and the breach planted there, if any. */
  record Built(List<SampleBuilding> buildings, PlantedDefect defect) {}

  private enum Breach {
    HEIGHT,
    FAR,
    COVERAGE
  }

  /**
   * Where a parcel's buildings stand: cols × rows cells of cellW × cellH metres inside the setback,
   * the parcel's area (m², rounded to 0.1) and the coverage the regular layout builds.
   */
  private record Cells(
      int cols, int rows, double cellW, double cellH, double area, double coverage) {

    /** The footprint of each building (x0, y0, x1, y1, rounded to the millimetre), row by row. */
    List<double[]> rectangles(Parcel p, double[] size) {
      List<double[]> out = new ArrayList<>();
      for (int r = 0; r < rows; r++) {
        for (int c = 0; c < cols; c++) {
          double x0 = Xyz.round(p.x0() + SETBACK_M + c * cellW + (cellW - size[0]) / 2);
          double y0 = Xyz.round(p.y0() + SETBACK_M + r * cellH + (cellH - size[1]) / 2);
          out.add(new double[] {x0, y0, Xyz.round(x0 + size[0]), Xyz.round(y0 + size[1])});
        }
      }
      return out;
    }

    /** The footprint size of the regular layout (no breach). */
    double[] regularSize() {
      return footprint(coverage * area / (cols * rows), cellW, cellH, false);
    }
  }

  private final Set<String> regular;
  private int built;
  private int planted;
  private Breach pending;

  /**
   * @param regular the codes of the parcels whose buildings keep the regular layout (no breach is
   *     planted there: planted pipes lie beside them, {@link #regularFootprints})
   */
  BuildingLayout(Set<String> regular) {
    this.regular = Set.copyOf(regular);
  }

  /**
   * The footprints (x0, y0, x1, y1 in EPSG:4544, metres) of a parcel's buildings in the regular
   * layout, which a parcel of the {@code regular} set always gets; empty for a parcel without
   * buildings.
   */
  static List<double[]> regularFootprints(Parcel p) {
    Cells cells = cells(p);
    return cells == null ? List.of() : cells.rectangles(p, cells.regularSize());
  }

  /** The cells of a parcel that gets buildings, or null. */
  private static Cells cells(Parcel p) {
    double innerW = p.x1() - p.x0() - 2 * SETBACK_M;
    double innerH = p.y1() - p.y0() - 2 * SETBACK_M;
    if (p.far() == null
        || p.coveragePct() == null
        || p.heightLimitM() == null
        || p.use().code().startsWith("G")
        || innerW < 20
        || innerH < 20) {
      return null;
    }
    int cols = (int) Math.max(1, Math.round(innerW / CELL_M));
    int rows = (int) Math.max(1, Math.round(innerH / CELL_M));
    return new Cells(
        cols,
        rows,
        innerW / cols,
        innerH / rows,
        Math.round(p.areaM2() * 10) / 10.0,
        Math.min(COVERAGE_SHARE * p.coveragePct() / 100, 0.8 * p.far()));
  }

  /**
   * The buildings of a parcel.
   *
   * @param z the parcel with its fid
   * @param firstFid the fid of its first building
   */
  Built buildings(ZoningParcel z, long firstFid) {
    Parcel p = z.parcel();
    Cells cells = cells(p);
    if (cells == null) {
      return new Built(List.of(), null);
    }
    int n = built++;
    if (n % PLANT_EVERY == 7) {
      pending = Breach.HEIGHT;
    } else if (n % PLANT_EVERY == 20) {
      pending = Breach.FAR;
    } else if (n % PLANT_EVERY == 33) {
      pending = Breach.COVERAGE;
    }
    int cols = cells.cols();
    int rows = cells.rows();
    double cellW = cells.cellW(), cellH = cells.cellH();
    double area = cells.area();
    double limit = p.heightLimitM();
    double coverage = cells.coverage();
    double maxFloors = Math.floor((limit - 1.5) / STOREY_M);
    Breach breach = regular.contains(p.code()) ? null : pending;
    if (breach == Breach.COVERAGE) {
      double grown = BREACH * p.coveragePct() / 100;
      boolean fits = Math.sqrt(grown * area / (cols * rows)) < 0.9 * Math.min(cellW, cellH);
      if (fits && grown < 0.9 * p.far()) {
        coverage = grown;
      } else {
        breach = null;
      }
    }
    double[] size =
        footprint(coverage * area / (cols * rows), cellW, cellH, breach == Breach.COVERAGE);
    double actual = cols * rows * size[0] * size[1] / area;
    int floors = (int) Math.max(1, Math.min(Math.floor(FAR_SHARE * p.far() / actual), maxFloors));
    if (breach == Breach.COVERAGE) {
      floors = 1;
    } else if (breach == Breach.FAR) {
      floors = (int) Math.ceil(BREACH * p.far() / actual);
      if (floors > maxFloors) {
        breach = null;
        floors = (int) Math.max(1, Math.min(Math.floor(FAR_SHARE * p.far() / actual), maxFloors));
      }
    }
    if (breach != null) {
      pending = null;
    }
    List<SampleBuilding> out = new ArrayList<>();
    String use = use(p.use());
    for (double[] f : cells.rectangles(p, size)) {
      double x0 = f[0], y0 = f[1], x1 = f[2], y1 = f[3];
      double ground =
          Math.min(
              Math.min(SampleTerrain.elevation(x0, y0), SampleTerrain.elevation(x1, y0)),
              Math.min(SampleTerrain.elevation(x1, y1), SampleTerrain.elevation(x0, y1)));
      double height =
          breach == Breach.HEIGHT && out.isEmpty() ? limit + EXCESS_HEIGHT_M : floors * STOREY_M;
      out.add(
          new SampleBuilding(
              firstFid + out.size(),
              p.code() + "-B" + (out.size() + 1),
              use,
              floors,
              height,
              p.code(),
              p.approval().plusYears(3),
              List.of(
                  Xyz.mm(x0, y0, ground),
                  Xyz.mm(x1, y0, ground),
                  Xyz.mm(x1, y1, ground),
                  Xyz.mm(x0, y1, ground),
                  Xyz.mm(x0, y0, ground))));
    }
    return new Built(out, breach == null ? null : defect(breach, z, out, area, limit));
  }

  /** Width and depth (m, rounded to 0.1 m) of a footprint of {@code areaM2} in a cell. */
  private static double[] footprint(double areaM2, double cellW, double cellH, boolean grown) {
    double share = grown ? 0.95 : 0.85;
    double w = Math.min(Math.sqrt(areaM2 * cellW / cellH), share * cellW);
    double h = Math.min(areaM2 / w, share * cellH);
    return new double[] {Math.floor(w * 10) / 10, Math.floor(h * 10) / 10};
  }

  private PlantedDefect defect(
      Breach breach, ZoningParcel z, List<SampleBuilding> out, double area, double limit) {
    Parcel p = z.parcel();
    String id = "Z" + (++planted);
    double footprint = 0, floorArea = 0;
    for (SampleBuilding b : out) {
      double a =
          (b.ring().get(1).x() - b.ring().get(0).x()) * (b.ring().get(2).y() - b.ring().get(1).y());
      footprint += a;
      floorArea += a * b.floors();
    }
    SampleBuilding first = out.get(0);
    return switch (breach) {
      case HEIGHT ->
          new PlantedDefect(
              id,
              "building_height",
              "building",
              List.of(first.fid()),
              List.of(),
              List.of(),
              "zoning_parcel",
              0,
              first.heightM(),
              limit,
              first.ring().get(0).x(),
              first.ring().get(0).y(),
              String.format(
                  Locale.ROOT,
                  "%s is %.1f m high in %s, limit %.1f m",
                  first.code(),
                  first.heightM(),
                  p.code(),
                  limit));
      case FAR ->
          new PlantedDefect(
              id,
              "parcel_far",
              "zoning_parcel",
              List.of(z.fid()),
              List.of(),
              List.of(),
              "zoning_parcel",
              0,
              floorArea / area,
              p.far(),
              (p.x0() + p.x1()) / 2,
              (p.y0() + p.y1()) / 2,
              String.format(
                  Locale.ROOT,
                  "%s: floor-area ratio %.3f, limit %.2f",
                  p.code(),
                  floorArea / area,
                  p.far()));
      case COVERAGE ->
          new PlantedDefect(
              id,
              "parcel_coverage",
              "zoning_parcel",
              List.of(z.fid()),
              List.of(),
              List.of(),
              "zoning_parcel",
              0,
              100 * footprint / area,
              p.coveragePct(),
              (p.x0() + p.x1()) / 2,
              (p.y0() + p.y1()) / 2,
              String.format(
                  Locale.ROOT,
                  "%s: coverage %.2f %%, limit %.1f %%",
                  p.code(),
                  100 * footprint / area,
                  p.coveragePct()));
    };
  }

  /** The building use of a GB 50137 class. */
  static String use(LandUse u) {
    return switch (u.code().substring(0, 1)) {
      case "R" -> "residential";
      case "B" -> u == LandUse.B2 ? "office" : "commercial";
      case "A" -> u == LandUse.A33 ? "education" : "public";
      case "M" -> "industrial";
      case "W" -> "warehouse";
      default -> "other";
    };
  }
}
