package cn.lzxq.city.data.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * SqlBuilder without a database: identifiers come from the catalog, every request value is a bind
 * parameter in the order of its {@code ?}, paging is stable. (The SQL running on PostGIS is tested
 * in FeatureSourceTest and the protocol tests.)
 */
class SqlBuilderTest {

  private static final Layer WATER = LayerCatalog.standard().find("pipe_js").orElseThrow();
  private static final SqlBuilder SQL = new SqlBuilder(4544);

  private static long marks(String sql) {
    return sql.chars().filter(c -> c == '?').count();
  }

  @Test
  void selectsTheRequestedAttributesInCatalogOrderSortedThenByFidWithPagingAsParameters() {
    FeatureQuery q =
        FeatureQuery.of(WATER, 4544)
            .withProperties(List.of("city:road_name", "dn_mm"))
            .withSort(List.of(new SortKey("dn_mm", false)))
            .withPage(20, 10);

    PreparedSql s = SQL.select(q);

    assertThat(s.sql())
        .startsWith(
            "SELECT t.fid, t.valid_from, t.valid_to, t.\"dn_mm\", t.\"road_name\", ST_AsEWKB(t.geom) AS geom")
        .contains(" FROM pipe_segment t WHERE ")
        .contains("network = 'JS'")
        .endsWith(" ORDER BY t.\"dn_mm\" DESC, t.fid OFFSET ? LIMIT ?")
        .doesNotContain("material")
        .doesNotContain("ST_Transform");
    assertThat(s.params()).containsExactly(20L, 10L);
    assertThat(marks(s.sql())).isEqualTo(s.params().size());
  }

  @Test
  void aRequestValueIsNeverPartOfTheSqlText() {
    String evil = "x'; DROP TABLE pipe_segment; --";
    FeatureQuery q =
        FeatureQuery.of(WATER, 4544)
            .withFilter(new Filter.Compare(Filter.CompareOp.EQ, "road_name", evil, true));

    PreparedSql s = SQL.select(q);

    assertThat(s.sql()).doesNotContain("DROP").doesNotContain("x'");
    assertThat(s.params()).containsExactly(evil);
    assertThat(marks(s.sql())).isEqualTo(1);
  }

  @Test
  void anAsOfTimeIsBoundAndTheDefaultIsNow() {
    Instant t = Instant.parse("2020-01-01T00:00:00Z");

    PreparedSql now = SQL.count(FeatureQuery.of(WATER, 4544));
    PreparedSql past = SQL.count(FeatureQuery.of(WATER, 4544).withAsOf(t));

    assertThat(now.params()).isEmpty();
    assertThat(now.sql())
        .startsWith("SELECT count(*) FROM pipe_segment t WHERE ")
        .doesNotContain("ORDER BY", "LIMIT", "OFFSET");
    assertThat(past.params()).isNotEmpty().containsOnly(t);
    assertThat(marks(past.sql())).isEqualTo(past.params().size());
  }

  @Test
  void theGeometryIsTransformedOnlyToAnotherSridAndSimplifiedWithABoundTolerance() {
    FeatureQuery q =
        new FeatureQuery(
            WATER, Filter.all(), List.of(), List.of(), 0, -1, 4490, null, 2.5, true, true);

    PreparedSql s = SQL.select(q);

    assertThat(s.sql())
        .contains(
            "ST_AsEWKB(ST_Transform(ST_SimplifyPreserveTopology(ST_Force2D(t.geom), ?), 4490)) AS geom");
    assertThat(s.params()).containsExactly(2.5);
    String withoutGeometry = SQL.select(FeatureQuery.of(WATER, 4490).withoutGeometry()).sql();
    assertThat(withoutGeometry.substring(0, withoutGeometry.indexOf(" FROM ")))
        .doesNotContain("geom");
  }

  @Test
  void anUnknownPropertyIsRefusedBeforeAnySqlIsWritten() {
    assertThatThrownBy(
            () -> SQL.select(FeatureQuery.of(WATER, 4544).withProperties(List.of("nope"))))
        .isInstanceOf(QueryException.class);
    assertThatThrownBy(
            () ->
                SQL.select(
                    FeatureQuery.of(WATER, 4544)
                        .withSort(List.of(new SortKey("dn_mm; DROP TABLE road", true)))))
        .isInstanceOf(QueryException.class);
  }

  @Test
  void aWindowInsideTheServiceAreasReachIsTransformedAndAnyOtherIsClippedToItFirst() {
    List<Object> params = new ArrayList<>();
    // Web Mercator around the sample (103.7°E, 36.5°N) and a longitude/latitude box
    assertThat(SQL.window(new Envelope(11544000, 11545000, 4369000, 4370000), 3857, params))
        .isEqualTo("ST_Transform(ST_Segmentize(ST_MakeEnvelope(?, ?, ?, ?, 3857), ?), 4544)");
    assertThat(params).containsExactly(11544000.0, 4369000.0, 11545000.0, 4370000.0, 62.5);
    assertThat(SQL.window(new Envelope(103.6, 103.8, 36.4, 36.6), 4490, new ArrayList<>()))
        .doesNotContain("ST_Intersection");
    // GDAL's whole-world request, a box beyond the reach's 2° margin and an unlisted CRS are
    // clipped to the reach in SQL
    assertThat(SQL.window(new Envelope(-180, 180, -90, 90), 4326, new ArrayList<>()))
        .contains("ST_Intersection(ST_MakeEnvelope(?, ?, ?, ?, 4326), ST_MakeEnvelope(");
    assertThat(SQL.window(new Envelope(106.0, 106.1, 36.4, 36.6), 4490, new ArrayList<>()))
        .contains("ST_Intersection(");
    assertThat(SQL.window(new Envelope(500000, 501000, 4000000, 4001000), 32648, new ArrayList<>()))
        .contains("ST_Intersection(");
    // the reach edge in Web Mercator: 105.85°E is x = 11,783,168.1 m
    assertThat(
            SQL.window(new Envelope(11783000, 11783100, 4369000, 4370000), 3857, new ArrayList<>()))
        .doesNotContain("ST_Intersection");
    assertThat(
            SQL.window(new Envelope(11783200, 11783300, 4369000, 4370000), 3857, new ArrayList<>()))
        .contains("ST_Intersection(");
  }
}
