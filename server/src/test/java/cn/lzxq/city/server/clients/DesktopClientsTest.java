package cn.lzxq.city.server.clients;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.ScratchDatabase;
import cn.lzxq.city.server.wfs.Fixture;
import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Real desktop clients from Debian against the running test server, each driven by a Python script
 * under {@code src/test/python} that checks every answer and prints one {@code ok} line per case:
 * OWSLib 0.27 (python3-owslib) over WMS 1.1.1/1.3.0, WFS 1.0.0/1.1.0/2.0.0 and OGC API Features,
 * and QGIS 3.22 (qgis, python3-qgis) headless under {@code xvfb-run} loading WMS, WFS 2.0 and OAPIF
 * layers, rendering a map and committing a WFS-T edit as an editor. QGIS runs on Qt's offscreen
 * platform; it needs no display (it segfaults in {@code exitQgis()} when layers are still
 * referenced, which the script avoids — a client-side teardown fault, not an answer of ours).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DesktopClientsTest {

  private static final Path SCRIPTS = Path.of("src/test/python");
  private static HikariDataSource db;

  @LocalServerPort int port;

  @TempDir Path dir;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("DesktopClientsTest", registry);
    Fixture.load(db);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /**
   * Runs a command; its output when it exits 0 within the time, else a failed assertion with the
   * output.
   */
  private static String run(ProcessBuilder command) throws Exception {
    String line = String.join(" ", command.command());
    Process p = command.redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(300, TimeUnit.SECONDS)).as(line).isTrue();
    assertThat(p.exitValue()).as(line + "\n" + out).isZero();
    return out;
  }

  private String base() {
    return "http://localhost:" + port;
  }

  @Test
  void owsLibReadsEveryVersionOfWmsWfsAndOgcApiFeatures() throws Exception {
    String out =
        run(
            new ProcessBuilder(
                "/usr/bin/python3",
                SCRIPTS.resolve("owslib_client.py").toString(),
                base(),
                "pipe_js",
                "101"));

    assertThat(out)
        .contains(
            "ok WMS 1.1.1 capabilities",
            "ok WMS 1.3.0 capabilities",
            "ok WMS 1.1.1 GetFeatureInfo",
            "ok WMS 1.3.0 GetFeatureInfo",
            "ok WMS 1.1.1 and 1.3.0 maps of the same window are identical",
            "ok WMS 1.1.1 error: ServiceExceptionReport version=\"1.1.1\" code=\"InvalidSRS\"",
            "ok WMS 1.3.0 error: ServiceExceptionReport version=\"1.3.0\" code=\"InvalidCRS\"");
    for (String v : List.of("1.0.0", "1.1.0", "2.0.0")) {
      assertThat(out)
          .contains(
              "ok WFS " + v + " capabilities",
              "ok WFS " + v + " GetFeature: 5 features = /api/layers count",
              "ok WFS " + v + " GetFeature FEATUREID=pipe_js.101: 1 feature");
    }
    assertThat(out).contains("ok WFS 2.0.0 stored queries", "ok OGC API Features:");
  }

  @Test
  void qgisLoadsRendersAndCommitsAWfsTEdit() throws Exception {
    Path png = dir.resolve("qgis.png");
    ProcessBuilder qgis =
        new ProcessBuilder(
            "/usr/bin/python3",
            SCRIPTS.resolve("qgis_client.py").toString(),
            base(),
            "pipe_js",
            "102",
            "editor_sw",
            "pw-editor_sw",
            png.toString());
    qgis.environment().put("QT_QPA_PLATFORM", "offscreen");
    String out = run(qgis);

    assertThat(out)
        .contains(
            "ok WMS layer valid",
            "ok WMTS layer valid",
            "ok WFS 2.0 layer: 5 features",
            "ok WMTS map rendered",
            "ok OAPIF layer: 5 features",
            "ok map rendered",
            "ok WFS-T commit as editor_sw: dn_mm 200 -> 237",
            "ok OGC API reads dn_mm = 237 back");
    assertThat(out)
        .as("the WFS 2.0 schema gives QGIS a line layer with its CRS")
        .containsPattern("ok WFS 2.0 layer: (Multi)?LineString\\S* in EPSG:4544");
    assertThat(ImageIO.read(new File(png.toString())).getWidth()).isEqualTo(512);
    assertThat(
            Sql.strings(
                db,
                "SELECT dn_mm || ' ' || changed_by FROM pipe_segment WHERE fid = 102 AND valid_to IS NULL"))
        .containsExactly("237 editor_sw");
    assertThat(Files.size(png)).isGreaterThan(1000);
  }
}
