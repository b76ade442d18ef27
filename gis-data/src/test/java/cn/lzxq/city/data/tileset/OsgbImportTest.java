package cn.lzxq.city.data.tileset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import cn.lzxq.city.data.cli.CityCli;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code city import osgb}: a small ContextCapture-style OSGB folder generated here with
 * OpenSceneGraph's {@code osgconv} (a textured 100 m quad as {@code Data/Tile_0/Tile_0_L18.osgb},
 * paged in by the PagedLOD of {@code Data/Tile_0/Tile_0.osgb} at 200 px) becomes a registered 3D
 * Tiles tileset: the PagedLOD's tree, its switch as a geometric error, the quad as a textured glb
 * (z up → glTF y up); a broken .osgb is refused and nothing is written.
 */
class OsgbImportTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static HikariDataSource db;

  @TempDir static Path tmp;

  @BeforeAll
  static void schema() {
    db = TestDatabase.freshSchema("OsgbImportTest");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aPagedLodFolderBecomesATexturedTileset() throws Exception {
    Path dir = osgbFolder("good");

    String out =
        cli(
            "import",
            "osgb",
            "--name",
            "oblique",
            "--origin",
            "383700,4041900,1950",
            dir.toString());

    assertThat(out).startsWith("0\n").contains("tileset oblique", "2 files");
    JsonNode t = JSON.readTree(body("tileset.json"));
    JsonNode tile = t.at("/root/children/0");
    assertThat(tile.has("content")).as("the root file has no geometry of its own").isFalse();
    assertThat(tile.at("/boundingVolume/sphere").toString()).isEqualTo("[50.0,50.0,0.0,71.0]");
    assertThat(tile.get("geometricError").asDouble())
        .as("2 r 16 / 200 px")
        .isCloseTo(2 * 71.0 * 16 / 200, offset(1e-9));
    JsonNode leaf = tile.at("/children/0");
    assertThat(leaf.at("/content/uri").asString()).isEqualTo("Data/Tile_0/Tile_0_L18.glb");
    assertThat(leaf.get("geometricError").asDouble()).isZero();
    assertThat(t.at("/root/transform").size()).as("placed at the origin").isEqualTo(16);

    byte[] glb = body("Data/Tile_0/Tile_0_L18.glb");
    ByteBuffer b = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
    assertThat(b.getInt(0)).isEqualTo(0x46546C67);
    JsonNode gltf = JSON.readTree(new String(glb, 20, b.getInt(12), StandardCharsets.UTF_8));
    assertThat(gltf.at("/accessors/0/count").asInt()).isEqualTo(4);
    assertThat(gltf.at("/accessors/0/min").toString()).isEqualTo("[0.0,0.0,-100.0]");
    assertThat(gltf.at("/accessors/0/max").toString()).isEqualTo("[100.0,0.0,-0.0]");
    assertThat(gltf.at("/images/0/mimeType").asString()).isEqualTo("image/png");
    assertThat(gltf.at("/materials/0/pbrMetallicRoughness/baseColorTexture/index").asInt())
        .isZero();
  }

  @Test
  void aBrokenOsgbIsRefusedAndNothingIsWritten() throws Exception {
    Path dir = osgbFolder("bad");
    Files.writeString(dir.resolve("Data/Tile_0/Tile_0_L18.osgb"), "not a scene");
    long before = Sql.count(db, "SELECT count(*) FROM external_tileset");

    String out =
        cli(
            "import",
            "osgb",
            "--name",
            "broken",
            "--origin",
            "383700,4041900,1950",
            dir.toString());

    assertThat(out).startsWith("1\n");
    assertThat(lastErr).contains("Data/Tile_0/Tile_0_L18.osgb: osgconv cannot convert it");
    assertThat(Sql.count(db, "SELECT count(*) FROM external_tileset")).isEqualTo(before);
  }

  /** Data/Tile_0/Tile_0.osgb (a PagedLOD) paging in Tile_0_L18.osgb (a textured 100 m quad). */
  private static Path osgbFolder(String name) throws Exception {
    Path dir = tmp.resolve(name);
    Path tile = Files.createDirectories(dir.resolve("Data/Tile_0"));
    Path src = Files.createDirectories(tmp.resolve(name + "-src"));
    BufferedImage image = new BufferedImage(16, 16, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(new Color(0xb59f72));
    g.fillRect(0, 0, 16, 16);
    g.dispose();
    ImageIO.write(image, "png", src.resolve("tex.png").toFile());
    Files.writeString(src.resolve("quad.mtl"), "newmtl m\nKd 1 1 1\nmap_Kd tex.png\n");
    Files.writeString(
        src.resolve("quad.obj"),
        "mtllib quad.mtl\nv 0 0 0\nv 100 0 0\nv 100 100 0\nv 0 100 0\n"
            + "vt 0 0\nvt 1 0\nvt 1 1\nvt 0 1\nusemtl m\nf 1/1 2/2 3/3\nf 1/1 3/3 4/4\n");
    // noRotation: OSG's OBJ reader would turn y up into z up; the scene is z up already
    osgconv(
        src,
        "-O",
        "noRotation WriteImageHint=IncludeData",
        "quad.obj",
        tile.resolve("Tile_0_L18.osgb").toString());
    Files.writeString(
        src.resolve("root.osgt"),
        """
        #Ascii Scene
        #Version 161
        #Generator OpenSceneGraph 3.6.5

        osg::PagedLOD {
          UniqueID 1
          CenterMode USER_DEFINED_CENTER
          UserCenter 50 50 0 71
          RangeMode PIXEL_SIZE_ON_SCREEN
          RangeList 2 {
            0 200
            200 1e+30
          }
          DatabasePath TRUE ""
          RangeDataList 2 {
            ""
            "Tile_0_L18.osgb"
          }
          PriorityList 2 {
            0 1
            0 1
          }
          Children 1 {
            osg::Geode {
              UniqueID 2
            }
          }
        }
        """);
    osgconv(src, "root.osgt", tile.resolve("Tile_0.osgb").toString());
    return dir;
  }

  private static void osgconv(Path cwd, String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("osgconv"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(cwd.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    assertThat(out).contains("Data written");
  }

  private static byte[] body(String path) throws Exception {
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT body FROM external_tileset_file f JOIN external_tileset t ON t.id ="
                    + " f.tileset_id WHERE t.name = 'oblique' AND t.valid_to IS NULL AND f.path = ?")) {
      p.setString(1, path);
      try (ResultSet rs = p.executeQuery()) {
        assertThat(rs.next()).as(path).isTrue();
        return rs.getBytes(1);
      }
    }
  }

  private static String lastErr = "";

  private static String cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of(
            "--database-url",
            System.getenv(TestDatabase.ENV),
            "--schema",
            "t_osgbimporttest",
            "--height-anomaly=-30"));
    PrintStream stdout = System.out;
    PrintStream stderr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      return CityCli.run(all.toArray(String[]::new)) + "\n" + out.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(stdout);
      System.setErr(stderr);
      lastErr = err.toString(StandardCharsets.UTF_8);
    }
  }
}
