package cn.lzxq.city.data.sample;

import cn.lzxq.city.data.terrain.SampleTerrain;
import cn.lzxq.city.data.tileset.Ecef;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The sample's stand-in for oblique photogrammetry — synthetic, not a survey: a textured mesh of
 * {@value #N} × {@value #N} vertices, {@value #SPAN_M} m square, draped {@value #LIFT_M} m over the
 * sample terrain next to the centre, written as a 3D Tiles 1.1 folder ({@code tileset.json} +
 * {@code mesh.glb}) in a local east-north-up frame, as photogrammetry software exports "with an
 * origin": registered with {@code --origin} = {@link #ORIGIN_X}, {@link #ORIGIN_Y} and the ground's
 * 1985 height there. glTF's y axis is up, so a local (east, north, up) is stored as (east, up,
 * −north).
 */
public final class SampleMeshTileset {

  /** Vertices per side. */
  static final int N = 21;

  /** Side of the mesh, metres. */
  static final double SPAN_M = 200;

  /** Height of the mesh above the ground, metres. */
  public static final double LIFT_M = 0.5;

  /** The origin (EPSG:4544): 150 m east and north of the sample's centre, inside a block. */
  public static final double ORIGIN_X = NewAreaFrame.CENTRE_X + 150;

  public static final double ORIGIN_Y = NewAreaFrame.CENTRE_Y + 150;

  /** What the registered tileset's note says. */
  public static final String NOTE =
      "synthetic stand-in for oblique photogrammetry: a textured mesh draped over the sample DEM";

  private SampleMeshTileset() {}

  /** The 1985 height of the origin (the terrain there), metres. */
  public static double originHeight() {
    return SampleTerrain.elevation(ORIGIN_X, ORIGIN_Y);
  }

  /**
   * Writes the tileset into {@code dir}: the grid's vertices (EPSG:4544 like every sample
   * coordinate, terrain height + lift) are placed in the origin's east-north-up frame through their
   * longitude/latitude (PostGIS of {@code c}).
   */
  public static void write(Connection c, Path dir) throws IOException, SQLException {
    double[][] local = local(c);
    ByteBuffer bin =
        ByteBuffer.allocate(N * N * 20 + (N - 1) * (N - 1) * 12).order(ByteOrder.LITTLE_ENDIAN);
    float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
    float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
    double radius = 0;
    for (double[] p : local) {
      float[] g = {(float) p[0], (float) p[2], (float) -p[1]};
      for (int k = 0; k < 3; k++) {
        bin.putFloat(g[k]);
        min[k] = Math.min(min[k], g[k]);
        max[k] = Math.max(max[k], g[k]);
      }
      radius = Math.max(radius, Math.sqrt(p[0] * p[0] + p[1] * p[1] + p[2] * p[2]));
    }
    for (int r = 0; r < N; r++) {
      for (int col = 0; col < N; col++) {
        bin.putFloat((float) col / (N - 1)).putFloat((float) r / (N - 1));
      }
    }
    for (int r = 0; r + 1 < N; r++) {
      for (int col = 0; col + 1 < N; col++) {
        int a = r * N + col;
        int b = a + 1;
        int d = a + N;
        int e = d + 1;
        bin.putShort((short) a).putShort((short) b).putShort((short) d);
        bin.putShort((short) b).putShort((short) e).putShort((short) d);
      }
    }
    Files.write(dir.resolve("mesh.glb"), glb(min, max, bin));
    Files.writeString(
        dir.resolve("tileset.json"),
        String.format(
            Locale.ROOT,
            """
            {"asset":{"version":"1.1","generator":"lzxq-city sample (synthetic stand-in for oblique photogrammetry)"},
             "geometricError":100,
             "root":{"boundingVolume":{"sphere":[0,0,0,%.3f]},"geometricError":0,"refine":"REPLACE",
                     "content":{"uri":"mesh.glb"}}}
            """,
            radius + 1),
        StandardCharsets.UTF_8);
  }

