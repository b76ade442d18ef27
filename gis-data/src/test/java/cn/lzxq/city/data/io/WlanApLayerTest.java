package cn.lzxq.city.data.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.edit.EditException;
import cn.lzxq.city.data.edit.Editor;
import cn.lzxq.city.data.edit.FeatureEdit;
import cn.lzxq.city.data.edit.FeatureEditor;
import cn.lzxq.city.data.edit.GeometryCheck;
import cn.lzxq.city.data.io.qa.QaCode;
import cn.lzxq.city.data.io.qa.QaIssue;
import cn.lzxq.city.data.io.qa.QaReport;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.query.Feature;
import cn.lzxq.city.data.query.FeatureQuery;
import cn.lzxq.city.data.query.FeatureReads;
import cn.lzxq.city.data.query.FeatureSource;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.NativeSrid;
import cn.lzxq.city.data.query.SqlBuilder;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code wlan_ap} layer of the catalog through the import path ({@code city import}: GeoJSON in
 * CRS84 transformed to the native CRS, every bad row reported with its feature number and nothing
 * written) and through the editor the WFS-T and OGC API writes share (a new version per edit, the
 * change log for the tile caches, the operator as the owner an editor must belong to).
 */
class WlanApLayerTest {

  private static final Layer WLAN = LayerCatalog.standard().find("wlan_ap").orElseThrow();

  private HikariDataSource db;

  @TempDir Path tmp;

  @BeforeEach
  void schema() throws Exception {
    db = IoTestSupport.schema("WlanApLayerTest");
  }

  @AfterEach
  void close() {
    db.close();
  }

  private Path file(String... features) throws Exception {
    return Files.writeString(
        tmp.resolve("wlan_ap.geojson"),
        "{\"type\": \"FeatureCollection\", \"name\": \"wlan_ap\", \"features\": ["
            + String.join(",", features)
            + "]}",
        StandardCharsets.UTF_8);
  }

  private static String ap(String code, String properties) {
    return "{\"type\": \"Feature\", \"geometry\": {\"type\": \"Point\", \"coordinates\":"
        + " [103.7012345, 36.5023456, 1952.5]}, \"properties\": {\"ap_code\": \""
        + code
        + "\", "
        + properties
        + "}}";
  }

  private static final String GOOD =
      "\"ssid\": \"i-LanzhouNewArea\", \"operator\": \"CT-GS\", \"band\": \"2.4GHz\","
          + " \"mount_height_m\": 6, \"eirp_dbm\": 20, \"placement\": \"outdoor\"";

  @Test
  void accessPointsImportInTheNativeCrsAndLogTheirArea() throws Exception {
    QaReport report =
        IoTestSupport.importFiles(
            db,
            file(
                ap("AP-1", GOOD),
                ap(
                    "AP-2",
                    GOOD.replace("2.4GHz", "5GHz")
                        .replace("outdoor", "indoor")
                        .replace("\"eirp_dbm\": 20", "\"eirp_dbm\": 23.5"))));

    assertThat(report.errors()).isEmpty();
    assertThat(report.written()).containsEntry("wlan_ap", 2L);
    assertThat(
            Sql.strings(
                db,
                "SELECT ap_code || ' ' || band || ' ' || eirp_dbm || ' ' || placement || ' '"
                    + " || round(ST_X(ST_Transform(geom, 4326))::numeric, 7) || ' ' || ST_SRID(geom)"
                    + " FROM wlan_ap ORDER BY ap_code"))
        .containsExactly(
            "AP-1 2.4GHz 20.0 outdoor 103.7012345 4544", "AP-2 5GHz 23.5 indoor 103.7012345 4544");
    assertThat(Sql.count(db, "SELECT count(*) FROM tile_change WHERE layer = 'wlan_ap'"))
        .isPositive();
  }

  @Test
  void badRowsAreReportedWithTheirFeatureNumberAndNothingIsWritten() throws Exception {
    QaReport report =
        IoTestSupport.importFiles(
            db,
            file(
                ap("AP-1", GOOD.replace("\"eirp_dbm\": 20", "\"eirp_dbm\": \"strong\"")),
                ap("AP-2", GOOD.replace("CT-GS", "NOPE")),
                ap("AP-3", GOOD.replace("\"ssid\": \"i-LanzhouNewArea\", ", ""))));

    assertThat(report.errors())
        .extracting(QaIssue::row, QaIssue::column, QaIssue::code)
        .containsExactly(
            tuple(1L, "eirp_dbm", QaCode.NOT_A_NUMBER),
            tuple(2L, "operator", QaCode.UNKNOWN_OWNER),
            tuple(3L, "ssid", QaCode.MISSING_FIELD));
    assertThat(Sql.count(db, "SELECT count(*) FROM wlan_ap")).isZero();
  }

  @Test
  void aRowTheDatabaseRefusesNamesItsFeatureAndRollsBackTheFile() throws Exception {
    // 3 GHz is no WLAN band (V92 CHECK): refused by the database at the second feature
    QaReport report =
        IoTestSupport.importFiles(
            db, file(ap("AP-1", GOOD), ap("AP-2", GOOD.replace("2.4GHz", "3GHz"))));

    assertThat(report.errors())
        .extracting(QaIssue::row, QaIssue::code)
        .containsExactly(tuple(2L, QaCode.DATABASE));
    assertThat(Sql.count(db, "SELECT count(*) FROM wlan_ap")).isZero();
  }

  @Test
  void anEditMakesANewVersionLogsTheChangeAndOnlyTheOperatorMayMakeIt() throws Exception {
    assertThat(IoTestSupport.importFiles(db, file(ap("AP-1", GOOD))).errors()).isEmpty();
    long fid = Sql.count(db, "SELECT fid FROM wlan_ap");
    long logged = Sql.count(db, "SELECT count(*) FROM tile_change WHERE layer = 'wlan_ap'");
    SqlBuilder builder = new SqlBuilder(NativeSrid.read(db));
    FeatureEditor editor =
        new FeatureEditor(
            db,
            builder,
            Duration.ofSeconds(10),
            new GeometryCheck(ServiceArea.LANZHOU_NEW_AREA, 0.05),
            4);
    FeatureEdit.Update louder =
        new FeatureEdit.Update(
            WLAN, new Filter.ResourceIds(List.of(fid)), Map.of("eirp_dbm", 27), null);
    Instant before = Instant.now();

    assertThatThrownBy(
            () ->
                editor.apply(
                    List.of(louder), new Editor("li.na", Editor.Role.EDITOR, "LZXQ-GAS"), "x"))
        .isInstanceOf(EditException.class);
    editor.apply(List.of(louder), new Editor("wang.fang", Editor.Role.EDITOR, "CT-GS"), "retuned");

    assertThat(
            Sql.strings(
                db,
                "SELECT eirp_dbm || ' ' || (valid_to IS NULL) || ' ' || changed_by FROM wlan_ap"
                    + " WHERE fid = "
                    + fid
                    + " ORDER BY valid_from"))
        .containsExactly("20.0 false tester", "27.0 true wang.fang");
    assertThat(Sql.count(db, "SELECT count(*) FROM tile_change WHERE layer = 'wlan_ap'"))
        .isGreaterThan(logged);
    FeatureSource source = new FeatureSource(new ReadExecutor(db, Duration.ofSeconds(10)), builder);
    assertThat(FeatureReads.all(source, FeatureQuery.of(WLAN, 4544).withAsOf(before)))
        .extracting(Feature::properties)
        .singleElement()
        .satisfies(p -> assertThat(p.get("eirp_dbm").toString()).isEqualTo("20.0"));
  }
}
