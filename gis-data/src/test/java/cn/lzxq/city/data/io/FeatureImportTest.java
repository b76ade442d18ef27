package cn.lzxq.city.data.io;

import static cn.lzxq.city.data.io.IoTestSupport.checksums;
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

class FeatureImportTest {

  private HikariDataSource db;

  @TempDir Path tmp;

  @BeforeEach
  void schema() throws Exception {
    db = IoTestSupport.schema("FeatureImportTest");
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void geoJsonInCrs84IsTransformedToTheNativeCrsByPostgis() throws Exception {
    QaReport report = importFiles(db, resource("base_station.geojson"));

    assertThat(report.errors()).isEmpty();
    assertThat(report.written()).containsEntry("base_station", 2L);
    assertThat(report.issues())
        .extracting(QaIssue::row, QaIssue::column, QaIssue::code)
        .containsExactly(tuple(1L, "vendor_note", QaCode.UNKNOWN_PROPERTY));
    assertThat(
            Sql.strings(
                db,
                """
        SELECT site_code || ' ' || round(ST_X(ST_Transform(geom, 4326))::numeric, 7) || ' '
               || round(ST_Y(ST_Transform(geom, 4326))::numeric, 7) || ' ' || ST_Z(geom) || ' ' || tenants::text
               || ' ' || tower_height_m || ' ' || status || ' ' || ST_SRID(geom)
        FROM base_station ORDER BY site_code"""))
        .containsExactly(
            "LZXQ-BS-0001 103.7012345 36.5023456 1952.5 {CMCC,CUCC,CTCC} 35.00 in_use 4544",
            "LZXQ-BS-0002 103.7112345 36.5123456 0 {CMCC} 40.50 in_use 4544");
  }

  @Test
  void legacyGeoJsonWithAnEpsg4544CrsMemberIsReadInThatCrs() throws Exception {
    QaReport report =
        IoTestSupport.importLayer(db, "zoning_parcel", resource("zoning_parcel_4544.geojson"));

    assertThat(report.errors()).isEmpty();
    assertThat(
            Sql.strings(
                db,
                "SELECT parcel_code || ' ' || land_use_code || ' ' || approval_date || ' ' || ST_AsText(geom)"
                    + " FROM zoning_parcel"))
        .containsExactly(
            "XQ-A-01 R2 2019-06-30 MULTIPOLYGON Z (((383500 4041700 0,"
                + "383600 4041700 0,383600 4041800 0,383500 4041800 0,383500 4041700 0)))");
  }

  @Test
  void geoPackageWrittenByOgr2ogrImports() throws Exception {
    Path gpkg = tmp.resolve("stations.gpkg");
    IoTestSupport.run(
        "ogr2ogr", "-f", "GPKG", gpkg.toString(), resource("base_station.geojson").toString());

    QaReport report = importFiles(db, gpkg);

    assertThat(report.errors()).isEmpty();
    assertThat(report.written()).containsEntry("base_station", 2L);
    assertThat(
            Sql.strings(
                db,
                "SELECT site_code || ' ' || round(ST_X(ST_Transform(geom, 4326))::numeric, 7) || ' '"
                    + " || round(ST_Y(ST_Transform(geom, 4326))::numeric, 7) || ' ' || tenants::text || ' ' || build_year"
                    + " || ' ' || change_note FROM base_station ORDER BY site_code"))
        .containsExactly(
            "LZXQ-BS-0001 103.7012345 36.5023456 {CMCC,CUCC,CTCC} 2019 import stations.gpkg[base_station]",
            "LZXQ-BS-0002 103.7112345 36.5123456 {CMCC} 2020 import stations.gpkg[base_station]");
  }

  @Test
  void badValuesUnknownCodesAndMissingFieldsAreAllReportedWithTheirFeatureNumber()
      throws Exception {
    String json =
        Files.readString(resource("base_station.geojson"), StandardCharsets.UTF_8)
            .replace(
                "\"owner\": \"CT-GS\", \"build_year\": 2019",
                "\"owner\": \"NOPE\", \"build_year\": 2019")
            .replace("\"tower_height_m\": 40.5", "\"tower_height_m\": \"tall\"")
            .replace("\"site_name\": \"纬十三路站\", ", "");
    Path file = Files.writeString(tmp.resolve("base_station.geojson"), json);

    QaReport report = importFiles(db, file);

    assertThat(report.errors())
        .extracting(QaIssue::row, QaIssue::column, QaIssue::code)
        .containsExactly(
            tuple(1L, "owner", QaCode.UNKNOWN_OWNER),
            tuple(2L, "tower_height_m", QaCode.NOT_A_NUMBER),
            tuple(2L, "site_name", QaCode.MISSING_FIELD));
    assertThat(Sql.count(db, "SELECT count(*) FROM base_station")).isZero();
  }

  @Test
  void featuresOutsideTheServiceAreaAreRejected() throws Exception {
    String json =
        Files.readString(resource("base_station.geojson"), StandardCharsets.UTF_8)
            .replace("103.7112345", "113.7112345");

    QaReport report = importFiles(db, Files.writeString(tmp.resolve("base_station.geojson"), json));

    assertThat(report.errors())
        .extracting(QaIssue::row, QaIssue::column, QaIssue::code)
        .containsExactly(tuple(2L, "geometry", QaCode.OUTSIDE_SERVICE_AREA));
  }

  @Test
  void aNonFiniteCoordinateIsARowNumberedGeometryError() throws Exception {
    String json =
        Files.readString(resource("base_station.geojson"), StandardCharsets.UTF_8)
            .replace("103.7112345", "1e400");

    QaReport report = importFiles(db, Files.writeString(tmp.resolve("base_station.geojson"), json));

    assertThat(report.errors())
        .extracting(QaIssue::row, QaIssue::column, QaIssue::code)
        .containsExactly(tuple(2L, "geometry", QaCode.GEOMETRY));
    assertThat(report.errors().get(0).message()).contains("not a finite number");
    assertThat(Sql.count(db, "SELECT count(*) FROM base_station")).isZero();
  }

  @Test
  void aRowTheDatabaseRejectsRollsBackTheWholeImportAndNamesTheRow() throws Exception {
    importFiles(db, resource("points_zh.csv"));
    List<String> before = checksums(db);
    String json =
        Files.readString(resource("base_station.geojson"), StandardCharsets.UTF_8)
            .replace("\"tower_height_m\": 40.5", "\"tower_height_m\": -5");
    Path stations = Files.writeString(tmp.resolve("base_station.geojson"), json);

    QaReport report = importFiles(db, resource("lines_zh.csv"), stations);

    assertThat(report.errors())
        .extracting(QaIssue::file, QaIssue::row, QaIssue::code)
        .containsExactly(tuple("base_station.geojson", 2L, QaCode.DATABASE));
    assertThat(report.errors().get(0).message()).contains("base_station_tower_height_m_check");
    assertThat(checksums(db)).isEqualTo(before);
  }

  @Test
  void reImportingAGeoJsonLayerMakesNewVersionsOfTheSameFeatures() throws Exception {
    importFiles(db, resource("base_station.geojson"));
    List<String> fids = Sql.strings(db, "SELECT fid::text FROM base_station ORDER BY site_code");
    String json =
        Files.readString(resource("base_station.geojson"), StandardCharsets.UTF_8)
            .replace("北斗路站", "北斗路新站");

    importFiles(db, Files.writeString(tmp.resolve("stations.json"), json));

    assertThat(
            Sql.strings(
                db,
                "SELECT fid || ' ' || site_name || ' ' || (valid_to IS NULL) FROM base_station"
                    + " WHERE site_code = 'LZXQ-BS-0001' ORDER BY version_id"))
        .containsExactly(fids.get(0) + " 北斗路站 false", fids.get(0) + " 北斗路新站 true");
    assertThat(
            Sql.strings(
                db, "SELECT fid::text FROM base_station WHERE valid_to IS NULL ORDER BY site_code"))
        .isEqualTo(fids);
  }

  @Test
  void aFileThatNamesNoLayerNeedsTheLayerOption() throws Exception {
    Path file = Files.copy(resource("zoning_parcel_4544.geojson"), tmp.resolve("parcels.geojson"));

    QaReport without = importFiles(db, file);
    QaReport with =
        new CityImporter(db)
            .importFiles(
                List.of(file),
                ImportOptions.defaults("tester").withLayer("zoning_parcel"),
                ProgressSink.NONE);

    assertThat(without.errors()).extracting(QaIssue::code).containsExactly(QaCode.FILE);
    assertThat(with.written()).containsEntry("zoning_parcel", 1L);
  }
}
