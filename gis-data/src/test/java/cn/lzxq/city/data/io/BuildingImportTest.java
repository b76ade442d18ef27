package cn.lzxq.city.data.io;

import static cn.lzxq.city.data.io.IoTestSupport.importFiles;
import static cn.lzxq.city.data.io.IoTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.io.qa.QaCode;
import cn.lzxq.city.data.io.qa.QaIssue;
import cn.lzxq.city.data.io.qa.QaReport;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code building} layer imported from GeoJSON, GeoPackage, shapefile (both written by GDAL's
 * ogr2ogr) and CityJSON LOD1/LOD2; bad input is reported by file and feature number and nothing is
 * written.
 */
class BuildingImportTest {

  /** The three buildings of building_4544.geojson as stored: code, use, floors, heights, area. */
  private static final List<String> GEOJSON_BUILDINGS =
      List.of(
          "XQ-A-01-B1 residential 6 18.50 - XQ-A-01 2019 existing 360 0",
          "XQ-A-01-B2 commercial 3 - - XQ-A-01 - planned 600 0",
          "XQ-A-01-B3 office - 45.00 48.20 XQ-A-01 2021 under_construction 700 0");

  private static final String ROWS =
      """
      SELECT building_code || ' ' || building_use || ' ' || coalesce(floors::text, '-') || ' '
             || coalesce(height_m::text, '-') || ' ' || coalesce(roof_height_m::text, '-') || ' '
             || coalesce(parcel_code, '-') || ' ' || coalesce(build_year::text, '-') || ' ' || status
             || ' ' || round(ST_Area(geom)) || ' ' || ST_ZMin(geom)
      FROM building WHERE valid_to IS NULL ORDER BY building_code""";

  private HikariDataSource db;

  @TempDir Path tmp;

