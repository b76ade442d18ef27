package cn.lzxq.city.data.sample;

import java.util.List;

/**
 * Hex EWKB (little-endian, with SRID and Z) of the sample's geometries, as PostGIS reads it in COPY
 * text: faster to parse than WKT and exact to the bit.
 */
final class Ewkb {

  private static final int POINT = 1;
  private static final int LINESTRING = 2;
  private static final int POLYGON = 3;
  private static final int MULTIPOLYGON = 6;
  private static final int Z_FLAG = 0x80000000;
  private static final int SRID_FLAG = 0x20000000;
  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  private Ewkb() {}

  static void pointZ(StringBuilder out, Xyz p) {
    header(out, POINT, true);
    xyz(out, p);
  }

  static void lineStringZ(StringBuilder out, List<Xyz> points) {
    header(out, LINESTRING, true);
    int32(out, points.size());
    points.forEach(p -> xyz(out, p));
  }

  /** A multipolygon of one polygon with one ring. */
  static void multiPolygonZ(StringBuilder out, List<Xyz> ring) {
    header(out, MULTIPOLYGON, true);
    int32(out, 1);
    header(out, POLYGON, false);
    int32(out, 1);
    int32(out, ring.size());
    ring.forEach(p -> xyz(out, p));
  }

  private static void header(StringBuilder out, int type, boolean withSrid) {
    out.append("01");
    int32(out, type | Z_FLAG | (withSrid ? SRID_FLAG : 0));
    if (withSrid) {
      int32(out, NewAreaFrame.SRID);
    }
  }

  private static void xyz(StringBuilder out, Xyz p) {
    float64(out, p.x());
    float64(out, p.y());
    float64(out, p.z());
  }

  private static void int32(StringBuilder out, int v) {
    for (int i = 0; i < 4; i++) {
      byte8(out, v >>> (8 * i));
    }
  }

  private static void float64(StringBuilder out, double d) {
    long bits = Double.doubleToLongBits(d);
    for (int i = 0; i < 8; i++) {
      byte8(out, (int) (bits >>> (8 * i)));
    }
  }

  private static void byte8(StringBuilder out, int b) {
    out.append(HEX[(b >>> 4) & 0xF]).append(HEX[b & 0xF]);
  }
}
