package cn.lzxq.city.data.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;

/** The shared query path on a real PostGIS: filters, windows in other CRSs, paging, time. */
class FeatureSourceTest {

  private static HikariDataSource db;
  private static FeatureSource source;
  private static final Layer WATER = LayerCatalog.standard().find("pipe_js").orElseThrow();

  @BeforeAll
  static void data() throws SQLException {
    db = TestDatabase.freshSchema("FeatureSourceTest");
    source =
        new FeatureSource(
            new ReadExecutor(db, Duration.ofSeconds(10)), new SqlBuilder(NativeSrid.read(db)));
    // Three water pipes 100 m apart going east from (36.50 N, 103.70 E); the third one was
    // re-surveyed in 2024 (a closed version with DN 200, then the current one with DN 400).
    Sql.exec(
        db,
        """
        INSERT INTO organization (code, name, kind) VALUES ('SW', '兰州新区供水公司', 'utility');
        INSERT INTO pipe_segment (fid, network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm, material,
                                  owner, road_name, geom, valid_from, valid_to)
        SELECT 10 + i, 'JS', 'JP', '51041000', 'JS' || (2 * i), 'JS' || (2 * i + 1), 'top', dn, 'QM', 'SW', road,
               ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(103.70, 36.50 + i * 0.0009, 1948.8),
                                                   ST_MakePoint(103.701, 36.50 + i * 0.0009, 1948.8)), 4490), 4544),
               vf::timestamptz, vt::timestamptz
        FROM (VALUES (0, 300, '经一路', '2015-01-01', NULL), (1, 150, '纬二路', '2016-01-01', NULL),
                     (2, 200, '经一路''; DROP TABLE road; --', '2017-01-01', '2024-05-01'),
                     (2, 400, '经一路''; DROP TABLE road; --', '2024-05-01', NULL)) v(i, dn, road, vf, vt);
        """);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static List<Feature> read(FeatureQuery q) throws SQLException {
    return FeatureReads.all(source, q);
  }

  private static List<Long> fids(FeatureQuery q) throws SQLException {
    return read(q).stream().map(Feature::fid).toList();
  }

  @Test
  void readsCurrentFeaturesInTheOutputCrsWithZ() throws SQLException {
    List<Feature> all = read(FeatureQuery.of(WATER, 4490));

    assertThat(all).extracting(Feature::fid).containsExactly(10L, 11L, 12L);
    Geometry first = all.get(0).geometry();
    assertThat(first.getSRID()).isEqualTo(4490);
    Coordinate start = first.getCoordinates()[0];
    assertThat(start.x).isCloseTo(103.70, offset(1e-9));
    assertThat(start.y).isCloseTo(36.50, offset(1e-9));
    assertThat(start.getZ()).isCloseTo(1948.8, offset(1e-6));
    assertThat(all.get(2).properties())
        .containsEntry("dn_mm", 400)
        .containsEntry("road_name", "经一路'; DROP TABLE road; --");
  }

  @Test
  void asOfReadsTheVersionValidThen() throws SQLException {
    List<Feature> in2020 =
        read(FeatureQuery.of(WATER, 4544).withAsOf(Instant.parse("2020-01-01T00:00:00Z")));
    List<Feature> in2015 =
        read(FeatureQuery.of(WATER, 4544).withAsOf(Instant.parse("2015-06-01T00:00:00Z")));

    assertThat(in2020).extracting(f -> f.properties().get("dn_mm")).containsExactly(300, 150, 200);
    assertThat(in2015).extracting(Feature::fid).containsExactly(10L);
  }

  @Test
  void bboxInAnotherCrsIsTransformedIntoTheNativeOne() throws SQLException {
    // CRS:84 / lon-lat window around the second pipe only (x = longitude after axis handling).
    Envelope window = new Envelope(103.7004, 103.7006, 36.5008, 36.5010);

    assertThat(fids(FeatureQuery.of(WATER, 4326).withFilter(new Filter.BBox(window, 4326))))
        .containsExactly(11L);
    assertThat(source.count(FeatureQuery.of(WATER, 4326).withFilter(new Filter.BBox(window, 4490))))
        .isEqualTo(1);
  }

  @Test
  void comparesCoercedLiteralsAndMatchesPatterns() throws SQLException {
    FeatureQuery q = FeatureQuery.of(WATER, 4544);

    assertThat(fids(q.withFilter(new Filter.Compare(Filter.CompareOp.GE, "dn_mm", "300", true))))
        .containsExactly(10L, 12L);
    assertThat(fids(q.withFilter(new Filter.Like("road_name", "经一%", true))))
        .containsExactly(10L, 12L);
    assertThat(fids(q.withFilter(new Filter.Compare(Filter.CompareOp.EQ, "material", "qm", false))))
        .containsExactly(10L, 11L, 12L);
    assertThat(fids(q.withFilter(new Filter.ResourceIds(List.of(11L, 99L))))).containsExactly(11L);
    assertThat(fids(q.withFilter(new Filter.Not(new Filter.In("dn_mm", List.of(150, "400"))))))
        .containsExactly(10L);
  }

  @Test
  void pagesInAStableOrder() throws SQLException {
    FeatureQuery bySize =
        FeatureQuery.of(WATER, 4544).withSort(List.of(new SortKey("dn_mm", false)));

    assertThat(fids(bySize.withPage(0, 2))).containsExactly(12L, 10L);
    assertThat(fids(bySize.withPage(2, 2))).containsExactly(11L);
  }

  @Test
  void spatialPredicatesUseMetresInTheNativeCrs() throws SQLException {
    Geometry point = new GeometryFactory().createPoint(new Coordinate(103.7005, 36.5009 + 0.0003));
    point.setSRID(4490);

    // About 33 m north of pipe 11 and 67 m south of pipe 12.
    assertThat(
            fids(
                FeatureQuery.of(WATER, 4544)
                    .withFilter(new Filter.Spatial(Filter.SpatialOp.DWITHIN, point, 40))))
        .containsExactly(11L);
    assertThat(
            fids(
                FeatureQuery.of(WATER, 4544)
                    .withFilter(new Filter.Spatial(Filter.SpatialOp.BEYOND, point, 40))))
        .containsExactly(10L, 12L);
  }

  @Test
  void unknownPropertiesAndBadLiteralsAreRequestErrors() {
    FeatureQuery q = FeatureQuery.of(WATER, 4544);

    assertThatThrownBy(() -> fids(q.withFilter(new Filter.IsNull("geom; DROP TABLE road"))))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("no property");
    assertThatThrownBy(
            () ->
                fids(
                    q.withFilter(
                        new Filter.Compare(Filter.CompareOp.EQ, "dn_mm", "1 OR 1=1", true))))
        .isInstanceOf(QueryException.class)
        .hasMessageContaining("not a valid integer");
    assertThatThrownBy(() -> fids(q.withProperties(List.of("nope"))))
        .isInstanceOf(QueryException.class);
  }
}
