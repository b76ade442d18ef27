package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the public WLAN access points (公共WLAN热点) of the sample: in every block a lattice of
 * outdoor 2.4 GHz access points ({@value #EIRP_DBM} dBm EIRP, the MIIT limit, on {@value
 * #MOUNT_HEIGHT_M} m poles) at most {@value #SPACING_M} m apart, each in the middle of its share of
 * the block, so no point of a block lies more than about 71 m from one — inside the −75 dBm reach
 * of the coverage model (about 78 m) — but for the planted holes ({@link #planted}):
 *
 * <ul>
 *   <li>W1, W2, W3: three blocks without any access point (south-west, north-east and north-west of
 *       the window, one in each of three districts): holes far above 2,500 m²;
 *   <li>W4: a block (south-east) whose south-west corner access point is missing: at most a corner
 *       of about 30 × 30 m goes uncovered, below 2,500 m².
 * </ul>
 */
public final class WlanLayout {

  /** Largest distance between neighbouring access points of a block, metres. */
  public static final double SPACING_M = 100;

  /** Mount height above the ground, metres. */
  public static final double MOUNT_HEIGHT_M = 6;

  /** EIRP, dBm. */
  public static final double EIRP_DBM = 20;

  private static final LocalDate IN_SERVICE = LocalDate.of(2020, 6, 1);

  /**
   * A planted WLAN hole.
   *
   * @param id W1 … W4
   * @param block the block it is planted in
   * @param wholeBlock true when the block has no access point at all (a hole above the minimum
   *     area), false when only its south-west corner access point is missing (below it)
   */
  public record PlantedHole(String id, RoadGrid.Block block, boolean wholeBlock) {}

  private final RoadGrid grid;

  WlanLayout(RoadGrid grid) {
    this.grid = grid;
  }

  /** The planted holes of a road grid's window. */
  public static List<PlantedHole> planted(RoadGrid grid) {
    int nx = grid.columns().size() - 1;
    int ny = grid.rows().size() - 1;
    return List.of(
        new PlantedHole("W1", grid.block(1, 1), true),
        new PlantedHole("W2", grid.block(nx - 2, ny - 2), true),
        new PlantedHole("W3", grid.block(1, ny - 2), true),
        new PlantedHole("W4", grid.block(nx - 2, 1), false));
  }

  /** Every access point, block by block (as {@link RoadGrid#blocks}), south-west first. */
  List<SampleAccessPoint> accessPoints() {
    List<PlantedHole> planted = planted(grid);
    List<SampleAccessPoint> out = new ArrayList<>();
    for (RoadGrid.Block b : grid.blocks()) {
      PlantedHole hole = planted.stream().filter(p -> p.block().equals(b)).findFirst().orElse(null);
      if (hole != null && hole.wholeBlock()) {
        continue;
      }
      int nx = (int) Math.ceil((b.x1() - b.x0()) / SPACING_M);
      int ny = (int) Math.ceil((b.y1() - b.y0()) / SPACING_M);
      for (int j = 0; j < ny; j++) {
        for (int i = 0; i < nx; i++) {
          if (hole != null && i == 0 && j == 0) {
            continue;
          }
          double x = b.x0() + (i + 0.5) * (b.x1() - b.x0()) / nx;
          double y = b.y0() + (j + 0.5) * (b.y1() - b.y0()) / ny;
          out.add(
              new SampleAccessPoint(
                  0,
                  String.format("WL-%s%s-%d", b.west().code(), b.south().code(), j * nx + i + 1),
                  "i-LanzhouNewArea",
                  "CTCC",
                  "2.4GHz",
                  MOUNT_HEIGHT_M,
                  EIRP_DBM,
                  "outdoor",
                  IN_SERVICE,
                  Xyz.mm(x, y, NewAreaFrame.groundElevation(x, y))));
        }
      }
    }
    return out;
  }
}
