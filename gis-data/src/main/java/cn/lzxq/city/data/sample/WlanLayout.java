package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the public WLAN access points (公共WLAN热点) of the sample: in every block a lattice of
 * outdoor 2.4 GHz access points ({@value #EIRP_DBM} dBm EIRP, the MIIT limit, on {@value
 * #MOUNT_HEIGHT_M} m poles) at most {@value #SPACING_M} m apart, each in the middle of its share of
 * the block, so no point of a block lies more than about 71 m from one — inside the −75 dBm reach
 * of the coverage model ({@value #REACH_M} m) — but for the planted holes ({@link #planted}):
 *
 * <ul>
 *   <li>W1, W2, W3: three blocks without any access point (south-west, north-east and north-west of
 *       the window, one in each of three districts): holes far above 2,500 m²;
 *   <li>W4: a block (south-east) whose south-west corner access point is missing: at most a corner
 *       of about 30 × 30 m goes uncovered, below 2,500 m²;
 *   <li>W5 and W6: the controls at the minimum. Their blocks hold a square lattice {@value
 *       #GAP_SPACING_M} m apart centred on a point G on a 25 m line of the native CRS (so on a
 *       corner of the 25 m coverage grid, whose lines are multiples of its cell), without the
 *       access point at G. Only the four cells around G lie beyond the reach of every access point:
 *       their centres are 88.39 m from the nearest ones (87.5 m along and 12.5 m across), the next
 *       cells out 63.74 m (62.5 and 12.5) or 72.89 m (62.5 and 37.5). W6 leaves exactly those 4
 *       cells, 2,500 m²: the smallest hole, found at the 2,500 m² minimum. W5 adds an access point
 *       60 m east and 60 m south of G, which reaches the south-east one of the four (67.18 m) and
 *       neither neighbour (86.70 m): 3 cells in an L, 1,875 m², the largest piece 25 m cells make
 *       below the minimum — no hole.
 * </ul>
 */
public final class WlanLayout {

  /** Largest distance between neighbouring access points of a block, metres. */
  public static final double SPACING_M = 100;

  /** Mount height above the ground, metres. */
  public static final double MOUNT_HEIGHT_M = 6;

  /** EIRP, dBm. */
  public static final double EIRP_DBM = 20;

  /**
   * The horizontal −75 dBm reach of a sample access point, metres (worked by hand in the coverage
   * tests: ITU-R P.1411 NLoS at 2,437 MHz, 6 m up, receiver 1.5 m).
   */
  public static final double REACH_M = 77.809;

  /** Spacing of the lattice around a control gap, metres. */
  public static final double GAP_SPACING_M = 100;

  /** The coverage grid cell a control gap is designed on, metres (the default cell). */
  public static final double GAP_CELL_M = 25;

  private static final LocalDate IN_SERVICE = LocalDate.of(2020, 6, 1);

  /** What a planted hole leaves out of its block's lattice. */
  public enum Gap {
    /** Every access point of the block. */
    WHOLE_BLOCK,
    /** The south-west corner access point. */
    CORNER,
    /** The access point at G of a lattice {@value #GAP_SPACING_M} m apart centred on G. */
    LATTICE,
    /** As {@link #LATTICE}, with one more access point 60 m east and 60 m south of G. */
    LATTICE_FILLED
  }

  /**
   * A planted WLAN hole or control, with its expected verdict.
   *
   * @param id W1 … W6
   * @param block the block it is planted in
   * @param gap what is left out
   * @param x easting of the gap's point G (a lattice gap), or of the block's south-west corner,
   *     metres (native CRS)
   * @param y northing of it, metres
   * @param cells the uncovered cells of the {@value #GAP_CELL_M} m grid a lattice gap is designed
   *     to leave (4 or 3), 0 for a whole block or a corner (not designed to a cell count)
   * @param hole the verdict at the 2,500 m² minimum on the {@value #GAP_CELL_M} m grid: true when
   *     it is a hole to report, false for a control below the minimum that must not be
   */
  public record PlantedHole(
      String id, RoadGrid.Block block, Gap gap, double x, double y, int cells, boolean hole) {

    /** The uncovered area it is designed to leave on the 25 m grid, m² (0 when not designed). */
    public double cellAreaM2() {
      return cells * GAP_CELL_M * GAP_CELL_M;
    }
  }

  private final RoadGrid grid;

  WlanLayout(RoadGrid grid) {
    this.grid = grid;
  }

  /** The planted holes and controls of a road grid's window. */
  public static List<PlantedHole> planted(RoadGrid grid) {
    int nx = grid.columns().size() - 1;
    int ny = grid.rows().size() - 1;
    return List.of(
        whole("W1", grid.block(1, 1)),
        whole("W2", grid.block(nx - 2, ny - 2)),
        whole("W3", grid.block(1, ny - 2)),
        corner("W4", grid.block(nx - 2, 1)),
        lattice("W5", grid.block(3, 3), Gap.LATTICE_FILLED, 3, false),
        lattice("W6", grid.block(nx - 4, 3), Gap.LATTICE, 4, true));
  }

  private static PlantedHole whole(String id, RoadGrid.Block b) {
    return new PlantedHole(id, b, Gap.WHOLE_BLOCK, b.x0(), b.y0(), 0, true);
  }

  private static PlantedHole corner(String id, RoadGrid.Block b) {
    return new PlantedHole(id, b, Gap.CORNER, b.x0(), b.y0(), 0, false);
  }

  /** A lattice gap at the 25 m grid line nearest the block's centre. */
  private static PlantedHole lattice(
      String id, RoadGrid.Block b, Gap gap, int cells, boolean hole) {
    double gx = Math.round((b.x0() + b.x1()) / 2 / GAP_CELL_M) * GAP_CELL_M;
    double gy = Math.round((b.y0() + b.y1()) / 2 / GAP_CELL_M) * GAP_CELL_M;
    return new PlantedHole(id, b, gap, gx, gy, cells, hole);
  }

  /** Every access point, block by block (as {@link RoadGrid#blocks}), south-west first. */
  List<SampleAccessPoint> accessPoints() {
    List<PlantedHole> planted = planted(grid);
    List<SampleAccessPoint> out = new ArrayList<>();
    for (RoadGrid.Block b : grid.blocks()) {
      PlantedHole hole = planted.stream().filter(p -> p.block().equals(b)).findFirst().orElse(null);
      Gap gap = hole == null ? null : hole.gap();
      if (gap == Gap.WHOLE_BLOCK) {
        continue;
      }
      List<double[]> at = new ArrayList<>();
      if (gap == Gap.LATTICE || gap == Gap.LATTICE_FILLED) {
        for (int j = -1; j <= 1; j++) {
          for (int i = -1; i <= 1; i++) {
            if (i != 0 || j != 0) {
              at.add(new double[] {hole.x() + i * GAP_SPACING_M, hole.y() + j * GAP_SPACING_M});
            }
          }
        }
        if (gap == Gap.LATTICE_FILLED) {
          at.add(new double[] {hole.x() + 60, hole.y() - 60});
        }
      } else {
        int nx = (int) Math.ceil((b.x1() - b.x0()) / SPACING_M);
        int ny = (int) Math.ceil((b.y1() - b.y0()) / SPACING_M);
        for (int j = 0; j < ny; j++) {
          for (int i = 0; i < nx; i++) {
            if (gap == Gap.CORNER && i == 0 && j == 0) {
              at.add(null);
              continue;
            }
            at.add(
                new double[] {
                  b.x0() + (i + 0.5) * (b.x1() - b.x0()) / nx,
                  b.y0() + (j + 0.5) * (b.y1() - b.y0()) / ny
                });
          }
        }
      }
      for (int k = 0; k < at.size(); k++) {
        double[] xy = at.get(k);
        if (xy == null) {
          continue;
        }
        out.add(
            new SampleAccessPoint(
                0,
                String.format("WL-%s%s-%d", b.west().code(), b.south().code(), k + 1),
                "i-LanzhouNewArea",
                "CTCC",
                "2.4GHz",
                MOUNT_HEIGHT_M,
                EIRP_DBM,
                "outdoor",
                IN_SERVICE,
                Xyz.mm(xy[0], xy[1], NewAreaFrame.groundElevation(xy[0], xy[1]))));
      }
    }
    return out;
  }
}