  @BeforeEach
  void schema() throws Exception {
    db = IoTestSupport.schema("BuildingImportTest");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void geoJsonInEpsg4544() throws Exception {
    QaReport report = importFiles(db, resource("building_4544.geojson"));

    assertThat(report.errors()).isEmpty();
    assertThat(report.written()).containsEntry("building", 3L);
    assertThat(Sql.strings(db, ROWS)).containsExactlyElementsOf(GEOJSON_BUILDINGS);
  }

  @Test
  void geoPackageWrittenByOgr2ogr() throws Exception {
    Path gpkg = tmp.resolve("buildings.gpkg");
    IoTestSupport.run(
        "ogr2ogr",
        "-f",
        "GPKG",
        "-nln",
        "building",
        gpkg.toString(),
        resource("building_4544.geojson").toString());

    QaReport report = importFiles(db, gpkg);

    assertThat(report.errors()).isEmpty();
    assertThat(Sql.strings(db, ROWS)).containsExactlyElementsOf(GEOJSON_BUILDINGS);
  }

  @Test
  void shapefileWithTruncatedFieldNamesAndItsPrj() throws Exception {
    Path shp = tmp.resolve("building.shp");
    IoTestSupport.run(
        "ogr2ogr",
        "-f",
        "ESRI Shapefile",
        shp.toString(),
        resource("building_4544.geojson").toString());
    assertThat(Files.readString(tmp.resolve("building.dbf"), StandardCharsets.ISO_8859_1))
        .as("the DBF keeps 10 characters of building_code")
        .contains("building_c")
        .doesNotContain("building_co");

    QaReport report = importFiles(db, shp);

    assertThat(report.errors()).isEmpty();
    assertThat(report.issues()).isEmpty();
    assertThat(report.written()).containsEntry("building", 3L);
    assertThat(Sql.strings(db, ROWS)).containsExactlyElementsOf(GEOJSON_BUILDINGS);
    assertThat(Sql.strings(db, "SELECT DISTINCT change_note FROM building"))
        .containsExactly("import building.shp");
  }

  @Test
  void shapefileWithoutPrjIsRejected() throws Exception {
    Path shp = tmp.resolve("building.shp");
    IoTestSupport.run(
        "ogr2ogr",
        "-f",
        "ESRI Shapefile",
        shp.toString(),
        resource("building_4544.geojson").toString());
    Files.delete(tmp.resolve("building.prj"));

    QaReport report = importFiles(db, shp);

    assertThat(report.errors())
        .extracting(QaIssue::file, QaIssue::row, QaIssue::code)
        .containsExactly(tuple("building.shp", 0L, QaCode.FILE));
    assertThat(report.errors().get(0).message()).contains("building.prj");
    assertThat(Sql.count(db, "SELECT count(*) FROM building")).isZero();
  }

  /**
   * The gabled house: 10 × 8 m, ground 1950 m, eaves 6 m, ridge 9 m → GB 50352 height (6 + 9) / 2 =
   * 7.5 m; the warehouse is a LOD1 part of 20 × 10 m with a measured height of 11 m.
   */
  @Test
  void cityJsonLod2RoofsAndLod1Parts() throws Exception {
    QaReport report = importFiles(db, resource("house_lod2.city.json"));

    assertThat(report.errors()).isEmpty();
    assertThat(report.written()).containsEntry("building", 2L);
    assertThat(Sql.strings(db, ROWS))
        .containsExactly(
            "XQ-A-02-H1 residential 2 7.50 9.00 XQ-A-02 2012 existing 80 1950",
            "XQ-A-02-W1 warehouse - 11.00 - - - existing 200 1948");
    assertThat(
            Sql.strings(
                db,
                """
        SELECT building_code || ' ' || coalesce(ST_NumGeometries(lod2)::text, 'LOD1') || ' '
               || coalesce(ST_ZMax(lod2)::text, '-') || ' ' || coalesce(round(ST_Area(lod2))::text, '-')
        FROM building ORDER BY building_code"""))
        .as("walls and roofs, not the ground: 4 walls + 2 roof planes; roofs' plan area = 80 m²")
        .containsExactly("XQ-A-02-H1 6 1959 80", "XQ-A-02-W1 LOD1 - -");
  }

  @Test
  void badCityJsonVertexIndexIsNumberedAndNothingIsWritten() throws Exception {
    String json =
        Files.readString(resource("house_lod2.city.json"), StandardCharsets.UTF_8)
            .replace("[[14, 15, 16, 17]]", "[[14, 15, 16, 99]]");
    Path file = Files.writeString(tmp.resolve("bad.city.json"), json);

    QaReport report = importFiles(db, resource("building_4544.geojson"), file);

    assertThat(report.errors())
        .extracting(QaIssue::file, QaIssue::row, QaIssue::column, QaIssue::code)
        .containsExactly(tuple("bad.city.json", 2L, "geometry", QaCode.GEOMETRY));
    assertThat(report.errors().get(0).message()).contains("vertex index 99");
    assertThat(Sql.count(db, "SELECT count(*) FROM building")).isZero();
  }

  @Test
  void badGeoJsonRowsAreAllReportedWithTheirNumber() throws Exception {
    String json =
        Files.readString(resource("building_4544.geojson"), StandardCharsets.UTF_8)
            .replace("\"building_use\": \"commercial\", ", "")
            .replace("\"height_m\": 45.0", "\"height_m\": \"tall\"")
            .replace(
                "[383510, 4041710], [383540, 4041710], [383540, 4041722]",
                "[383510, 4041710], [383540, 4041722], [383540, 4041710]");
    Path file = Files.writeString(tmp.resolve("building.geojson"), json);

    QaReport report = importFiles(db, file);

    assertThat(report.errors())
        .extracting(QaIssue::row, QaIssue::column, QaIssue::code)
        .containsExactly(
            tuple(1L, "geometry", QaCode.GEOMETRY),
            tuple(2L, "building_use", QaCode.MISSING_FIELD),
            tuple(3L, "height_m", QaCode.NOT_A_NUMBER));
    assertThat(Sql.count(db, "SELECT count(*) FROM building")).isZero();
  }

  @Test
  void aBuildingWithNeitherHeightNorFloorsIsRejectedByTheDatabaseWithItsRow() throws Exception {
    String json =
        Files.readString(resource("building_4544.geojson"), StandardCharsets.UTF_8)
            .replace("\"floors\": 3, ", "");
    Path file = Files.writeString(tmp.resolve("building.geojson"), json);

    QaReport report = importFiles(db, file);

    assertThat(report.errors())
        .extracting(QaIssue::row, QaIssue::code)
        .containsExactly(tuple(2L, QaCode.DATABASE));
    assertThat(Sql.count(db, "SELECT count(*) FROM building")).isZero();
  }
}
