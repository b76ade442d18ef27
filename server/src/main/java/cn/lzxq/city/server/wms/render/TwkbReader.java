package cn.lzxq.city.server.wms.render;

import java.awt.geom.Path2D;
import java.util.Arrays;

/**
 * Decodes Tiny WKB (what PostGIS {@code ST_AsTWKB} writes: zigzag varint deltas at a decimal
 * precision) straight into image pixels, without building JTS geometries. Handles points, lines,
 * polygons, their multi forms and collections; Z and M are skipped.
 */
public final class TwkbReader {

  private final byte[] b;
  private final ScreenMapping toScreen;
  private int pos;
  private double scale;
  private int dims;
  private final long[] last = new long[4];
  private Path2D.Float path;
  private float[] points = new float[0];
  private int pointCount;
  private boolean polygon;

  private TwkbReader(byte[] bytes, ScreenMapping toScreen) {
    this.b = bytes;
    this.toScreen = toScreen;
  }

  /** The geometry in pixels. */
  public static ScreenShape read(byte[] twkb, ScreenMapping toScreen) {
    TwkbReader r = new TwkbReader(twkb, toScreen);
    r.path = new Path2D.Float(Path2D.WIND_EVEN_ODD, 64);
    r.geometry();
    return new ScreenShape(r.path, Arrays.copyOf(r.points, r.pointCount * 2), r.polygon);
  }

  private void geometry() {
    int header = b[pos++] & 0xff;
    int type = header & 0x0f;
    scale = Math.pow(10, -zigzag(header >> 4));
    int meta = b[pos++] & 0xff;
    dims = 2;
    if ((meta & 0x08) != 0) {
      int ext = b[pos++] & 0xff;
      dims += ((ext & 0x01) != 0 ? 1 : 0) + ((ext & 0x02) != 0 ? 1 : 0);
    }
    if ((meta & 0x02) != 0) {
      varint();
    }
    if ((meta & 0x10) != 0) {
      return;
    }
    if ((meta & 0x01) != 0) {
      for (int i = 0; i < 2 * dims; i++) {
        varint();
      }
    }
    Arrays.fill(last, 0);
    boolean ids = (meta & 0x04) != 0;
    switch (type) {
      case 1 -> point();
      case 2 -> line(false);
      case 3 -> rings();
      case 4, 5, 6 -> multi(type - 3, ids);
      case 7 -> collection(ids);
      default -> throw new IllegalArgumentException("unknown TWKB type " + type);
    }
  }

  private void multi(int partType, boolean ids) {
    int n = (int) varint();
    if (ids) {
      for (int i = 0; i < n; i++) {
        varint();
      }
    }
    for (int i = 0; i < n; i++) {
      switch (partType) {
        case 1 -> point();
        case 2 -> line(false);
        default -> rings();
      }
    }
  }

  private void collection(boolean ids) {
    int n = (int) varint();
    if (ids) {
      for (int i = 0; i < n; i++) {
        varint();
      }
    }
    for (int i = 0; i < n; i++) {
      geometry();
    }
  }

  private void point() {
    next();
    if (points.length < (pointCount + 1) * 2) {
      points = Arrays.copyOf(points, Math.max(4, points.length * 2));
    }
    points[pointCount * 2] = screenX();
    points[pointCount * 2 + 1] = screenY();
    pointCount++;
  }

  private void rings() {
    polygon = true;
    int n = (int) varint();
    for (int i = 0; i < n; i++) {
      line(true);
    }
  }

  private void line(boolean ring) {
    int n = (int) varint();
    for (int i = 0; i < n; i++) {
      next();
      if (i == 0) {
        path.moveTo(screenX(), screenY());
      } else {
        path.lineTo(screenX(), screenY());
      }
    }
    if (ring && n > 0) {
      path.closePath();
    }
  }

  private void next() {
    for (int d = 0; d < dims; d++) {
      last[d] += zigzag(varint());
    }
  }

  private float screenX() {
    return (float) toScreen.x(last[0] * scale, last[1] * scale);
  }

  private float screenY() {
    return (float) toScreen.y(last[0] * scale, last[1] * scale);
  }

  private long varint() {
    long v = 0;
    int shift = 0;
    while (true) {
      int x = b[pos++] & 0xff;
      v |= (long) (x & 0x7f) << shift;
      if ((x & 0x80) == 0) {
        return v;
      }
      shift += 7;
    }
  }

  private static long zigzag(long v) {
    return (v >>> 1) ^ -(v & 1);
  }
}
