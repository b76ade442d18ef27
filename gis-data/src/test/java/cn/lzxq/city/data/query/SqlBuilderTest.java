package cn.lzxq.city.data.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

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
}
