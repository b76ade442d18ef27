package cn.lzxq.city.data.ortho;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.cli.CityCli;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code city import dom}: GeoTIFFs (and a JPEG2000) georeferenced in EPSG:4544 and EPSG:4490,
 * written here by GDAL's {@code gdal_create}/{@code gdal_translate}, are warped to the native CRS
 * and stored as versions with their block pyramid, logging a change over the old and new extents;
 * bad files are refused with a file-numbered message and nothing is written.
 */
class DomImportTest {

  private static HikariDataSource db;

  @TempDir Path tmp;

  @BeforeAll
  static void schema() {
    db = TestDatabase.freshSchema("DomImportTest");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /** 600 × 500 px of 2 m at 383500 E, 4041800 N (EPSG:4544): RGB (200, 100, 50). */
  @Test
  void geoTiffInEpsg4544IsStoredWithItsPyramid() throws Exception {
    Path tif =
        create(
            "dom4544.tif",
            "EPSG:4544",
            "383500 4041800 384700 4040800",
            "600 500",
            "-bands",
            "3",
            "-burn",
            "200",
            "-burn",
            "100",
            "-burn",
            "50");

    long id;
    try (DomRaster raster = read(tif)) {
      assertThat(raster.x0()).isCloseTo(383500, within(1e-6));
      assertThat(raster.y0()).isCloseTo(4041800, within(1e-6));
      assertThat(raster.pixelM()).isCloseTo(2, within(1e-9));
      assertThat(raster.width()).isEqualTo(600);
      assertThat(raster.height()).isEqualTo(500);
      id = write(raster, "dom4544.tif");
    }

    assertThat(
            Sql.strings(
                db,
                "SELECT width || 'x' || height || ' ' || levels || ' ' || ST_AsText(geom) FROM dom"
                    + " WHERE id = "
                    + id))
        .containsExactly(
            "600x500 3 POLYGON((383500 4040800,383500 4041800,384700 4041800,384700 4040800,383500"
                + " 4040800))");
    assertThat(
            Sql.strings(
                db,
                "SELECT level || ':' || count(*) FROM dom_tile WHERE dom_id = "
                    + id
                    + " GROUP BY level ORDER BY level"))
        .as("3 × 2 blocks of 256 px (600 × 500), then 2 × 1 (300 × 250), then one (150 × 125)")
        .containsExactly("0:6", "1:2", "2:1");
    BufferedImage edge = block(id, 0, 1, 2);
    assertThat(edge.getWidth()).isEqualTo(600 - 512);
    assertThat(edge.getHeight()).isEqualTo(500 - 256);
    assertThat(Integer.toHexString(edge.getRGB(10, 10))).isEqualTo("ffc86432");
    BufferedImage top = block(id, 2, 0, 0);
    assertThat(top.getWidth()).isEqualTo(150);
    assertThat(top.getHeight()).isEqualTo(125);
    assertThat(Integer.toHexString(top.getRGB(20, 20))).isEqualTo("ffc86432");
  }

  /**
   * 40 × 40 px of 0.0001° at 103.70°E, 36.51°N (EPSG:4490), warped to EPSG:4544 (about 9 m × 11 m
   * pixels become square ones, the corners of the warped box transparent); the new version closes
   * the previous one and the change log covers both extents in CGCS2000 degrees.
   */
  @Test
  void geoTiffInEpsg4490IsWarpedToTheNativeCrsAndBecomesTheCurrentVersion() throws Exception {
    Path first =
        create(
            "first.tif",
            "EPSG:4544",
            "383500 4041800 383600 4041700",
            "50 50",
            "-bands",
            "1",
            "-burn",
            "90");
    long firstId;
    try (DomRaster raster = read(first)) {
      assertThat(raster.bands()).as("grey + alpha").isEqualTo(2);
      assertThat(Integer.toHexString(raster.rows(0, 25, 1)[25])).isEqualTo("ff5a5a5a");
      firstId = write(raster, "first.tif");
    }
    long seq = Sql.count(db, "SELECT coalesce(max(seq), 0) FROM tile_change");
    Path tif =
        create(
            "dom4490.tif",
            "EPSG:4490",
            "103.70 36.51 103.704 36.506",
            "40 40",
            "-bands",
            "3",
            "-burn",
            "10",
            "-burn",
            "20",
            "-burn",
            "30");

    long id;
    try (DomRaster raster = read(tif)) {
      List<String> corner =
          Sql.strings(
              db,
              "SELECT round(ST_X(p)::numeric, 1) || ' ' || round(ST_Y(p)::numeric, 1) FROM"
                  + " (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(103.70, 36.51), 4490), 4544) p) s");
      String[] xy = corner.get(0).split(" ");
      assertThat(raster.x0()).isCloseTo(Double.parseDouble(xy[0]), within(raster.pixelM()));
      assertThat(raster.y0()).isCloseTo(Double.parseDouble(xy[1]), within(raster.pixelM()));
      assertThat(raster.pixelM()).isBetween(8.0, 12.0);
      int mid = raster.height() / 2;
      assertThat(Integer.toHexString(raster.rows(0, mid, 1)[raster.width() / 2]))
          .isEqualTo("ff0a141e");
      id = write(raster, "dom4490.tif");
    }

    assertThat(Sql.strings(db, "SELECT id FROM dom WHERE valid_to IS NULL"))
        .containsExactly(String.valueOf(id));
    assertThat(
            Sql.count(
                db, "SELECT count(*) FROM dom WHERE valid_to IS NOT NULL AND id = " + firstId))
        .isOne();
    assertThat(
            Sql.strings(
                db,
                "SELECT layer || ' ' || (west <= 103.70 + 1e-4 AND east >= 103.704 - 1e-4 AND south"
                    + " <= 36.506 + 1e-4 AND north >= 36.51 - 1e-4) FROM tile_change WHERE seq > "
                    + seq
                    + " ORDER BY west"))
        .as(
            "the closed version's box (east of it at 383600 E, 103.7008°E) and the new one's,"
                + " which covers the source's to a pixel (gdalwarp's extent is sampled)")
        .containsExactly("orthophoto false", "orthophoto true");
    assertThat(
            Sql.count(
                db,
                "SELECT count(*) FROM tile_change c, dom d WHERE c.seq > "
                    + seq
                    + " AND d.id = "
                    + firstId
                    + " AND ST_Covers(ST_MakeEnvelope(c.west, c.south, c.east, c.north, 4490),"
                    + " ST_Transform(d.geom, 4490))"))
        .isOne();
  }

  @Test
  void jpeg2000IsRead() throws Exception {
    Path tif =
        create(
            "src.tif",
            "EPSG:4544",
            "383500 4041800 383628 4041672",
            "64 64",
            "-bands",
            "3",
            "-burn",
            "0",
            "-burn",
            "128",
            "-burn",
            "255");
    Path jp2 = tmp.resolve("dom.jp2");
    gdal(
        "gdal_translate",
        "-q",
        "-of",
        "JP2OpenJPEG",
        "-co",
        "QUALITY=100",
        "-co",
        "REVERSIBLE=YES",
        tif.toString(),
        jp2.toString());

    try (DomRaster raster = read(jp2)) {
      assertThat(raster.width()).isEqualTo(64);
      assertThat(Integer.toHexString(raster.rows(0, 32, 1)[32])).isEqualTo("ff0080ff");
    }
  }

  @Test
  void badFilesAreRefusedWithAFileNumberedMessage() throws Exception {
    Path noCrs = create("nocrs.tif", null, "0 64 64 0", "64 64", "-bands", "3");
    assertThatThrownBy(() -> read(noCrs))
        .isInstanceOf(DomImportException.class)
        .hasMessageStartingWith(
            "file 1 (" + noCrs + "): the raster has no coordinate reference system");
    Path deep =
        create(
            "uint16.tif",
            "EPSG:4544",
            "383500 4041800 383628 4041672",
            "64 64",
            "-bands",
            "1",
            "-ot",
            "UInt16");
    assertThatThrownBy(() -> read(deep)).hasMessageContaining("band 1 is UInt16, not 8-bit");
    Path twoBands =
        create("two.tif", "EPSG:4544", "383500 4041800 383628 4041672", "64 64", "-bands", "2");
    assertThatThrownBy(() -> read(twoBands))
        .hasMessageContaining("band 2 of 2 is")
        .hasMessageContaining("not alpha");
    create("grey.tif", "EPSG:4544", "383500 4041800 383628 4041672", "64 64", "-bands", "1");
    Path palette =
        Files.writeString(
            tmp.resolve("palette.vrt"),
            """
            <VRTDataset rasterXSize="64" rasterYSize="64">
              <SRS>EPSG:4544</SRS>
              <GeoTransform>383500, 2, 0, 4041800, 0, -2</GeoTransform>
              <VRTRasterBand dataType="Byte" band="1">
                <ColorInterp>Palette</ColorInterp>
                <ColorTable><Entry c1="0" c2="90" c3="0" c4="255"/></ColorTable>
                <SimpleSource>
                  <SourceFilename relativeToVRT="1">grey.tif</SourceFilename>
                  <SourceBand>1</SourceBand>
                </SimpleSource>
              </VRTRasterBand>
            </VRTDataset>
            """);
    assertThatThrownBy(() -> read(palette)).hasMessageContaining("band 1 is a palette");
    Path far =
        create("far.tif", "EPSG:4544", "500000 3000000 500128 2999872", "64 64", "-bands", "3");
    assertThatThrownBy(() -> read(far)).hasMessageContaining("outside the service area");
    Path text = Files.writeString(tmp.resolve("notes.tif"), "not an image");
    assertThatThrownBy(() -> read(text)).hasMessageContaining("GDAL cannot read it as a raster");
    assertThatThrownBy(() -> read(tmp.resolve("missing.tif"))).hasMessageContaining("no such file");
  }

  /**
   * The command: a good file becomes the current version (exit 0); a bad one exits 1 with the
   * file-numbered message and writes nothing.
   */
  @Test
  void theCommandImportsOrRefusesAndWritesNothing() throws Exception {
    Path good =
        create(
            "cli.tif",
            "EPSG:4544",
            "383500 4041800 383628 4041672",
            "64 64",
            "-bands",
            "3",
            "-burn",
            "1",
            "-burn",
            "2",
            "-burn",
            "3");
    String out = cli("import", "dom", good.toString(), "--note", "test", "--user", "surveyor");
    assertThat(out).startsWith("0\n").contains("orthophoto version", "64 x 64 pixels of 2.000 m");
    assertThat(
            Sql.strings(
                db,
                "SELECT source || ' ' || note || ' ' || changed_by FROM dom WHERE valid_to IS NULL"))
        .containsExactly("cli.tif test surveyor");

    String before =
        Sql.strings(
                db,
                "SELECT count(*) || ' ' || (SELECT count(*) FROM dom_tile) || ' ' ||"
                    + " (SELECT count(*) FROM tile_change) FROM dom")
            .get(0);
    Path far =
        create("cli-far.tif", "EPSG:4544", "500000 3000000 500128 2999872", "64 64", "-bands", "3");
    assertThat(cli("import", "dom", far.toString())).startsWith("1\n");
    assertThat(
            Sql.strings(
                    db,
                    "SELECT count(*) || ' ' || (SELECT count(*) FROM dom_tile) || ' ' ||"
                        + " (SELECT count(*) FROM tile_change) FROM dom")
                .get(0))
        .isEqualTo(before);
  }

  private Path create(String name, String srs, String ullr, String size, String... extra)
      throws Exception {
    List<String> cmd = new ArrayList<>(List.of("gdal_create", "-of", "GTiff", "-outsize"));
    cmd.addAll(List.of(size.split(" ")));
    cmd.addAll(List.of(extra));
    if (srs != null) {
      cmd.addAll(List.of("-a_srs", srs));
    }
    cmd.add("-a_ullr");
    cmd.addAll(List.of(ullr.split(" ")));
    Path file = tmp.resolve(name);
    cmd.add(file.toString());
    gdal(cmd.toArray(String[]::new));
    return file;
  }

  private static void gdal(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
  }

  private static DomRaster read(Path file) throws DomImportException {
    return new DomImporter().read(file, 1, 4544, ServiceArea.LANZHOU_NEW_AREA);
  }

  private static long write(DomRaster raster, String source) throws Exception {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      long id = DomStore.write(c, raster, 4544, source, "test image", "tester");
      c.commit();
      return id;
    }
  }

  /** Runs the CLI on this class's schema; returns "exit code\nstandard output". */
  private static String cli(String... args) {
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(
        List.of("--database-url", System.getenv(TestDatabase.ENV), "--schema", "t_domimporttest"));
    PrintStream stdout = System.out;
    ByteArrayOutputStream captured = new ByteArrayOutputStream();
    System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
    try {
      int code = CityCli.run(all.toArray(String[]::new));
      return code + "\n" + captured.toString(StandardCharsets.UTF_8);
    } finally {
      System.setOut(stdout);
    }
  }

  private static BufferedImage block(long id, int level, int row, int col) throws Exception {
    try (Connection c = db.getConnection();
        var ps =
            c.prepareStatement(
                "SELECT png FROM dom_tile WHERE dom_id = ? AND level = ? AND row = ? AND col = ?")) {
      ps.setLong(1, id);
      ps.setInt(2, level);
      ps.setInt(3, row);
      ps.setInt(4, col);
      try (var rs = ps.executeQuery()) {
        assertThat(rs.next()).isTrue();
        return ImageIO.read(new ByteArrayInputStream(rs.getBytes(1)));
      }
    }
  }
}
