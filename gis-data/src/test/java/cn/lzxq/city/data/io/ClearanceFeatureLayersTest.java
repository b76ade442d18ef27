package cn.lzxq.city.data.io;

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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The feature layers of GB 50289-2016 Table 4.1.9 added for the pipe-to-feature clearance, {@code
 * power_tower} and {@code street_tree}, through the generic import path of every catalog layer with
 * an import key ({@code city import}: GeoJSON in CRS84 transformed to the native CRS, each bad row
 * reported with its feature number and nothing written).
 */
class ClearanceFeatureLayersTest {

  private HikariDataSource db;

  @TempDir Path tmp;

  @BeforeEach
  void schema() throws Exception {
    db = IoTestSupport.schema("ClearanceFeatureLayersTest");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Path file(String layer, String... features) throws Exception {
    return Files.writeString(
        tmp.resolve(layer + ".geojson"),
        "{\"type\": \"FeatureCollection\", \"name\": \""
            + layer
            + "\", \"features\": ["
            + String.join(",", features)
            + "]}",
        StandardCharsets.UTF_8);
  }

  /** A tower on a foundation about 6 m square near 103.7012 E, 36.5023 N. */
  private static String tower(String code, String properties) {
    return "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Polygon\", \"coordinates\": [["
        + "[103.70120, 36.50230, 1952.5], [103.70127, 36.50230, 1952.5],"
        + " [103.70127, 36.50235, 1952.5], [103.70120, 36.50235, 1952.5],"
        + " [103.70120, 36.50230, 1952.5]]]}, \"properties\": {\"tower_code\": \""
        + code
        + "\", "
        + properties
        + "}}";
  }

  private static final String GOOD =
      "\"line_name\": \"兰新110kV线\", \"voltage_kv\": 110, \"tower_height_m\": 36,"
          + " \"owner\": \"CT-GS\", \"build_year\": 2015";

  @Test
  void towersImportInTheNativeCrsWithTheirClearanceColumn() throws Exception {
    QaReport report =
        IoTestSupport.importFiles(
            db,
            file(
                "power_tower",
                tower("LX110-001", GOOD),
                tower("LX35-001", GOOD.replace("110kV", "35kV").replace("110", "35"))));

    assertThat(report.errors()).isEmpty();
    assertThat(report.written()).containsEntry("power_tower", 2L);
    assertThat(
            Sql.strings(
                db,
                "SELECT tower_code || ' ' || voltage_kv || ' ' || power_tower_clearance_type(voltage_kv)"
                    + " || ' ' || ST_SRID(geom) || ' ' || (ST_Area(geom) BETWEEN 30 AND 40)"
                    + " FROM power_tower ORDER BY tower_code"))
        .containsExactly("LX110-001 110.0 TOWERHV 4544 true", "LX35-001 35.0 TOWER35 4544 true");
  }

  /** A street tree at 103.7012 E, 36.5023 N. */
  private static String tree(String code, String properties) {
    return "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\":"
        + " [103.7012345, 36.5023456, 1952.5]}, \"properties\": {\"tree_code\": \""
        + code
        + "\", "
        + properties
        + "}}";
  }

  private static final String TREE =
      "\"species\": \"国槐\", \"growth_form\": \"tree\", \"trunk_diameter_cm\": 22.5,"
          + " \"planted_year\": 2016, \"road_name\": \"北斗路\"";

  @Test
  void streetTreesImportInTheNativeCrs() throws Exception {
    QaReport report =
        IoTestSupport.importFiles(
            db,
            file(
                "street_tree",
                tree("BD-1", TREE),
                tree("BD-2", TREE.replace("\"tree\"", "\"shrub\"").replace("22.5", "4"))));

    assertThat(report.errors()).isEmpty();
    assertThat(report.written()).containsEntry("street_tree", 2L);
    assertThat(
            Sql.strings(
                db,
                "SELECT tree_code || ' ' || growth_form || ' ' || trunk_diameter_cm || ' '"
                    + " || round(ST_X(ST_Transform(geom, 4326))::numeric, 7) || ' ' || ST_SRID(geom)"
                    + " FROM street_tree ORDER BY tree_code"))
        .containsExactly("BD-1 tree 22.5 103.7012345 4544", "BD-2 shrub 4.0 103.7012345 4544");
  }

  @Test
  void badTreeRowsAreReportedWithTheirFeatureNumberAndNothingIsWritten() throws Exception {
    QaReport report =
        IoTestSupport.importFiles(
            db,
            file(
                "street_tree",
                tree("BD-1", TREE.replace("22.5", "\"thick\"")),
                tree("BD-2", TREE.replace("\"species\": \"国槐\", ", ""))));

    assertThat(report.errors())
        .extracting(QaIssue::row, QaIssue::column, QaIssue::code)
        .containsExactly(
            tuple(1L, "trunk_diameter_cm", QaCode.NOT_A_NUMBER),
            tuple(2L, "species", QaCode.MISSING_FIELD));
    assertThat(Sql.count(db, "SELECT count(*) FROM street_tree")).isZero();
  }

  @Test
  void badTowerRowsAreReportedWithTheirFeatureNumberAndNothingIsWritten() throws Exception {
    QaReport report =
        IoTestSupport.importFiles(
            db,
            file(
                "power_tower",
                tower("LX-1", GOOD.replace("\"voltage_kv\": 110", "\"voltage_kv\": \"high\"")),
                tower("LX-2", GOOD.replace("CT-GS", "NOPE")),
                tower("LX-3", GOOD.replace("\"line_name\": \"兰新110kV线\", ", ""))));

    assertThat(report.errors())
        .extracting(QaIssue::row, QaIssue::column, QaIssue::code)
        .containsExactly(
            tuple(1L, "voltage_kv", QaCode.NOT_A_NUMBER),
            tuple(2L, "owner", QaCode.UNKNOWN_OWNER),
            tuple(3L, "line_name", QaCode.MISSING_FIELD));
    assertThat(Sql.count(db, "SELECT count(*) FROM power_tower")).isZero();
  }
}
