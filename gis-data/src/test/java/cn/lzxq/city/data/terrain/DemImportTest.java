package cn.lzxq.city.data.terrain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.data.sample.SampleScale;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code city import dem} with real GeoTIFFs made by gdal_translate/gdalwarp: the sample terrain
 * georeferenced in EPSG:4544 (1985 heights) and in EPSG:4490 (ellipsoidal heights, ζ = −30 m),
 * compared at random positions with the terrain's formula (positions projected by PostGIS); bad
 * files fail with a file-numbered message and write nothing.
 */
class DemImportTest {

  private static final double ZETA = -30;

  private static HikariDataSource db;

  @TempDir static Path tmp;

  private static Path gk;

  @BeforeAll
  static void files() throws Exception {
    db = TestDatabase.freshSchema("DemImportTest");
    Path vrt = SampleTerrain.writeVrt(SampleScale.SMALL, tmp);
    gk = tmp.resolve("dem4544.tif");
    gdal("gdal_translate", "-q", vrt.toString(), gk.toString());
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aGeoTiffInEpsg4544WithNationalHeightsBecomesTheCurrentVersion() throws Exception {
    long id = importFile(gk, HeightReference.NORMAL_1985);
    assertThat(Sql.count(db, "SELECT count(*) FROM dem WHERE valid_to IS NULL")).isEqualTo(1);
    assertThat(Sql.count(db, "SELECT id FROM dem WHERE valid_to IS NULL")).isEqualTo(id);
    assertMatchesTheTerrain(id, 0.15);
  }

  @Test
  void aGeoTiffInEpsg4490WithEllipsoidalHeightsIsStoredIn1985Heights() throws Exception {
    Path geographic = tmp.resolve("dem4490.tif");
    Path ellipsoidal = tmp.resolve("dem4490h.tif");
    gdal(
        "gdalwarp",
        "-q",
        "-overwrite",
        "-t_srs",
        "EPSG:4490",
        "-r",
        "bilinear",
        gk.toString(),
        geographic.toString());
    gdal(
        "gdal_translate",
        "-q",
        "-ot",
        "Float32",
        "-scale",
        "0",
        "1",
        String.valueOf(ZETA),
        String.valueOf(ZETA + 1),
        geographic.toString(),
        ellipsoidal.toString());
    long before = Sql.count(db, "SELECT count(*) FROM dem");
    long id = importFile(ellipsoidal, HeightReference.ELLIPSOIDAL);
    assertThat(Sql.count(db, "SELECT count(*) FROM dem")).isEqualTo(before + 1);
    assertThat(Sql.count(db, "SELECT count(*) FROM dem WHERE valid_to IS NULL")).isEqualTo(1);
    assertMatchesTheTerrain(id, 0.2);
  }

  @Test
  void badFilesFailWithTheirNumberAndWriteNothing() throws Exception {
    Path text = tmp.resolve("notes.tif");
    Files.writeString(text, "not a raster");
    Path noCrs = tmp.resolve("nocrs.tif");
    Path bare = tmp.resolve("bare.vrt");
    Files.writeString(
        bare, Files.readString(tmp.resolve("dem.vrt")).replaceAll("<SRS>.*</SRS>", ""));
    gdal("gdal_translate", "-q", bare.toString(), noCrs.toString());
    Path millimetres = tmp.resolve("mm.tif");
    gdal(
        "gdal_translate",
        "-q",
        "-ot",
        "Float32",
        "-scale",
        "0",
        "1",
        "0",
        "1000",
        gk.toString(),
        millimetres.toString());
    Path elsewhere = tmp.resolve("elsewhere.tif");
    gdal(
        "gdal_translate",
        "-q",
        "-a_srs",
        "EPSG:4490",
        "-a_ullr",
        "116.3",
        "39.95",
        "116.4",
        "39.9",
        gk.toString(),
        elsewhere.toString());
    long before =
        Sql.count(db, "SELECT count(*) FROM dem") + Sql.count(db, "SELECT count(*) FROM dem_tile");
    DemImporter importer = new DemImporter();
    assertThatThrownBy(
            () ->
                importer.read(
                    text, 3, HeightReference.NORMAL_1985, ZETA, ServiceArea.LANZHOU_NEW_AREA))
        .isInstanceOf(DemImportException.class)
        .hasMessageStartingWith("file 3 (" + text + "): GDAL cannot read it");
    assertThatThrownBy(
            () ->
                importer.read(
                    noCrs, 1, HeightReference.NORMAL_1985, ZETA, ServiceArea.LANZHOU_NEW_AREA))
        .isInstanceOf(DemImportException.class)
        .hasMessageContaining("file 1 (")
        .hasMessageContaining("no coordinate reference system");
    assertThatThrownBy(
            () ->
                importer.read(
                    millimetres,
                    1,
                    HeightReference.NORMAL_1985,
                    ZETA,
                    ServiceArea.LANZHOU_NEW_AREA))
        .isInstanceOf(DemImportException.class)
        .hasMessageContaining("not metres");
    assertThatThrownBy(
            () ->
                importer.read(
                    elsewhere, 2, HeightReference.NORMAL_1985, ZETA, ServiceArea.LANZHOU_NEW_AREA))
        .isInstanceOf(DemImportException.class)
        .hasMessageStartingWith("file 2 (")
        .hasMessageContaining("outside the service area");
    assertThatThrownBy(
            () ->
                importer.read(
                    tmp.resolve("missing.tif"),
                    1,
                    HeightReference.NORMAL_1985,
                    ZETA,
                    ServiceArea.LANZHOU_NEW_AREA))
        .isInstanceOf(DemImportException.class)
        .hasMessageContaining("no such file");
    assertThat(
            Sql.count(db, "SELECT count(*) FROM dem")
                + Sql.count(db, "SELECT count(*) FROM dem_tile"))
        .isEqualTo(before);
  }

  @Test
  void aFailedWriteLeavesThePreviousVersionCurrent() throws Exception {
    long id = importFile(gk, HeightReference.NORMAL_1985);
    DemRaster raster =
        new DemImporter()
            .read(gk, 1, HeightReference.NORMAL_1985, ZETA, ServiceArea.LANZHOU_NEW_AREA);
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      DemStore.write(c, raster, "x", null); // changed_by is NOT NULL: the insert fails
      c.commit();
    } catch (java.sql.SQLException expected) {
      // the transaction is rolled back when the connection closes uncommitted
    }
    assertThat(Sql.count(db, "SELECT id FROM dem WHERE valid_to IS NULL")).isEqualTo(id);
  }

