package cn.lzxq.city.data.io;

import static cn.lzxq.city.data.io.IoTestSupport.importFiles;
import static cn.lzxq.city.data.io.IoTestSupport.resource;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.io.qa.QaReport;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class ExportTest {

  /**
   * The columns that differ between a database and its round trip (versioning) or are compared as
   * geometry.
   */
  private static final String NOT_COMPARED =
      "'{version_id,fid,valid_from,valid_to,changed_by,changed_at,change_note,geom,red_line}'::text[]";

  private static HikariDataSource db;
  private static Instant beforeEdit;

  @TempDir Path tmp;

  @BeforeAll
  static void cityWithEveryLayer() throws Exception {
    db = IoTestSupport.schema("ExportTest");
    importFiles(
        db,
        resource("points_zh.csv"),
        resource("lines_zh.csv"),
        resource("points_en_gbk.csv"),
        resource("lines_en_gbk.csv"),
        resource("base_station.geojson"));
    IoTestSupport.importLayer(db, "zoning_parcel", resource("zoning_parcel_4544.geojson"));
    Sql.exec(
        db,
        """
        INSERT INTO road (name, road_class, red_line_width_m, carriageway_width_m, geom, red_line) VALUES
          ('北斗路', 'arterial', 50, 30, ST_GeomFromText('LINESTRING Z (383530 4041700 1950, 383530 4042100 1952)', 4544),
           ST_Force3D(ST_Multi(ST_Buffer(ST_GeomFromText('LINESTRING (383530 4041700, 383530 4042100)', 4544), 25, 'endcap=flat'))));
        INSERT INTO antenna_sector (site_code, sector_no, operator, technology, band, frequency_mhz, azimuth_deg, mech_tilt_deg,
          elec_tilt_deg, antenna_height_m, h_beamwidth_deg, eirp_dbm, geom) VALUES
          ('LZXQ-BS-0001', 1, 'CT-GS', 'NR', 'n41', 2565.0, 120.0, 3.0, 6.0, 32.0, 65.0, 59.5,
           ST_Transform(ST_SetSRID(ST_MakePoint(103.7012345, 36.5023456, 1984.5), 4326), 4544));
        INSERT INTO construction_project (project_code, name, owner, kind, networks, trench_depth_m, planned_start,
          planned_end, status, geom) VALUES
          ('XQ-2027-001', '北斗路给水改造', 'LZXQ-WATER', 'renewal', '{JS,PS}', 2.5, '2027-03-01', '2027-09-30', 'planned',
           ST_Force3D(ST_Multi(ST_Buffer(ST_GeomFromText('LINESTRING (383520 4041800, 383520 4041900)', 4544), 3))))""");
    beforeEdit = Instant.now();
    Thread.sleep(20);
    Path changed = Files.createTempFile("points", ".csv");
    Files.writeString(
        changed,
        Files.readString(resource("points_zh.csv"), StandardCharsets.UTF_8)
            .replace("1950.30,1.20,51042101", "1950.33,1.20,51042101"));
    importFiles(db, changed);
    Files.delete(changed);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void geoPackageOpensInOgrinfoWithEveryLayerItsCountAndTheNativeCrs() throws Exception {
    Path gpkg = tmp.resolve("city.gpkg");
    Map<String, Long> counts =
        new CityExporter(db)
            .exportGpkg(gpkg, Arrays.asList(LayerTable.values()), null, ProgressSink.NONE);

    String info = IoTestSupport.run("ogrinfo", "-so", "-al", gpkg.toString());

    assertThat(counts)
        .containsEntry("pipe_js", 2L)
        .containsEntry("pipe_ps", 1L)
        .containsEntry("pipe_rq", 2L)
        .containsEntry("pipe_point", 8L)
        .containsEntry("base_station", 2L)
        .containsEntry("road", 1L);
    assertThat(layerBlock(info, "pipe_js"))
        .contains("Geometry: 3D Line String", "Feature Count: 2", "ID[\"EPSG\",4544]");
    assertThat(layerBlock(info, "pipe_point"))
        .contains("Geometry: 3D Point", "Feature Count: 8", "FID Column = fid");
    assertThat(layerBlock(info, "zoning_parcel"))
        .contains("3D Multi Polygon", "Feature Count: 1", "land_use_code: String");
    assertThat(layerBlock(info, "base_station"))
        .contains("tower_height_m: Real", "build_year: Integer");
    try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + gpkg);
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("PRAGMA application_id")) {
      rs.next();
      assertThat(rs.getInt(1)).isEqualTo(0x47504B47);
    }
    assertThat(
            IoTestSupport.run(
                "ogrinfo",
                "-q",
                gpkg.toString(),
                "-sql",
                "SELECT ST_MinX(geom), ST_MaxZ(geom) FROM pipe_point WHERE exp_no = 'JS001'"))
        .contains("383528.62", "1950.33");
  }

  @Test
  void geoJsonOpensInOgrinfoAsCrs84WithEightDecimalsAndZ() throws Exception {
    Path file = tmp.resolve("points.geojson");
    new CityExporter(db)
        .exportGeoJson(file, List.of(LayerTable.PIPE_POINT), null, ProgressSink.NONE);

    String info = IoTestSupport.run("ogrinfo", "-so", "-al", file.toString());

    assertThat(info)
        .contains("Feature Count: 8", "Geometry: 3D Point", "GEOGCRS[\"WGS 84\"")
        .containsAnyOf("ID[\"EPSG\",4326]", "ID[\"EPSG\",4979]");
    JsonNode json = JsonMapper.shared().readTree(file.toFile());
    assertThat(json.has("crs")).isFalse();
    JsonNode js001 =
        json.get("features").values().stream()
            .filter(f -> f.get("properties").get("exp_no").asString().equals("JS001"))
            .findFirst()
            .orElseThrow();
    assertThat(js001.get("geometry").get("coordinates").toString())
        .isEqualTo("[103.7,36.5,1950.33]");
    assertThat(json.get("features").values())
        .extracting(f -> f.get("geometry").get("coordinates").toString())
        .allMatch(c -> c.matches("\\[103\\.\\d{1,8},36\\.\\d{1,8},19\\d\\d(\\.\\d+)?]"))
        .contains("[103.70021715,36.5003628,1950.5]");
    assertThat(js001.get("properties").get("ground_elev_m").decimalValue())
        .isEqualByComparingTo("1950.33");
    assertThat(js001.get("id").asLong())
        .isEqualTo(
            Sql.count(
                db, "SELECT fid FROM pipe_point WHERE exp_no = 'JS001' AND valid_to IS NULL"));
  }

  @Test
  void asOfExportReturnsTheVersionsValidThen() throws Exception {
    Path file = tmp.resolve("then.geojson");
    new CityExporter(db)
        .exportGeoJson(file, List.of(LayerTable.PIPE_POINT), beforeEdit, ProgressSink.NONE);

    JsonNode json = JsonMapper.shared().readTree(file.toFile());

    assertThat(json.get("features").values())
        .hasSize(8)
        .filteredOn(f -> f.get("properties").get("exp_no").asString().equals("JS001"))
        .singleElement()
        .satisfies(
            f ->
                assertThat(f.get("properties").get("ground_elev_m").decimalValue())
                    .isEqualByComparingTo("1950.30"));
    assertThat(
            new CityExporter(db)
                .exportGeoJson(
                    tmp.resolve("before.geojson"),
                    List.of(LayerTable.PIPE_POINT),
                    Instant.parse("2000-01-01T00:00:00Z"),
                    ProgressSink.NONE))
        .containsEntry("pipe_point", 0L);
  }

  @Test
  void geoPackageRoundTripKeepsCountsAttributesAndCoordinatesWithinAMillimetre() throws Exception {
    Path gpkg = tmp.resolve("city.gpkg");
    new CityExporter(db)
        .exportGpkg(gpkg, Arrays.asList(LayerTable.values()), null, ProgressSink.NONE);

    try (HikariDataSource copy = IoTestSupport.schema("ExportTestGpkgCopy")) {
      QaReport report = importFiles(copy, gpkg);

      assertThat(report.errors()).isEmpty();
      assertSameCity("t_exporttestgpkgcopy", 0.001);
    }
  }

  @Test
  void geoJsonRoundTripKeepsCountsAttributesAndCoordinatesWithinTheEightDecimals()
      throws Exception {
    Path dir = tmp.resolve("geojson");
    new CityExporter(db)
        .exportGeoJson(dir, Arrays.asList(LayerTable.values()), null, ProgressSink.NONE);

    try (HikariDataSource copy = IoTestSupport.schema("ExportTestJsonCopy")) {
      List<Path> files =
          Arrays.stream(LayerTable.values()).map(l -> dir.resolve(l.layer() + ".geojson")).toList();
      QaReport report = importFiles(copy, files.toArray(Path[]::new));

      assertThat(report.errors()).isEmpty();
      // 1e-8 degree is 1.1 mm of latitude, 0.9 mm of longitude here: rounding, not a loss in our
      // code
      assertSameCity("t_exporttestjsoncopy", 0.0015);
    }
  }

  /**
   * Every current feature of the export test schema exists in the copy with equal attributes and
   * geometry.
   */
  private static void assertSameCity(String copy, double toleranceMetres) throws Exception {
    for (String table :
        List.of(
            "pipe_point",
            "pipe_segment",
            "base_station",
            "antenna_sector",
            "zoning_parcel",
            "road",
            "construction_project")) {
      String attributes =
          "SELECT coalesce(jsonb_agg(to_jsonb(t) - "
              + NOT_COMPARED
              + " ORDER BY (to_jsonb(t) - "
              + NOT_COMPARED
              + ")::text), '[]')::text FROM %s."
              + table
              + " t WHERE valid_to IS NULL";
      assertThat(Sql.strings(db, attributes.formatted(copy)))
          .as(table)
          .isEqualTo(Sql.strings(db, attributes.formatted("t_exporttest")));
      String key =
          LayerTable.byName(table.equals("pipe_segment") ? "pipe_js" : table)
              .orElseThrow()
              .key()
              .stream()
              .map(k -> "a." + k + " = b." + k)
              .reduce((x, y) -> x + " AND " + y)
              .orElseThrow();
      String distance =
          "SELECT count(*) || ' ' || coalesce(max(ST_HausdorffDistance(a.geom, b.geom))"
              + " + max(abs(ST_ZMax(a.geom) - ST_ZMax(b.geom))) + max(abs(ST_ZMin(a.geom) - ST_ZMin(b.geom))), 0) FROM t_exporttest."
              + table
              + " a JOIN "
              + copy
              + "."
              + table
              + " b ON "
              + key
              + " WHERE a.valid_to IS NULL AND b.valid_to IS NULL";
      String[] result = Sql.strings(db, distance).get(0).split(" ");
      assertThat(Long.parseLong(result[0]))
          .as(table + " matched")
          .isEqualTo(
              Sql.count(
                  db, "SELECT count(*) FROM t_exporttest." + table + " WHERE valid_to IS NULL"));
      assertThat(Double.parseDouble(result[1]))
          .as(table + " distance, m")
          .isLessThanOrEqualTo(toleranceMetres);
    }
    assertThat(Sql.strings(db, "SELECT ST_Area(red_line)::int::text FROM " + copy + ".road"))
        .containsExactly("20000");
  }

  private static String layerBlock(String ogrinfo, String layer) {
    Matcher m =
        Pattern.compile("Layer name: " + layer + "\\n(.*?)(?=\\nLayer name: |\\z)", Pattern.DOTALL)
            .matcher(ogrinfo);
    assertThat(m.find()).as("layer " + layer + " in ogrinfo output").isTrue();
    return m.group(1);
  }
}