  /**
   * East, north, up of each vertex (row-major from the south-west) in the origin's frame: native
   * grid → CGCS2000 longitude/latitude (PostGIS) → ECEF at the 1985 height (the height anomaly is
   * the same at every vertex and cancels) → the frame.
   */
  private static double[][] local(Connection c) throws SQLException {
    Double[] xs = new Double[N * N + 1];
    Double[] ys = new Double[N * N + 1];
    for (int r = 0; r < N; r++) {
      for (int col = 0; col < N; col++) {
        xs[r * N + col] = ORIGIN_X - SPAN_M / 2 + col * SPAN_M / (N - 1);
        ys[r * N + col] = ORIGIN_Y - SPAN_M / 2 + r * SPAN_M / (N - 1);
      }
    }
    xs[N * N] = ORIGIN_X;
    ys[N * N] = ORIGIN_Y;
    double[][] lonLat = new double[N * N + 1][];
    try (PreparedStatement p =
        c.prepareStatement(
            "SELECT ST_X(g), ST_Y(g) FROM unnest(?::float8[], ?::float8[]) WITH ORDINALITY AS"
                + " u(x, y, n), ST_Transform(ST_SetSRID(ST_MakePoint(u.x, u.y), ?), 4490) g ORDER BY n")) {
      p.setArray(1, c.createArrayOf("float8", xs));
      p.setArray(2, c.createArrayOf("float8", ys));
      p.setInt(3, NewAreaFrame.SRID);
      try (ResultSet rs = p.executeQuery()) {
        for (int k = 0; rs.next(); k++) {
          lonLat[k] = new double[] {rs.getDouble(1), rs.getDouble(2)};
        }
      }
    }
    double[] o = lonLat[N * N];
    double[] frame = Ecef.eastNorthUp(o[0], o[1], originHeight());
    double[][] out = new double[N * N][];
    for (int k = 0; k < N * N; k++) {
      double h = SampleTerrain.elevation(xs[k], ys[k]) + LIFT_M;
      double[] p = Ecef.of(lonLat[k][0], lonLat[k][1], h);
      double[] d = {p[0] - frame[12], p[1] - frame[13], p[2] - frame[14]};
      out[k] = new double[3];
      for (int axis = 0; axis < 3; axis++) {
        out[k][axis] =
            d[0] * frame[4 * axis] + d[1] * frame[4 * axis + 1] + d[2] * frame[4 * axis + 2];
      }
    }
    return out;
  }

  private static byte[] glb(float[] min, float[] max, ByteBuffer bin) throws IOException {
    byte[] png = texture();
    int geometryBytes = bin.position();
    int pad = (4 - png.length % 4) % 4;
    String json =
        String.format(
            Locale.ROOT,
            """
            {"asset":{"version":"2.0","generator":"lzxq-city sample"},"scene":0,"scenes":[{"nodes":[0]}],
             "nodes":[{"mesh":0}],
             "meshes":[{"primitives":[{"attributes":{"POSITION":0,"TEXCOORD_0":1},"indices":2,"material":0}]}],
             "materials":[{"name":"photo","pbrMetallicRoughness":{"baseColorTexture":{"index":0},"metallicFactor":0,"roughnessFactor":1}}],
             "textures":[{"source":0,"sampler":0}],"samplers":[{"magFilter":9729,"minFilter":9729}],
             "images":[{"bufferView":3,"mimeType":"image/png"}],
             "accessors":[
              {"bufferView":0,"componentType":5126,"count":%d,"type":"VEC3","min":[%s,%s,%s],"max":[%s,%s,%s]},
              {"bufferView":1,"componentType":5126,"count":%d,"type":"VEC2"},
              {"bufferView":2,"componentType":5123,"count":%d,"type":"SCALAR"}],
             "bufferViews":[
              {"buffer":0,"byteOffset":0,"byteLength":%d,"target":34962},
              {"buffer":0,"byteOffset":%d,"byteLength":%d,"target":34962},
              {"buffer":0,"byteOffset":%d,"byteLength":%d,"target":34963},
              {"buffer":0,"byteOffset":%d,"byteLength":%d}],
             "buffers":[{"byteLength":%d}]}""",
            N * N,
            min[0],
            min[1],
            min[2],
            max[0],
            max[1],
            max[2],
            N * N,
            (N - 1) * (N - 1) * 6,
            N * N * 12,
            N * N * 12,
            N * N * 8,
            N * N * 20,
            (N - 1) * (N - 1) * 12,
            geometryBytes,
            png.length,
            geometryBytes + png.length + pad);
    byte[] j = json.getBytes(StandardCharsets.UTF_8);
    int jsonPad = (4 - j.length % 4) % 4;
    int binLength = geometryBytes + png.length + pad;
    ByteBuffer out =
        ByteBuffer.allocate(12 + 8 + j.length + jsonPad + 8 + binLength)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0x46546C67).putInt(2).putInt(out.capacity());
    out.putInt(j.length + jsonPad).putInt(0x4E4F534A).put(j);
    for (int i = 0; i < jsonPad; i++) {
      out.put((byte) ' ');
    }
    out.putInt(binLength).putInt(0x004E4942).put(bin.array(), 0, geometryBytes).put(png);
    for (int i = 0; i < pad; i++) {
      out.put((byte) 0);
    }
    return out.array();
  }

  /** A 64 × 64 texture: fields in loess and green tones. */
  private static byte[] texture() throws IOException {
    BufferedImage image = new BufferedImage(64, 64, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    for (int y = 0; y < 64; y += 8) {
      for (int x = 0; x < 64; x += 8) {
        g.setColor(((x + y) / 8) % 2 == 0 ? new Color(0xb59f72) : new Color(0x7f9a5c));
        g.fillRect(x, y, 8, 8);
      }
    }
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, "png", out);
    return out.toByteArray();
  }
}
