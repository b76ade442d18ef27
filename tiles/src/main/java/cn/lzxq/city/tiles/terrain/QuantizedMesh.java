package cn.lzxq.city.tiles.terrain;

import cn.lzxq.city.tiles.geo.Ellipsoid;
import cn.lzxq.city.tiles.geo.GeoPoint;
import cn.lzxq.city.tiles.geo.Vec3;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Encodes a {@link TerrainGrid} as one Cesium quantized-mesh-1.0 tile (little-endian): the 88-byte
 * header (centre, height range, bounding sphere, horizon occlusion point in ellipsoid-scaled
 * space), the vertex count and the zig-zag delta encoded u, v and height arrays (0..32767 across
 * the tile and its height range), the triangle indices with high-water-mark encoding, the
 * west/south/east/north edge vertex lists (from which Cesium builds skirts) and, when asked, the
 * {@code octvertexnormals} extension (id 1, two bytes per vertex).
 *
 * <p>Two triangles per grid cell, counter-clockwise seen from above; 16-bit indices (a grid has at
 * most 65,536 vertices).
 */
public final class QuantizedMesh {

  /** The largest quantized u, v or height value. */
  public static final int MAX = 32767;

  /** Extension id of oct-encoded per-vertex normals. */
  static final int OCT_VERTEX_NORMALS = 1;

  private static final Ellipsoid WGS84 = Ellipsoid.WGS84;

  private QuantizedMesh() {}

  /** The tile's bytes; with {@code normals} the octvertexnormals extension is appended. */
  public static byte[] encode(TerrainGrid grid, boolean normals) {
    int n = grid.size();
    int count = n * n;
    int[] triangles = triangles(n);
    int[] order = firstUse(triangles, count);
    Vec3[] ecef = new Vec3[count];
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        double h = grid.height(i, j);
        min = Math.min(min, h);
        max = Math.max(max, h);
        ecef[j * n + i] = WGS84.toEcef(new GeoPoint(grid.lon(i), grid.lat(j), h));
      }
    }
    int size =
        88
            + 4
            + 6 * count
            + 4
            + 2 * triangles.length
            + 4 * 4
            + 2 * 4 * n
            + (normals ? 5 + 2 * count : 0);
    ByteBuffer out = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    header(out, ecef, min, max);
    vertices(out, grid, order, min, max);
    indices(out, triangles, order);
    edges(out, n, order);
    if (normals) {
      Vec3[] normal = VertexNormals.of(ecef, n);
      Vec3[] sorted = new Vec3[count];
      for (int k = 0; k < count; k++) {
        sorted[order[k]] = normal[k];
      }
      out.put((byte) OCT_VERTEX_NORMALS).putInt(2 * count);
      for (Vec3 v : sorted) {
        int[] oct = OctEncoding.encode(v);
        out.put((byte) oct[0]).put((byte) oct[1]);
      }
    }
    return out.array();
  }

  private static void header(ByteBuffer out, Vec3[] ecef, double min, double max) {
    double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (Vec3 p : ecef) {
      for (int k = 0; k < 3; k++) {
        lo[k] = Math.min(lo[k], p.get(k));
        hi[k] = Math.max(hi[k], p.get(k));
      }
    }
    Vec3 centre = new Vec3((lo[0] + hi[0]) / 2, (lo[1] + hi[1]) / 2, (lo[2] + hi[2]) / 2);
    double radius = 0;
    for (Vec3 p : ecef) {
      radius = Math.max(radius, p.distance(centre));
    }
    Vec3 horizon = HorizonOcclusion.point(WGS84, ecef, centre);
    out.putDouble(centre.x()).putDouble(centre.y()).putDouble(centre.z());
    out.putFloat((float) min).putFloat((float) max);
    out.putDouble(centre.x()).putDouble(centre.y()).putDouble(centre.z()).putDouble(radius);
    out.putDouble(horizon.x()).putDouble(horizon.y()).putDouble(horizon.z());
  }

  /** u, v and height of each vertex in encoded order, each array zig-zag delta encoded. */
  private static void vertices(
      ByteBuffer out, TerrainGrid grid, int[] order, double min, double max) {
    int n = grid.size();
    int count = n * n;
    out.putInt(count);
    double range = max - min;
    int[][] uvh = new int[3][count];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < n; i++) {
        int k = order[j * n + i];
        uvh[0][k] = (int) Math.round((double) i * MAX / (n - 1));
        uvh[1][k] = (int) Math.round((double) j * MAX / (n - 1));
        uvh[2][k] = range <= 0 ? 0 : (int) Math.round((grid.height(i, j) - min) / range * MAX);
      }
    }
    for (int[] values : uvh) {
      int previous = 0;
      for (int value : values) {
        out.putShort((short) zigZag(value - previous));
        previous = value;
      }
    }
  }

  /** Grid vertex indices ({@code row * n + column}) of two counter-clockwise triangles per cell. */
  static int[] triangles(int n) {
    int[] out = new int[6 * (n - 1) * (n - 1)];
    int t = 0;
    for (int j = 0; j < n - 1; j++) {
      for (int i = 0; i < n - 1; i++) {
        int a = j * n + i;
        out[t++] = a;
        out[t++] = a + 1;
        out[t++] = a + n + 1;
        out[t++] = a;
        out[t++] = a + n + 1;
        out[t++] = a + n;
      }
    }
    return out;
  }

  /**
   * The encoded number of each grid vertex: vertices are numbered in order of first use by the
   * triangles, as high-water-mark encoding requires.
   */
  static int[] firstUse(int[] triangles, int count) {
    int[] order = new int[count];
    Arrays.fill(order, -1);
    int next = 0;
    for (int index : triangles) {
      if (order[index] < 0) {
        order[index] = next++;
      }
    }
    return order;
  }

  private static void indices(ByteBuffer out, int[] triangles, int[] order) {
    out.putInt(triangles.length / 3);
    int highest = 0;
    for (int index : triangles) {
      int code = highest - order[index];
      out.putShort((short) code);
      if (code == 0) {
        highest++;
      }
    }
  }

  /** The vertices on the west, south, east and north edges, in encoded numbers. */
  private static void edges(ByteBuffer out, int n, int[] order) {
    out.putInt(n);
    for (int j = 0; j < n; j++) {
      out.putShort((short) order[j * n]);
    }
    out.putInt(n);
    for (int i = 0; i < n; i++) {
      out.putShort((short) order[i]);
    }
    out.putInt(n);
    for (int j = 0; j < n; j++) {
      out.putShort((short) order[j * n + n - 1]);
    }
    out.putInt(n);
    for (int i = 0; i < n; i++) {
      out.putShort((short) order[(n - 1) * n + i]);
    }
  }

  static int zigZag(int value) {
    return (value << 1) ^ (value >> 31);
  }
}
