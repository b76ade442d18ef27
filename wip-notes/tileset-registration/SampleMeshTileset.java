package cn.lzxq.city.data.sample;

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
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The sample's stand-in photogrammetry: a small textured mesh (a {@value #N} × {@value #N} vertex
 * grid draped 0.5 m over the terrain, with a generated PNG texture) written as a 3D Tiles 1.1
 * tileset folder ({@code tileset.json} + {@code mesh.glb}) for {@code city import tileset}. The
 * vertices are given as ECEF offsets from the root transform's translation (no rotation); glTF's y
 * axis is up, so a tile position (x, y, z) is stored as (x, z, −y). Heights are ellipsoidal: the
 * 1985 heights plus the height anomaly given.
 */
public final class SampleMeshTileset {

  /** Vertices per side. */
  static final int N = 11;

  private SampleMeshTileset() {}

  /**
   * Writes the tileset.
   *
   * @param lonLatH per vertex (row-major, {@code N × N}): longitude, latitude (degrees), 1985 height
   *     of the ground (m)
   * @param anomalyM height anomaly ζ, metres
   * @return the folder's tileset.json
   */
  public static Path write(double[][] lonLatH, double anomalyM, Path dir) throws IOException {
    double[][] ecef = new double[N * N][];
    double[] c = new double[3];
    for (int i = 0; i < N * N; i++) {
      ecef[i] = Ecef.of(lonLatH[i][0], lonLatH[i][1], lonLatH[i][2] + 0.5 + anomalyM);
      for (int k = 0; k < 3; k++) {
        c[k] += ecef[i][k] / (N * N);
      }
    }
    ByteBuffer bin = ByteBuffer.allocate(N * N * 20 + (N - 1) * (N - 1) * 12).order(ByteOrder.LITTLE_ENDIAN);
    float[] min = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
    float[] max = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
    double radius = 0;
    for (double[] p : ecef) {
      float[] g = {(float) (p[0] - c[0]), (float) (p[2] - c[2]), (float) -(p[1] - c[1])};
      for (int k = 0; k < 3; k++) {
        bin.putFloat(g[k]);
        min[k] = Math.min(min[k], g[k]);
        max[k] = Math.max(max[k], g[k]);
      }
      radius = Math.max(radius, Math.sqrt(g[0] * g[0] + g[1] * g[1] + g[2] * g[2]));
    }
    for (int r = 0; r < N; r++) {
      for (int col = 0; col < N; col++) {
        bin.putFloat((float) col / (N - 1)).putFloat((float) r / (N - 1));
      }
    }
    for (int r = 0; r + 1 < N; r++) {
      for (int col = 0; col + 1 < N; col++) {
        int a = r * N + col, b = a + 1, d = a + N, e = d + 1;
        bin.putShort((short) a).putShort((short) d).putShort((short) b);
        bin.putShort((short) b).putShort((short) d).putShort((short) e);
      }
    }
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
             "materials":[{"name":"photo","pbrMetallicRoughness":{"baseColorTexture":{"index":0},"metallicFactor":0,"roughnessFactor":1},"doubleSided":true}],
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
            N * N, min[0], min[1], min[2], max[0], max[1], max[2],
            N * N, (N - 1) * (N - 1) * 6,
            N * N * 12, N * N * 12, N * N * 8, N * N * 20, (N - 1) * (N - 1) * 12,
            geometryBytes, png.length, geometryBytes + png.length + pad);
    Files.write(dir.resolve("mesh.glb"), glb(json, bin.array(), geometryBytes, png, pad));
    Path tileset = dir.resolve("tileset.json");
    Files.writeString(
        tileset,
        String.format(
            Locale.ROOT,
            """
            {"asset":{"version":"1.1","generator":"lzxq-city sample (synthetic stand-in for oblique photogrammetry)"},
             "geometricError":200,
             "root":{"transform":[1,0,0,0,0,1,0,0,0,0,1,0,%.4f,%.4f,%.4f,1],
                     "boundingVolume":{"sphere":[0,0,0,%.3f]},"geometricError":0,"refine":"REPLACE",
                     "content":{"uri":"mesh.glb"}}}
            """,
            c[0], c[1], c[2], radius + 1),
        StandardCharsets.UTF_8);
    return tileset;
  }

  private static byte[] glb(String json, byte[] geometry, int geometryBytes, byte[] png, int pad) {
    byte[] j = json.getBytes(StandardCharsets.UTF_8);
    int jsonPad = (4 - j.length % 4) % 4;
    int binLength = geometryBytes + png.length + pad;
    ByteBuffer out =
        ByteBuffer.allocate(12 + 8 + j.length + jsonPad + 8 + binLength).order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0x46546C67).putInt(2).putInt(out.capacity());
    out.putInt(j.length + jsonPad).putInt(0x4E4F534A).put(j);
    for (int i = 0; i < jsonPad; i++) {
      out.put((byte) ' ');
    }
    out.putInt(binLength).putInt(0x004E4942).put(geometry, 0, geometryBytes).put(png);
    for (int i = 0; i < pad; i++) {
      out.put((byte) 0);
    }
    return out.array();
  }

  /** A 64 × 64 texture: a field pattern in loess and green tones. */
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
