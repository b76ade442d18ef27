package cn.lzxq.city.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real client: GDAL/OGR from Debian (package gdal-bin) lists our layers over WFS and OGC API
 * Features and downloads a whole layer through paging with the database's count and coordinates.
 */
class GdalClientTest extends SmallCityContextTest {

  private static String run(String... command) throws IOException, InterruptedException {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(180, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    return out;
  }

  @Test
  void ogrinfoListsEveryLayerOverWfsAndOgcApi() throws Exception {
    String wfs = run("ogrinfo", "-ro", "-so", "WFS:http://localhost:" + port + "/wfs");
    String oapif = run("ogrinfo", "-ro", "-so", "OAPIF:http://localhost:" + port + "/ogcapi");

    for (String layer :
        List.of("pipe_js", "pipe_point", "base_station", "zoning_parcel", "construction_project")) {
      assertThat(wfs).contains("city:" + layer);
      assertThat(oapif).contains(layer);
    }
  }

  @Test
  void ogrMakesLayersOfTheDeclaredGeometryKindForEachWfsVersion(@TempDir Path dir)
      throws Exception {
    // WFS 2.0 declares GML 3.2 lines as gml:CurvePropertyType marked "restricted to LineString",
    // which GDAL reads as LineString; 1.1.0 and 1.0.0 declare gml:LineStringPropertyType.
    for (String version : List.of("2.0.0", "1.1.0", "1.0.0")) {
      String url = "WFS:http://localhost:" + port + "/wfs?VERSION=" + version;
      assertThat(run("ogrinfo", "-ro", "-so", url, "city:pipe_js"))
          .as(version)
          .containsPattern("Geometry: (3D )?Line String");
      assertThat(run("ogrinfo", "-ro", "-so", url, "city:pipe_point"))
          .as(version)
          .containsPattern("Geometry: (3D )?Point");
      assertThat(run("ogrinfo", "-ro", "-so", url, "city:zoning_parcel"))
          .as(version)
          .containsPattern("Geometry: (3D )?Multi Polygon");
    }
    Path gpkg = dir.resolve("pipes.gpkg");
    run(
        "ogr2ogr",
        "-f",
        "GPKG",
        gpkg.toString(),
        "WFS:http://localhost:" + port + "/wfs?VERSION=2.0.0",
        "city:pipe_js",
        "-nln",
        "pipe_js");
    assertThat(run("ogrinfo", "-ro", "-so", gpkg.toString(), "pipe_js"))
        .containsPattern("Geometry: (3D )?Line String");
  }

  @Test
  void ogr2ogrDownloadsAWholeLayerThroughPagingWithTheDatabasesCoordinates(@TempDir Path dir)
      throws Exception {
    Path wfsCsv = dir.resolve("wfs.csv");
    Path apiCsv = dir.resolve("api.csv");
    run(
        "ogr2ogr",
        "-f",
        "CSV",
        wfsCsv.toString(),
        "WFS:http://localhost:" + port + "/wfs",
        "city:pipe_js",
        "--config",
        "OGR_WFS_PAGING_ALLOWED",
        "ON",
        "--config",
        "OGR_WFS_PAGE_SIZE",
        "2",
        "-lco",
        "GEOMETRY=AS_WKT");
    run(
        "ogr2ogr",
        "-f",
        "CSV",
        apiCsv.toString(),
        "OAPIF:http://localhost:" + port + "/ogcapi",
        "pipe_js",
        "-oo",
        "PAGE_SIZE=2",
        "-lco",
        "GEOMETRY=AS_WKT");

    List<String> expected =
        Sql.strings(
            db,
            "SELECT round(ST_X(ST_StartPoint(geom))::numeric, 3) || ' '"
                + " || round(ST_Y(ST_StartPoint(geom))::numeric, 3) FROM pipe_segment WHERE network = 'JS' AND valid_to IS NULL ORDER BY fid");
    assertThat(expected).as("the small city's five water pipes take three pages of two").hasSize(5);
    assertThat(startPoints(wfsCsv, 3)).containsExactlyElementsOf(expected);
    List<String> lonLat =
        Sql.strings(
            db,
            "SELECT round(ST_X(ST_StartPoint(g))::numeric, 7) || ' ' || round(ST_Y(ST_StartPoint(g))::numeric, 7)"
                + " FROM (SELECT fid, ST_Transform(geom, 4326) g FROM pipe_segment WHERE network = 'JS' AND valid_to IS NULL) x ORDER BY fid");
    assertThat(startPoints(apiCsv, 7)).containsExactlyElementsOf(lonLat);
  }

  /** The first vertex of each row's WKT, rounded. */
  private static List<String> startPoints(Path csv, int decimals) throws IOException {
    List<String> out = new ArrayList<>();
    for (String line : Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
      String coords = line.substring(line.indexOf('(') + 1);
      String[] xy = coords.split("[ ,)]");
      out.add(
          new java.math.BigDecimal(xy[0]).setScale(decimals, java.math.RoundingMode.HALF_UP)
              + " "
              + new java.math.BigDecimal(xy[1]).setScale(decimals, java.math.RoundingMode.HALF_UP));
    }
    return out;
  }
}
