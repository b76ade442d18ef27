package cn.lzxq.city.data.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Rings and lines along a road, at ground level, with a vertex at least every {@value
 * #VERTEX_EVERY_M} m so Z follows the ground.
 */
final class Corridor {

  static final double VERTEX_EVERY_M = 50;

  private Corridor() {}

  /** The centreline (at {@code offset}) from {@code a0} to {@code a1} along a road. */
  static List<Xyz> line(Road road, double a0, double a1, double offset) {
    int n = Math.max(1, (int) Math.ceil(Math.abs(a1 - a0) / VERTEX_EVERY_M));
    List<Xyz> out = new ArrayList<>();
    for (int i = 0; i <= n; i++) {
      out.add(ground(road.at(a0 + (a1 - a0) * i / n, offset)));
    }
    return out;
  }

  /**
   * The closed ring of the strip between offsets {@code o0} and {@code o1}, from {@code a0} to
   * {@code a1}.
   */
  static List<Xyz> strip(Road road, double a0, double a1, double o0, double o1) {
    List<Xyz> ring = new ArrayList<>(line(road, a0, a1, o0));
    ring.addAll(line(road, a1, a0, o1));
    ring.add(ring.get(0));
    return counterClockwise(ring);
  }

  /** The closed ring of an axis-aligned rectangle. */
  static List<Xyz> rectangle(double x0, double y0, double x1, double y1) {
    return List.of(
        ground(new double[] {x0, y0}),
        ground(new double[] {x1, y0}),
        ground(new double[] {x1, y1}),
        ground(new double[] {x0, y1}),
        ground(new double[] {x0, y0}));
  }

  static Xyz ground(double[] xy) {
    double x = Xyz.round(xy[0]);
    double y = Xyz.round(xy[1]);
    return Xyz.mm(x, y, NewAreaFrame.groundElevation(x, y));
  }

  private static List<Xyz> counterClockwise(List<Xyz> ring) {
    double area = 0;
    for (int i = 0; i + 1 < ring.size(); i++) {
      area += ring.get(i).x() * ring.get(i + 1).y() - ring.get(i + 1).x() * ring.get(i).y();
    }
    if (area >= 0) {
      return ring;
    }
    List<Xyz> reversed = new ArrayList<>(ring);
    java.util.Collections.reverse(reversed);
    return reversed;
  }
}
