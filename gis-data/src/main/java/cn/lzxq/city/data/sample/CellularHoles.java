package cn.lzxq.city.data.sample;

import cn.lzxq.city.data.coverage.CoverageSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The planted cellular coverage holes of the sample. C1: China Broadnet (CBN, n28 at 700 MHz, the
 * network built last) rents no tower within {@value #CLEARANCE_M} m of the south-west corner of the
 * window — the default coverage radius (a sector neither serves nor interferes beyond it) plus
 * {@value #CORE_M} m — so the built-up land within about {@value #CORE_M} m of the corner, and more
 * where the farther CBN sectors fall below the threshold, is a CBN hole (several pieces: the roads
 * between the blocks are not built-up land). The towers there keep their other tenants (a tower CBN
 * alone would have rented carries CMCC instead), so they are the co-location candidates for the
 * hole. The other operators' layers and the other CBN land have no hole: every built-up cell is
 * within the radius of several of their sectors.
 */
public final class CellularHoles {

  /** Margin beyond the coverage radius that no sector of the operator reaches, metres. */
  public static final double CORE_M = 600;

  /** No tower within this distance of a hole's centre carries the operator, metres. */
  public static final double CLEARANCE_M = 2_000 + CORE_M;

  static {
    if (CoverageSettings.DEFAULT.radiusM() != 2_000) {
      throw new IllegalStateException("CLEARANCE_M assumes the 2,000 m default coverage radius");
    }
  }

  /**
   * A planted cellular hole.
   *
   * @param id C1 …
   * @param operator the operator whose layer has the hole
   * @param band its band
   * @param x easting of the centre, metres (native CRS)
   * @param y northing of the centre, metres
   * @param clearanceM no tower within this distance of the centre carries the operator, metres
   */
  public record PlantedHole(
      String id, String operator, String band, double x, double y, double clearanceM) {}

  private CellularHoles() {}

  /** The planted holes of a road grid's window. */
  public static List<PlantedHole> planted(RoadGrid grid) {
    RoadGrid.Block sw = grid.block(0, 0);
    return List.of(new PlantedHole("C1", "CBN", "n28", sw.x0(), sw.y0(), CLEARANCE_M));
  }

  /**
   * The tenants of a tower at (x, y) without the operators of the planted holes it is too close to:
   * such an operator is dropped, or replaced by the first operator not yet a tenant when it was the
   * only one.
   */
  static List<String> tenants(
      RoadGrid grid, List<String> drawn, List<String> all, double x, double y) {
    List<String> out = new ArrayList<>(drawn);
    for (PlantedHole h : planted(grid)) {
      if (out.contains(h.operator()) && Math.hypot(x - h.x(), y - h.y()) < h.clearanceM()) {
        out.remove(h.operator());
        if (out.isEmpty()) {
          out.add(all.stream().filter(o -> !o.equals(h.operator())).findFirst().orElseThrow());
        }
      }
    }
    return List.copyOf(out);
  }
}
