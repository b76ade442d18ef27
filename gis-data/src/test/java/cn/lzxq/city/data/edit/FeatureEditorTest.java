package cn.lzxq.city.data.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
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
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The version model on a real PostGIS: an edit closes the current version and starts its successor
 * with the same fid and the editor's name; an as-of read before the edit returns the old version; a
 * refused edit in a batch leaves every table as it was; an editor writes only its own
 * organisation's features.
 */
class FeatureEditorTest {

  private static final Layer WATER = LayerCatalog.standard().find("pipe_js").orElseThrow();
  private static final Editor WATER_EDITOR = new Editor("zhang.wei", Editor.Role.EDITOR, "SW");
  private static final Editor GAS_EDITOR = new Editor("li.na", Editor.Role.EDITOR, "RQ");

  private static HikariDataSource db;
  private static FeatureSource source;
  private static FeatureEditor editor;

  @BeforeAll
  static void database() throws SQLException {
    db = TestDatabase.freshSchema("FeatureEditorTest");
    SqlBuilder builder = new SqlBuilder(NativeSrid.read(db));
    source = new FeatureSource(new ReadExecutor(db, Duration.ofSeconds(10)), builder);
    editor =
        new FeatureEditor(
            db,
            builder,
            Duration.ofSeconds(10),
            new GeometryCheck(ServiceArea.LANZHOU_NEW_AREA, 0.05),
            4);
    Sql.exec(
        db,
        """
        INSERT INTO organization (code, name, kind) VALUES ('SW', '兰州新区供水公司', 'utility'),
                                                           ('RQ', '兰州新区燃气公司', 'utility');
        """);
  }

  /** One water main of 'SW', DN 300, surveyed 2015: fid 500. */
  @BeforeEach
  void oneWaterMain() throws SQLException {
    Sql.exec(
        db,
        """
        DELETE FROM pipe_segment;
        INSERT INTO pipe_segment (fid, network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm,
                                  material, owner, road_name, geom, valid_from)
        VALUES (500, 'JS', 'JP', '51041000', 'JS1', 'JS2', 'top', 300, 'QM', 'SW', '经一路',
                ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(103.70, 36.50, 1948.8),
                                                    ST_MakePoint(103.701, 36.50, 1948.8)), 4490), 4544),
                '2015-01-01');
        """);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static List<Feature> read(FeatureQuery q) throws SQLException {
    return FeatureReads.all(source, q);
  }

  private static FeatureEdit.Update resize(long fid, int dn) {
    return new FeatureEdit.Update(
        WATER, new Filter.ResourceIds(List.of(fid)), Map.of("dn_mm", dn), null);
  }

  @Test
  void anEditMakesANewVersionAndAsOfReadsTheOldOne() throws SQLException {
    Instant before = Instant.now();

    EditResult result = editor.apply(List.of(resize(500, 400)), WATER_EDITOR, "re-survey 2026");

    assertThat(result.updated()).isEqualTo(1);
    assertThat(
            Sql.strings(
                db,
                """
        SELECT dn_mm || ' ' || (valid_to IS NULL) || ' ' || changed_by
        FROM pipe_segment WHERE fid = 500 ORDER BY valid_from"""))
        .containsExactly("300 false system", "400 true zhang.wei");
    assertThat(read(FeatureQuery.of(WATER, 4544)))
        .singleElement()
        .satisfies(f -> assertThat(f.properties()).containsEntry("dn_mm", 400));
    assertThat(read(FeatureQuery.of(WATER, 4544).withAsOf(before)))
        .singleElement()
        .satisfies(f -> assertThat(f.properties()).containsEntry("dn_mm", 300));
  }

  @Test
  void aDeleteEndsTheFeatureButKeepsItsHistory() throws SQLException {
    Instant before = Instant.now();

    editor.apply(
        List.of(new FeatureEdit.Delete(WATER, new Filter.ResourceIds(List.of(500L)))),
        WATER_EDITOR,
        "removed");

    assertThat(read(FeatureQuery.of(WATER, 4544))).isEmpty();
    assertThat(read(FeatureQuery.of(WATER, 4544).withAsOf(before)))
        .extracting(Feature::fid)
        .containsExactly(500L);
  }

  @Test
  void aRefusedEditInABatchWritesNothing() throws SQLException {
    long rows = Sql.count(db, "SELECT count(*) FROM pipe_segment");

    // The first edit is allowed, the second one touches a feature of another organisation.
    assertThatThrownBy(
            () -> editor.apply(List.of(resize(500, 400), resize(500, 600)), GAS_EDITOR, "batch"))
        .isInstanceOf(EditException.class)
        .satisfies(
            e ->
                assertThat(((EditException) e).reason()).isEqualTo(EditException.Reason.FORBIDDEN));

    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment")).isEqualTo(rows);
    assertThat(Sql.strings(db, "SELECT dn_mm::text FROM pipe_segment WHERE valid_to IS NULL"))
        .containsExactly("300");
  }

  @Test
  void aFailingSecondEditRollsBackTheFirst() throws SQLException {
    long rows = Sql.count(db, "SELECT count(*) FROM pipe_segment");

    assertThatThrownBy(
            () ->
                editor.apply(
                    List.of(
                        resize(500, 400),
                        new FeatureEdit.Update(
                            WATER,
                            new Filter.ResourceIds(List.of(500L)),
                            Map.of("dn_mm", "not a number"),
                            null)),
                    WATER_EDITOR,
                    "batch"))
        .isInstanceOf(RuntimeException.class);

    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment")).isEqualTo(rows);
    assertThat(Sql.strings(db, "SELECT dn_mm::text FROM pipe_segment WHERE valid_to IS NULL"))
        .containsExactly("300");
  }
}