  private static long importFile(Path file, HeightReference reference) throws Exception {
    DemRaster raster =
        new DemImporter().read(file, 1, reference, ZETA, ServiceArea.LANZHOU_NEW_AREA);
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      long id = DemStore.write(c, raster, file.getFileName().toString(), "test");
      c.commit();
      return id;
    }
  }

  /**
   * Stored heights at 300 random positions of the window against {@link SampleTerrain#elevation}.
   */
  private static void assertMatchesTheTerrain(long id, double toleranceM) throws Exception {
    Random random = new Random(17);
    try (Connection c = db.getConnection();
        PreparedStatement p =
            c.prepareStatement(
                "SELECT ST_X(g), ST_Y(g) FROM ST_Transform(ST_SetSRID(ST_MakePoint(?, ?), 4544), 4490) g")) {
      DemVersion v = DemStore.current(c);
      assertThat(v.id()).isEqualTo(id);
      java.util.Map<Long, float[]> blocks = new java.util.HashMap<>();
      DemGrid.Pixels pixels =
          (col, row) -> {
            try {
              int t = v.tileSize();
              long key = (long) (row / t) << 32 | (col / t);
              float[] block = blocks.get(key);
              if (block == null) {
                block = DemStore.block(c, id, row / t, col / t);
                blocks.put(key, block);
              }
              int w = Math.min(t, v.grid().width() - (col / t) * t);
              return block[(row % t) * w + col % t];
            } catch (java.sql.SQLException e) {
              throw new IllegalStateException(e);
            }
          };
      for (int i = 0; i < 300; i++) {
        double x = 383_528.620 + (random.nextDouble() - 0.5) * 3_000;
        double y = 4_041_810.525 + (random.nextDouble() - 0.5) * 3_000;
        p.setDouble(1, x);
        p.setDouble(2, y);
        try (ResultSet rs = p.executeQuery()) {
          rs.next();
          double stored = v.grid().sample(rs.getDouble(1), rs.getDouble(2), pixels);
          assertThat(stored)
              .as("at %.1f %.1f", x, y)
              .isCloseTo(
                  SampleTerrain.elevation(x, y), org.assertj.core.data.Offset.offset(toleranceM));
        }
      }
    }
  }

  private static void gdal(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes());
    assertThat(p.waitFor()).as(String.join(" ", command) + "\n" + out).isZero();
  }
}
