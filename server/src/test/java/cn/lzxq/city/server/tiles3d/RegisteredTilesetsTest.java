package cn.lzxq.city.server.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import cn.lzxq.city.data.sample.SampleLoader;
import cn.lzxq.city.data.sample.SampleMeshTileset;
import cn.lzxq.city.data.terrain.SampleTerrain;
import cn.lzxq.city.data.tileset.Ecef;
import cn.lzxq.city.server.support.GeneratedSampleContextTest;
import cn.lzxq.city.server.support.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The sample's registered tileset ({@code sample_mesh}, a textured mesh in a local frame placed
 * with {@code --origin}) over HTTP: listed by {@code /3dtiles}, its tileset.json valid against the
 * 3D Tiles schema, its glb clean in the Khronos glTF validator, served with ETags (304) and a short
 * must-revalidate lifetime; every vertex, taken through the served root transform to longitude,
 * latitude and ellipsoidal height, lies {@value SampleMeshTileset#LIFT_M} m above the terrain at h
 * = H(1985) + ζ.
 */
class RegisteredTilesetsTest extends GeneratedSampleContextTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  @TempDir Path tmp;

  private String base() {
    return "http://localhost:" + port + "/3dtiles";
  }

  @Test
  void theCatalogListsTheRegisteredTilesetWithItsExtent() throws Exception {
    JsonNode list = JSON.readTree(Http.get(base()).body());
    JsonNode mesh = null;
    for (JsonNode t : list) {
      if (t.get("name").asString().equals(SampleLoader.MESH_TILESET)) {
        mesh = t;
      }
    }
    assertThat(mesh).isNotNull();
    assertThat(mesh.get("url").asString()).isEqualTo("/3dtiles/sample_mesh/tileset.json");
    assertThat(mesh.get("note").asString()).contains("synthetic");
    double[] o = originLonLat();
    assertThat(mesh.get("extent").get(0).asDouble()).isLessThan(o[0]);
    assertThat(mesh.get("extent").get(2).asDouble()).isGreaterThan(o[0]);
    assertThat(mesh.get("extent").get(1).asDouble()).isLessThan(o[1]);
    assertThat(mesh.get("extent").get(3).asDouble()).isGreaterThan(o[1]);
  }

  @Test
  void theFilesAreValidAndCached() throws Exception {
    HttpResponse<byte[]> tileset = get(base() + "/sample_mesh/tileset.json", null);
    assertThat(tileset.statusCode()).isEqualTo(200);
    assertThat(tileset.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/json");
    assertThat(tileset.headers().firstValue("Cache-Control").orElseThrow())
        .contains("must-revalidate");
    // the bundled tileset.schema.json's oneOf (schema / schemaUri) refuses a tileset with
    // neither, so its root tile and asset are checked against their own schemas
    JsonNode served = JSON.readTree(tileset.body());
    NodeValidators.assertValidJson(
        "tile.schema.json",
        List.of(Files.write(tmp.resolve("root.json"), JSON.writeValueAsBytes(served.get("root")))));
    NodeValidators.assertValidJson(
        "asset.schema.json",
        List.of(
            Files.write(tmp.resolve("asset.json"), JSON.writeValueAsBytes(served.get("asset")))));

    HttpResponse<byte[]> glb = get(base() + "/sample_mesh/mesh.glb", null);
    assertThat(glb.statusCode()).isEqualTo(200);
    assertThat(glb.headers().firstValue("Content-Type")).hasValue("model/gltf-binary");
    NodeValidators.assertValidGlbs(List.of(Files.write(tmp.resolve("mesh.glb"), glb.body())));
    String etag = glb.headers().firstValue("ETag").orElseThrow();
    assertThat(get(base() + "/sample_mesh/mesh.glb", etag).statusCode()).isEqualTo(304);

    assertThat(get(base() + "/sample_mesh/nothing.glb", null).statusCode()).isEqualTo(404);
    assertThat(get(base() + "/no_such_tileset/tileset.json", null).statusCode()).isEqualTo(404);
  }

  /** Every vertex through the served transform: 0.5 m above the terrain at h = H + ζ (−30 m). */
  @Test
  void theMeshStandsOnTheTerrainInTheCitysHeightDatum() throws Exception {
    JsonNode tileset = JSON.readTree(get(base() + "/sample_mesh/tileset.json", null).body());
    double[] m = new double[16];
    for (int i = 0; i < 16; i++) {
      m[i] = tileset.at("/root/transform").get(i).asDouble();
    }
    double[] origin = Ecef.geodetic(new double[] {m[12], m[13], m[14]});
    double[] o = originLonLat();
    assertThat(origin[0]).isCloseTo(o[0], offset(1e-8));
    assertThat(origin[1]).isCloseTo(o[1], offset(1e-8));
    assertThat(origin[2])
        .isCloseTo(SampleMeshTileset.originHeight() + SampleLoader.MESH_ANOMALY_M, offset(0.005));

    float[] positions = positions(get(base() + "/sample_mesh/mesh.glb", null).body());
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT ST_X(g), ST_Y(g) FROM ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4490),"
                    + " 4544) g")) {
      for (int k = 0; k < positions.length; k += 3) {
        // glTF y up: the tile's (x, y, z) is glTF's (x, −z, y)
        double[] local = {positions[k], -positions[k + 2], positions[k + 1]};
        double[] g = Ecef.geodetic(Ecef.apply(m, local));
        p.setDouble(1, g[0]);
        p.setDouble(2, g[1]);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          double ground = SampleTerrain.elevation(rs.getDouble(1), rs.getDouble(2));
          assertThat(g[2] - SampleLoader.MESH_ANOMALY_M - ground)
              .as("vertex %d", k / 3)
              .isCloseTo(SampleMeshTileset.LIFT_M, offset(0.02));
        }
      }
    }
  }

  private static double[] originLonLat() throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT ST_X(g), ST_Y(g) FROM ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4544),"
                    + " 4490) g")) {
      p.setDouble(1, SampleMeshTileset.ORIGIN_X);
      p.setDouble(2, SampleMeshTileset.ORIGIN_Y);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return new double[] {rs.getDouble(1), rs.getDouble(2)};
      }
    }
  }

  /** The POSITION accessor (accessor 0, buffer view 0) of a glb, as floats. */
  private static float[] positions(byte[] glb) {
    ByteBuffer b = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
    int jsonLength = b.getInt(12);
    JsonNode gltf = JSON.readTree(new String(glb, 20, jsonLength, StandardCharsets.UTF_8));
    int bin = 20 + jsonLength + 8;
    JsonNode view = gltf.at("/bufferViews/0");
    int count = gltf.at("/accessors/0/count").asInt();
    float[] out = new float[3 * count];
    for (int i = 0; i < out.length; i++) {
      out[i] = b.getFloat(bin + view.path("byteOffset").asInt() + 4 * i);
    }
    return out;
  }

  private static HttpResponse<byte[]> get(String url, String ifNoneMatch) throws Exception {
    HttpRequest.Builder r = HttpRequest.newBuilder(URI.create(url)).GET();
    if (ifNoneMatch != null) {
      r.header("If-None-Match", ifNoneMatch);
    }
    return Http.send(r.build(), HttpResponse.BodyHandlers.ofByteArray());
  }
}
