package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Divides each block into one, two or four parcels and zones them: business, administration and
 * homes in the core, homes with schools, clinics and parks around it, industry, logistics and
 * buffer green further out. Site blocks always keep a parcel a tower can stand in. Two blocks next
 * to the centre have a fixed layout for the planted base-station defects ({@link DefectPlanter}).
 */
public final class ParcelLayout {

  /** Core radius, metres: approved in the first plan. */
  static final double CORE_M = 1_500;

  /** Middle ring radius, metres. */
  static final double MIDDLE_M = 6_000;

  private static final LandUse[] CORE = {
    LandUse.B1,
    LandUse.B1,
    LandUse.B2,
    LandUse.B2,
    LandUse.A1,
    LandUse.R2,
    LandUse.R2,
    LandUse.R2,
    LandUse.A33,
    LandUse.A5,
    LandUse.G1,
    LandUse.A2,
    LandUse.A4
  };
  private static final LandUse[] MIDDLE = {
    LandUse.R2,
    LandUse.R2,
    LandUse.R2,
    LandUse.R2,
    LandUse.R2,
    LandUse.R1,
    LandUse.A33,
    LandUse.A33,
    LandUse.A5,
    LandUse.B1,
    LandUse.B1,
    LandUse.B1,
    LandUse.G1,
    LandUse.G1,
    LandUse.U15,
    LandUse.A6,
    LandUse.B4
  };
  private static final LandUse[] OUTER = {
    LandUse.M1,
    LandUse.M1,
    LandUse.M1,
    LandUse.M2,
    LandUse.M2,
    LandUse.W1,
    LandUse.W1,
    LandUse.G2,
    LandUse.G2,
    LandUse.U15,
    LandUse.R2,
    LandUse.U2
  };
  private static final LandUse[] WHOLE_BLOCK = {
    LandUse.A33, LandUse.G1, LandUse.A4, LandUse.M1, LandUse.W1, LandUse.G2
  };

  private final long seed;

  public ParcelLayout(long seed) {
    this.seed = seed;
  }

  /** The parcels of a block, south-west first. */
  public List<Parcel> parcels(RoadGrid.Block block) {
    SplittableRandom r = Rand.of(seed, 11, block.col(), block.row());
    List<double[]> rects = new ArrayList<>();
    List<LandUse> uses = new ArrayList<>();
    List<LandUse> fixed = DefectPlanter.fixedLayout(block);
    double mx = (block.x0() + block.x1()) / 2;
    double my = (block.y0() + block.y1()) / 2;
    double pattern = fixed != null ? 1 : r.nextDouble();
    if (pattern < 0.2) {
      rects.add(new double[] {block.x0(), block.y0(), block.x1(), block.y1()});
    } else {
      double sx =
          fixed != null ? mx : Rand.between(r, 0.45, 0.55) * (block.x1() - block.x0()) + block.x0();
      double sy =
          fixed != null ? my : Rand.between(r, 0.45, 0.55) * (block.y1() - block.y0()) + block.y0();
      boolean quads = pattern >= 0.55;
      boolean splitX = r.nextBoolean();
      for (double[] ys :
          quads || !splitX
              ? new double[][] {{block.y0(), sy}, {sy, block.y1()}}
              : new double[][] {{block.y0(), block.y1()}}) {
        for (double[] xs :
            quads || splitX
                ? new double[][] {{block.x0(), sx}, {sx, block.x1()}}
                : new double[][] {{block.x0(), block.x1()}}) {
          rects.add(new double[] {xs[0], ys[0], xs[1], ys[1]});
        }
      }
    }
    double distance = block.distanceFromCentre();
    LandUse[] choices =
        rects.size() == 1
            ? WHOLE_BLOCK
            : distance <= CORE_M ? CORE : distance <= MIDDLE_M ? MIDDLE : OUTER;
    for (int i = 0; i < rects.size(); i++) {
      uses.add(fixed != null ? fixed.get(i) : Rand.pick(r, choices));
    }
    if (fixed == null && block.siteBlock() && uses.stream().allMatch(LandUse::emfSensitive)) {
      uses.set(uses.size() - 1, distance <= MIDDLE_M ? LandUse.B1 : LandUse.U15);
    }
    LocalDate approval = approval(distance, r);
    List<Parcel> out = new ArrayList<>();
    for (int i = 0; i < rects.size(); i++) {
      double[] q = rects.get(i);
      Double[] ind = uses.get(i).indicators(r);
      out.add(
          new Parcel(
              String.format("XQ-%s%s-%02d", block.west().code(), block.south().code(), i + 1),
              uses.get(i),
              q[0],
              q[1],
              q[2],
              q[3],
              ind[0],
              ind[1],
              ind[2],
              ind[3],
              approval,
              frontage(block, q)));
    }
    return out;
  }

  private static LocalDate approval(double distance, SplittableRandom r) {
    if (r.nextDouble() < 0.1) {
      return LocalDate.of(2022, 8, 30);
    }
    return distance <= CORE_M
        ? LocalDate.of(2013, 6, 18)
        : distance <= MIDDLE_M ? LocalDate.of(2016, 9, 20) : LocalDate.of(2019, 11, 5);
  }

  /**
   * The road a parcel takes its services from: of the block sides it touches, the lowest road class
   * (south, west, north, east first).
   */
  private static Road frontage(RoadGrid.Block b, double[] q) {
    List<Road> touched = new ArrayList<>();
    if (q[1] == b.y0()) {
      touched.add(b.south());
    }
    if (q[0] == b.x0()) {
      touched.add(b.west());
    }
    if (q[3] == b.y1()) {
      touched.add(b.north());
    }
    if (q[2] == b.x1()) {
      touched.add(b.east());
    }
    return touched.stream()
        .max(Comparator.comparingInt(road -> road.roadClass().ordinal()))
        .orElseThrow();
  }
}
