package cn.lzxq.city.data.tileset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import cn.lzxq.city.data.cli.CityCli;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.data.sample.SampleMeshTileset;
import com.sun.net.httpserver.HttpServer;
import com.zaxxer.hikari.HikariDataSource;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code city import tileset}: a textured mesh tileset in a local frame (the sample's generator)
 * registered from a folder with {@code --origin} and over HTTP, a georeferenced one moved into the
 * 1985 datum with {@code --heights normal_1985}, registering a name again, and broken tilesets
 * refused with every problem named by file and JSON pointer and nothing written.
 */
class TilesetImportTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final double ZETA = -30;

  private static HikariDataSource db;

  @TempDir static Path tmp;

  private static Path mesh;

  @BeforeAll
  static void schema() throws Exception {
    db = TestDatabase.freshSchema("TilesetImportTest");
    mesh = Files.createDirectories(tmp.resolve("mesh"));
    try (Connection c = db.getConnection()) {
      SampleMeshTileset.write(c, mesh);
    }
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /** --origin: root.transform becomes the east-north-up frame at the origin, h = H + ζ. */
  @Test
  void aLocalTilesetIsPlacedAtItsOrigin() throws Exception {
    String out = cli("import", "tileset", "--name", "mesh", "--origin", origin(), mesh.toString());
    assertThat(out)
        .startsWith("0\n")
        .contains("tileset mesh", "2 files", "/3dtiles/mesh/tileset.json");

    double[] lonLat = lonLat(SampleMeshTileset.ORIGIN_X, SampleMeshTileset.ORIGIN_Y);
    double[] expected =
        Ecef.eastNorthUp(lonLat[0], lonLat[1], SampleMeshTileset.originHeight() + ZETA);
    JsonNode t = storedTileset("mesh");
    for (int i = 0; i < 16; i++) {
      assertThat(t.at("/root/transform").get(i).asDouble())
          .as("transform[%d]", i)
          .isCloseTo(
              expected[i], offset(i >= 12 ? 1e-3 : 1e-9)); // the origin goes through the CLI in mm
    }
    assertThat(
            Sql.strings(
                db,
                "SELECT path FROM external_tileset_file f JOIN external_tileset t"
                    + " ON t.id = f.tileset_id WHERE t.name = 'mesh' ORDER BY path"))
        .containsExactly("mesh.glb", "tileset.json");
    assertThat(bytesOf("mesh", "mesh.glb")).isEqualTo(Files.readAllBytes(mesh.resolve("mesh.glb")));
    assertThat(
            Sql.count(
                db,
                "SELECT count(*) FROM external_tileset WHERE name = 'mesh' AND"
                    + " ST_Contains(geom, ST_SetSRID(ST_MakePoint("
                    + SampleMeshTileset.ORIGIN_X
                    + ", "
                    + SampleMeshTileset.ORIGIN_Y
                    + "), 4544))"))
        .isOne();
  }

  /** The same tileset served over HTTP is registered from its URL; again closes the old version. */
  @Test
  void aTilesetIsRegisteredFromAUrlAndAgainAsANewVersion() throws Exception {
    HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext(
        "/data/",
        x -> {
          Path f = mesh.resolve(x.getRequestURI().getPath().substring("/data/".length()));
          byte[] body = Files.isRegularFile(f) ? Files.readAllBytes(f) : new byte[0];
          x.sendResponseHeaders(body.length > 0 ? 200 : 404, body.length > 0 ? body.length : -1);
          x.getResponseBody().write(body);
          x.close();
        });
    server.start();
    try {
      String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/data/tileset.json";
      assertThat(cli("import", "tileset", "--name", "mesh-url", "--origin", origin(), url))
          .startsWith("0\n");
      assertThat(cli("import", "tileset", "--name", "mesh-url", "--origin", origin(), url))
          .startsWith("0\n");
    } finally {
      server.stop(0);
    }
    assertThat(
            Sql.strings(
                db,
                "SELECT (valid_to IS NULL)::text FROM external_tileset WHERE name ="
                    + " 'mesh-url' ORDER BY id"))
        .containsExactly("false", "true");
    assertThat(bytesOf("mesh-url", "mesh.glb"))
        .isEqualTo(Files.readAllBytes(mesh.resolve("mesh.glb")));
  }

  /**
   * A georeferenced tileset (ECEF root transform) whose heights are 1985 heights: moved by ζ along
   * the ellipsoid normal, so its centre's ellipsoidal height drops by 30 m and nothing else moves.
   */
  @Test
  void aGeoreferencedTilesetWith1985HeightsIsMovedByTheHeightAnomaly() throws Exception {
    Path geo = Files.createDirectories(tmp.resolve("geo"));
    Files.copy(mesh.resolve("mesh.glb"), geo.resolve("mesh.glb"));
    ObjectNode t = (ObjectNode) JSON.readTree(mesh.resolve("tileset.json").toFile());
    double[] lonLat = lonLat(SampleMeshTileset.ORIGIN_X, SampleMeshTileset.ORIGIN_Y);
    double[] enu = Ecef.eastNorthUp(lonLat[0], lonLat[1], SampleMeshTileset.originHeight());
    var transform = ((ObjectNode) t.get("root")).putArray("transform");
    for (double v : enu) {
      transform.add(v);
    }
    Files.write(geo.resolve("tileset.json"), JSON.writeValueAsBytes(t));

    assertThat(
            cli("import", "tileset", "--name", "geo", "--heights", "normal_1985", geo.toString()))
        .startsWith("0\n");

    JsonNode stored = storedTileset("geo");
    double[] c = {
      stored.at("/root/transform/12").asDouble(),
      stored.at("/root/transform/13").asDouble(),
      stored.at("/root/transform/14").asDouble()
    };
    double[] g = Ecef.geodetic(c);
    assertThat(g[0]).isCloseTo(lonLat[0], offset(1e-9));
    assertThat(g[1]).isCloseTo(lonLat[1], offset(1e-9));
    assertThat(g[2]).isCloseTo(SampleMeshTileset.originHeight() + ZETA, offset(0.001));
    for (int i = 0; i < 12; i++) {
      assertThat(stored.at("/root/transform/" + i).asDouble()).isCloseTo(enu[i], offset(1e-12));
    }
  }

  @Test
  void brokenTilesetsAreRefusedWithEveryProblemAndNothingIsWritten() throws Exception {
    Path bad = Files.createDirectories(tmp.resolve("bad"));
    Files.writeString(bad.resolve("fake.b3dm"), "not a b3dm at all");
    Files.writeString(bad.resolve("child.json"), "{\"asset\": {\"version\": \"1.1\"}");
    Files.writeString(
        bad.resolve("tileset.json"),
        """
        {"asset": {"version": "2.0"}, "geometricError": 10,
         "root": {"boundingVolume": {"box": [0, 0, 0]}, "geometricError": 20, "refine": "REPLACE",
          "children": [
           {"boundingVolume": {"sphere": [0, 0, 0, 5]}, "geometricError": 1, "content": {"uri": "missing.glb"}},
           {"boundingVolume": {"sphere": [0, 0, 0, 5]}, "geometricError": 1, "content": {"uri": "../outside.glb"}},
           {"boundingVolume": {"sphere": [0, 0, 0, 5]}, "geometricError": 1, "content": {"uri": "fake.b3dm"}},
           {"boundingVolume": {"sphere": [0, 0, 0, 5]}, "geometricError": 1, "content": {"uri": "child.json"}}
          ]}}
        """);
    String before = snapshot();

    String out = cli("import", "tileset", "--name", "bad", bad.toString());

    assertThat(out).startsWith("1\n");
    assertThat(lastErr)
        .contains("tileset.json /asset/version: '2.0' is not a 3D Tiles version")
        .contains("tileset.json /root/geometricError: larger than its parent's (10.0)")
        .contains("tileset.json /root/boundingVolume: box (12 numbers), region (6) or sphere (4)")
        .contains("missing.glb: no such file")
        .contains(
            "tileset.json /root/children/1/content/uri: '../outside.glb' is not a relative path")
        .contains("fake.b3dm: not a b3dm file (magic)")
        .contains("child.json: not JSON")
        .contains("problem(s); nothing written");
    assertThat(snapshot()).isEqualTo(before);
  }

  @Test
  void aLocalTilesetWithoutOriginAndReservedNamesAreRefused() throws Exception {
    String before = snapshot();
    assertThat(cli("import", "tileset", "--name", "nowhere", mesh.toString())).startsWith("1\n");
    assertThat(lastErr)
        .contains("not in the service area: a tileset in a local frame needs --origin");
    assertThat(cli("import", "tileset", "--name", "city", "--origin", origin(), mesh.toString()))
        .startsWith("1\n");
    assertThat(lastErr).contains("name 'city'");
    assertThat(
            cli("import", "tileset", "--name", "Bad Name", "--origin", origin(), mesh.toString()))
        .startsWith("1\n");
    assertThat(snapshot()).isEqualTo(before);
  }

  private static String origin() {
    return String.format(
        Locale.ROOT,
        "%.3f,%.3f,%.3f",
        SampleMeshTileset.ORIGIN_X,
        SampleMeshTileset.ORIGIN_Y,
        SampleMeshTileset.originHeight());
  }

  private static String snapshot() throws Exception {
    return Sql.strings(
            db,
            "SELECT (SELECT count(*) FROM external_tileset) || ' ' || (SELECT count(*) FROM"
                + " external_tileset_file)")
        .get(0);
  }

  private static double[] lonLat(double x, double y) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT ST_X(g), ST_Y(g) FROM ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4544), 4490) g")) {
      p.setDouble(1, x);
      p.setDouble(2, y);
      try (ResultSet rs = p.executeQuery()) {
        rs.next();
        return new double[] {rs.getDouble(1), rs.getDouble(2)};
      }
    }
  }

  private static JsonNode storedTileset(String name) throws Exception {
    return JSON.readTree(bytesOf(name, "tileset.json"));
  }

  private static byte[] bytesOf(String name, String path) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT body FROM external_tileset_file f JOIN external_tileset t ON t.id ="
                    + " f.tileset_id WHERE t.name = ? AND t.valid_to IS NULL AND f.path = ?")) {
      p.setString(1, name);
      p.setString(2, path);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).as(name + "/" + path).isTrue();
        return rs.getBytes(1);
      }
    }
  }

  private static String lastErr = "";

  /** Runs the CLI on this class's schema; returns "exit code\nstandard output" (stderr kept). */
  private static String cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--database-url",
            System.getenv(TestDatabase.ENV),
            "--schema",
            "t_tilesetimporttest",
            "--height-anomaly=" + ZETA));
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      int code = CityCli.run(all.toArray(String[]::new));
      return code + "\n" + out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
      lastErr = err.toString(StandardCharsets.UTF_8);
    }
  }
}
