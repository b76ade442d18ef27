package cn.lzxq.city.tiles.mesh;

import cn.lzxq.city.tiles.geo.Vec3;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a pipe centreline into the path a sweep follows: interior bends become circular arcs (a
 * swept elbow, bend radius = {@code bendRadius} metres, reduced where segments are short), long
 * straight segments are split so no segment exceeds {@code maxSegment} metres (keeps quantization
 * chunks small and follows the earth's curvature), and ends can be trimmed back to leave room for
 * fittings.
 */
public final class CentrelinePath {

  /** Bends sharper than this (radians) get an arc; gentler ones a plain mitre. */
  static final double MIN_ARC_ANGLE = Math.toRadians(2);

  /** Largest angle (radians) between arc samples. */
  static final double ARC_STEP = Math.toRadians(15);

  private CentrelinePath() {}

  /** Removes consecutive duplicate points (closer than 1 mm). */
  public static List<Vec3> dedupe(List<Vec3> points) {
    List<Vec3> out = new ArrayList<>();
    for (Vec3 p : points) {
      if (out.isEmpty() || out.get(out.size() - 1).distance(p) > 1e-3) {
        out.add(p);
      }
    }
    return out;
  }

  /** The path with arcs at bends and long segments subdivided. */
  public static List<Vec3> smooth(List<Vec3> points, double bendRadius, double maxSegment) {
    return smooth(points, bendRadius, maxSegment, 0.45);
  }

  /**
   * As {@link #smooth(List, double, double)}, an arc taking at most {@code maxFraction} of each
   * adjacent segment (1 lets the arc span whole segments, as an elbow fitting does).
   */
  public static List<Vec3> smooth(
      List<Vec3> points, double bendRadius, double maxSegment, double maxFraction) {
    List<Vec3> pts = dedupe(points);
    List<Vec3> out = new ArrayList<>();
    if (pts.size() < 2) {
      return pts;
    }
    out.add(pts.get(0));
    for (int i = 1; i + 1 < pts.size(); i++) {
      arc(out, pts.get(i - 1), pts.get(i), pts.get(i + 1), bendRadius, maxFraction);
    }
    out.add(pts.get(pts.size() - 1));
    return subdivide(out, maxSegment);
  }

  private static void arc(
      List<Vec3> out, Vec3 prev, Vec3 p, Vec3 next, double bendRadius, double maxFraction) {
    Vec3 dIn = p.minus(prev).normalized();
    Vec3 dOut = next.minus(p).normalized();
    double theta = Math.acos(Math.max(-1, Math.min(1, dIn.dot(dOut))));
    if (theta < MIN_ARC_ANGLE || theta > Math.PI - 1e-3) {
      out.add(p);
      return;
    }
    double half = Math.tan(theta / 2);
    double tangentLength =
        Math.min(bendRadius * half, maxFraction * Math.min(p.distance(prev), p.distance(next)));
    double radius = tangentLength / half;
    Vec3 start = p.minus(dIn.times(tangentLength));
    Vec3 towards = dOut.minus(dIn.times(dIn.dot(dOut))).normalized();
    Vec3 centre = start.plus(towards.times(radius));
    int steps = (int) Math.ceil(theta / ARC_STEP);
    for (int s = 0; s <= steps; s++) {
      double phi = theta * s / steps;
      out.add(
          centre
              .plus(start.minus(centre).times(Math.cos(phi)))
              .plus(dIn.times(radius * Math.sin(phi))));
    }
  }

  /** Splits segments longer than {@code maxSegment} metres into equal parts. */
  public static List<Vec3> subdivide(List<Vec3> pts, double maxSegment) {
    List<Vec3> out = new ArrayList<>();
    for (int i = 0; i < pts.size(); i++) {
      if (i > 0) {
        Vec3 a = pts.get(i - 1), b = pts.get(i);
        int parts = (int) Math.ceil(a.distance(b) / maxSegment);
        for (int k = 1; k < parts; k++) {
          out.add(a.lerp(b, (double) k / parts));
        }
      }
      out.add(pts.get(i));
    }
    return out;
  }

  /** Total length in metres. */
  public static double length(List<Vec3> pts) {
    double len = 0;
    for (int i = 1; i < pts.size(); i++) {
      len += pts.get(i).distance(pts.get(i - 1));
    }
    return len;
  }

  /**
   * The path shortened by {@code startTrim} metres at its start and {@code endTrim} at its end,
   * measured along the path; empty when nothing remains.
   */
  public static List<Vec3> trim(List<Vec3> pts, double startTrim, double endTrim) {
    double len = length(pts);
    if (startTrim + endTrim >= len - 1e-6) {
      return List.of();
    }
    return cut(pts, startTrim, len - endTrim);
  }

  private static List<Vec3> cut(List<Vec3> pts, double from, double to) {
    List<Vec3> out = new ArrayList<>();
    double s = 0;
    for (int i = 1; i < pts.size(); i++) {
      Vec3 a = pts.get(i - 1), b = pts.get(i);
      double len = a.distance(b);
      double s1 = s + len;
      if (s1 > from && s < to) {
        if (out.isEmpty()) {
          out.add(a.lerp(b, Math.max(0, (from - s) / len)));
        }
        out.add(a.lerp(b, Math.min(1, (to - s) / len)));
      }
      s = s1;
    }
    return out;
  }
}
