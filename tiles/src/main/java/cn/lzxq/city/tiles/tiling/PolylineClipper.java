package cn.lzxq.city.tiles.tiling;

import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.Region;
import java.util.ArrayList;
import java.util.List;

/**
 * Cuts a 3D polyline (geodetic vertices) at the longitude/latitude rectangle of a region
 * (Liang–Barsky per segment, heights interpolated linearly). A line crossing several tiles is split
 * into pieces whose union is the original: nothing vanishes and nothing is duplicated beyond the
 * shared boundary points.
 */
public final class PolylineClipper {

  private PolylineClipper() {}

  /** The pieces of {@code line} inside {@code region}, in order; empty if none. */
  public static List<List<GeoPoint>> clip(List<GeoPoint> line, Region region) {
    double w = Math.toDegrees(region.west()), e = Math.toDegrees(region.east());
    double s = Math.toDegrees(region.south()), n = Math.toDegrees(region.north());
    List<List<GeoPoint>> pieces = new ArrayList<>();
    List<GeoPoint> current = null;
    for (int i = 0; i + 1 < line.size(); i++) {
      GeoPoint a = line.get(i), b = line.get(i + 1);
      double[] t = segment(a, b, w, e, s, n);
      if (t == null) {
        current = null;
        continue;
      }
      GeoPoint p0 = lerp(a, b, t[0]), p1 = lerp(a, b, t[1]);
      if (current == null || t[0] > 0) {
        current = new ArrayList<>();
        current.add(p0);
        pieces.add(current);
      }
      current.add(p1);
      if (t[1] < 1) {
        current = null;
      }
    }
    pieces.removeIf(p -> p.size() < 2);
    return pieces;
  }

  /** Parameters [t0, t1] of the part of a→b inside the rectangle, or null. */
  private static double[] segment(GeoPoint a, GeoPoint b, double w, double e, double s, double n) {
    double dx = b.lon() - a.lon(), dy = b.lat() - a.lat();
    double[] p = {-dx, dx, -dy, dy};
    double[] q = {a.lon() - w, e - a.lon(), a.lat() - s, n - a.lat()};
    double t0 = 0, t1 = 1;
    for (int k = 0; k < 4; k++) {
      if (p[k] == 0) {
        if (q[k] < 0) {
          return null;
        }
      } else {
        double r = q[k] / p[k];
        if (p[k] < 0) {
          t0 = Math.max(t0, r);
        } else {
          t1 = Math.min(t1, r);
        }
      }
    }
    return t0 < t1 ? new double[] {t0, t1} : null;
  }

  private static GeoPoint lerp(GeoPoint a, GeoPoint b, double t) {
    if (t == 0) {
      return a;
    }
    if (t == 1) {
      return b;
    }
    return new GeoPoint(
        a.lon() + (b.lon() - a.lon()) * t,
        a.lat() + (b.lat() - a.lat()) * t,
        a.height() + (b.height() - a.height()) * t);
  }
}
