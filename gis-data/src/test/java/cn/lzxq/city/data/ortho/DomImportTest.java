package cn.lzxq.city.data.ortho;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
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
 * written by GDAL's {@code gdal_create} here, are warped to the native CRS and stored as versions
 * with their block pyramid; bad files are refused with a file-numbered message.
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
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as(out).isZero();
    return file;
  }

  private static OrthoImage read(Path file) throws DomImportException {
    return new DomImporter().read(file, 1, 4544, ServiceArea.LANZHOU_NEW_AREA);
  }

  private static long write(OrthoImage image, String source) throws Exception {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      long id = DomStore.write(c, image, 4544, source, "test image", "tester");
      c.commit();
      return id;
    }
  }

  /** 600 × 500 px of 2 m at 383500 E, 4041800 N (EPSG:4544): RGB (200, 100, 50). */
  @Test
  void geoTiffInEpsg4544IsStoredWithItsPyramid() throws Exception {
    Path tif =
        create(
            "dom4544.tif", "EPSG:4544", "383500 4041800 384700 4040800", "600 500",
            "-bands", "3", "-burn", "200", "-burn", "100", "-burn", "50");

    OrthoImage image = read(tif);
    long id = write(image, "dom4544.tif");

    assertThat(image.x0()).isCloseTo(383500, within(1e-6));
    assertThat(image.y0()).isCloseTo(4041800, within(1e-6));
    assertThat(image.pixelM()).isCloseTo(2, within(1e-9));
    assertThat(Sql.strings(db, "SELECT width || 'x' || height || ' ' || levels || ' ' || ST_AsText(geom) FROM dom WHERE id = " + id))
        .containsExactly("600x500 3 POLYGON((383500 4040800,383500 4041800,384700 4041800,384700 4040800,383500 4040800))");
    assertThat(Sql.strings(db, "SELECT level || ':' || count(*) FROM dom_tile WHERE dom_id = " + id + " GROUP BY level ORDER BY level"))
        .as("3 × 2 blocks of 256 px, then 2 × 1, then one")
        .containsExactly("0:6", "1:2", "2:1");
    BufferedImage block = block(id, 0, 1, 2);
    assertThat(block.getWidth()).isEqualTo(600 - 512);
    assertThat(block.getHeight()).isEqualTo(500 - 256);
    assertThat(Integer.toHexString(block.getRGB(10, 10))).isEqualTo("ffc86432");
    assertThat(Integer.toHexString(block(id, 2, 0, 0).getRGB(20, 20))).isEqualTo("ffc86432");
  }

  /**
   * 40 × 40 px of 0.0001° at 103.70°E, 36.51°N (EPSG:4490), warped to EPSG:4544 (about 9 m ×
   * 11 m pixels become square ones); the new version closes the previous one.
   */
  @Test
  void geoTiffInEpsg4490IsWarpedToTheNativeCrsAndBecomesTheCurrentVersion() throws Exception {
    Path tif =
        create(
            "dom4490.tif", "EPSG:4490", "103.70 36.51 103.704 36.506", "40 40",
            "-bands", "3", "-burn", "10", "-burn", "20", "-burn", "30");
    write(read(create("first.tif", "EPSG:4544", "383500 4041800 383600 4041700", "50 50", "-bands", "1", "-burn", "90")), "first.tif");

    OrthoImage image = read(tif);
    long id = write(image, "dom4490.tif");

    List<String> corner =
        Sql.strings(
            db,
            "SELECT round(ST_X(p)::numeric, 1) || ' ' || round(ST_Y(p)::numeric, 1) FROM"
                + " (SELECT ST_Transform(ST_SetSRID(ST_MakePoint(103.70, 36.51), 4490), 4544) p) s");
    String[] xy = corner.get(0).split(" ");
    assertThat(image.x0()).isCloseTo(Double.parseDouble(xy[0]), within(image.pixelM()));
    assertThat(image.y0()).isCloseTo(Double.parseDouble(xy[1]), within(image.pixelM()));
    assertThat(image.pixelM()).isBetween(8.0, 12.0);
    int centre = image.argb()[image.height() / 2 * image.width() + image.width() / 2];
    assertThat(Integer.toHexString(centre)).isEqualTo("ff0a141e");
    assertThat(Sql.strings(db, "SELECT id FROM dom WHERE valid_to IS NULL")).containsExactly(String.valueOf(id));
    assertThat(Sql.count(db, "SELECT count(*) FROM dom WHERE valid_to IS NOT NULL")).isPositive();
  }

  @Test
  void jpeg2000IsRead() throws Exception {
    Path tif =
        create("src.tif", "EPSG:4544", "383500 4041800 383628 4041672", "64 64",
            "-bands", "3", "-burn", "0", "-burn", "128", "-burn", "255");
    Path jp2 = tmp.resolve("dom.jp2");
    Process p =
        new ProcessBuilder("gdal_translate", "-q", "-of", "JP2OpenJPEG", "-co", "QUALITY=100",
                "-co", "REVERSIBLE=YES", tif.toString(), jp2.toString())
            .redirectErrorStream(true)
            .start();
    assertThat(p.waitFor()).isZero();

    OrthoImage image = read(jp2);

    assertThat(image.width()).isEqualTo(64);
    assertThat(Integer.toHexString(image.argb()[32 * 64 + 32])).isEqualTo("ff0080ff");
  }

  @Test
  void badFilesAreRefusedWithAFileNumberedMessage() throws Exception {
    Path noCrs = create("nocrs.tif", null, "0 64 64 0", "64 64", "-bands", "3");
    assertThatThrownBy(() -> read(noCrs))
        .isInstanceOf(DomImportException.class)
        .hasMessageStartingWith("file 1 (" + noCrs + "): the raster has no coordinate reference system");
    Path deep = create("uint16.tif", "EPSG:4544", "383500 4041800 383628 4041672", "64 64", "-bands", "1", "-ot", "UInt16");
    assertThatThrownBy(() -> read(deep)).hasMessageContaining("band 1 is UInt16, not 8-bit");
    Path far = create("far.tif", "EPSG:4544", "500000 3000000 500128 2999872", "64 64", "-bands", "3");
    assertThatThrownBy(() -> read(far)).hasMessageContaining("outside the service area");
    Path text = Files.writeString(tmp.resolve("notes.tif"), "not an image");
    assertThatThrownBy(() -> read(text)).hasMessageContaining("GDAL cannot read it as an image");
    assertThat(Sql.count(db, "SELECT count(*) FROM dom WHERE source IN ('nocrs.tif', 'uint16.tif', 'far.tif')")).isZero();
  }

  private static BufferedImage block(long id, int level, int row, int col) throws Exception {
    try (Connection c = db.getConnection();
        var ps = c.prepareStatement("SELECT png FROM dom_tile WHERE dom_id = ? AND level = ? AND row = ? AND col = ?")) {
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
