package cn.lzxq.city.data.query.cql;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.FilterLimits;
import cn.lzxq.city.data.query.QueryException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Coordinate;

/** CQL2 text and JSON become the shared filter tree; hostile input is a request error. */
class Cql2TextTest {

  @Test
  void comparisonsLogicAndPrecedence() {
    Filter f =
        Cql2Text.parse(
            "dn_mm >= 300 AND (material = 'QM' OR NOT road_name LIKE '经一%') AND 10 < dn_mm");

    assertThat(f)
        .isEqualTo(
            new Filter.And(
                List.of(
                    new Filter.Compare(Filter.CompareOp.GE, "dn_mm", new BigDecimal("300"), true),
                    new Filter.Or(
                        List.of(
                            new Filter.Compare(Filter.CompareOp.EQ, "material", "QM", true),
                            new Filter.Not(new Filter.Like("road_name", "经一%", true)))),
                    new Filter.Compare(Filter.CompareOp.GT, "dn_mm", new BigDecimal("10"), true))));
  }

  @Test
  void advancedComparisonsAndCaseInsensitivity() {
    assertThat(Cql2Text.parse("dn_mm BETWEEN 100 AND 200"))
        .isEqualTo(new Filter.Between("dn_mm", new BigDecimal("100"), new BigDecimal("200")));
    assertThat(Cql2Text.parse("owner NOT IN ('SW', 'RQ')"))
        .isEqualTo(new Filter.Not(new Filter.In("owner", List.of("SW", "RQ"))));
    assertThat(Cql2Text.parse("remarks IS NOT NULL"))
        .isEqualTo(new Filter.Not(new Filter.IsNull("remarks")));
    assertThat(Cql2Text.parse("CASEI(material) = CASEI('qm')"))
        .isEqualTo(new Filter.Compare(Filter.CompareOp.EQ, "material", "qm", false));
    assertThat(Cql2Text.parse("\"road_name\" ILIKE '%road%'"))
        .isEqualTo(new Filter.Like("road_name", "%road%", false));
    assertThat(Cql2Text.parse("name = 'O''Brien'"))
        .isEqualTo(new Filter.Compare(Filter.CompareOp.EQ, "name", "O'Brien", true));
  }

  @Test
  void spatialLiteralsAreInTheFilterCrsAxisOrder() {
    Filter.Spatial crs84 = (Filter.Spatial) Cql2Text.parse("S_INTERSECTS(geom, POINT(103.7 36.5))");
    Filter.Spatial lat =
        (Filter.Spatial)
            Cql2Text.parse(
                "S_INTERSECTS(geom, POINT(36.5 103.7))", CrsRef.epsg(4490), FilterLimits.DEFAULT);
    Filter.BBox bbox =
        (Filter.BBox) Cql2Text.parse("BBOX(geom, 36.5, 103.7, 36.6, 103.8, 'EPSG:4490')");

    assertThat(crs84.geometry().getCoordinate()).isEqualTo(new Coordinate(103.7, 36.5));
    assertThat(lat.geometry().getCoordinate()).isEqualTo(new Coordinate(103.7, 36.5));
    assertThat(lat.geometry().getSRID()).isEqualTo(4490);
    assertThat(bbox.envelope().getMinX()).isEqualTo(103.7);
    assertThat(bbox.srid()).isEqualTo(4490);
    assertThat(
            ((Filter.Spatial) Cql2Text.parse("DWITHIN(geom, POINT(103.7 36.5), 2, kilometers)"))
                .distanceMetres())
        .isEqualTo(2000);
    assertThat(
            ((Filter.Spatial) Cql2Text.parse("S_WITHIN(geom, BBOX(103.6, 36.4, 103.9, 36.7))"))
                .geometry()
                .getArea())
        .isGreaterThan(0);
  }

  @Test
  void temporalFunctions() {
    assertThat(Cql2Text.parse("T_AFTER(valid_from, TIMESTAMP('2024-05-01T00:00:00Z'))"))
        .isEqualTo(
            new Filter.Temporal(
                Filter.TemporalOp.AFTER,
                "valid_from",
                Instant.parse("2024-05-01T00:00:00Z"),
                null));
    assertThat(Cql2Text.parse("T_DURING(survey_date, INTERVAL('2020-01-01', '2021-01-01'))"))
        .isEqualTo(
            new Filter.Temporal(
                Filter.TemporalOp.DURING,
                "survey_date",
                Instant.parse("2020-01-01T00:00:00Z"),
                Instant.parse("2021-01-01T00:00:00Z")));
    assertThat(Cql2Text.parse("survey_date >= DATE('2020-01-01')"))
        .isEqualTo(new Filter.Compare(Filter.CompareOp.GE, "survey_date", "2020-01-01", true));
  }

  @Test
  void jsonEncodingGivesTheSameTree() {
    String json =
        """
        {"op": "and", "args": [
          {"op": ">=", "args": [{"property": "dn_mm"}, 300]},
          {"op": "s_intersects", "args": [{"property": "geom"}, {"type": "Point", "coordinates": [103.7, 36.5]}]},
          {"op": "in", "args": [{"property": "owner"}, ["SW", "RQ"]]},
          {"op": "t_before", "args": [{"property": "valid_from"}, {"timestamp": "2024-05-01T00:00:00Z"}]}]}
        """;
    Filter.And f = (Filter.And) Cql2Json.parse(json, CrsRef.CRS84, FilterLimits.DEFAULT);

    assertThat(f.parts().get(0))
        .isEqualTo(new Filter.Compare(Filter.CompareOp.GE, "dn_mm", new BigDecimal("300"), true));
    assertThat(((Filter.Spatial) f.parts().get(1)).geometry().getCoordinate())
        .isEqualTo(new Coordinate(103.7, 36.5));
    assertThat(f.parts().get(2)).isEqualTo(new Filter.In("owner", List.of("SW", "RQ")));
    assertThat(f.parts().get(3))
        .isEqualTo(
            new Filter.Temporal(
                Filter.TemporalOp.BEFORE,
                "valid_from",
                Instant.parse("2024-05-01T00:00:00Z"),
                null));
  }

  @Test
  void syntaxErrorsAndLimitsAreInvalidParameterValues() {
    for (String bad :
        List.of(
            "dn_mm >",
            "dn_mm = 1; DROP TABLE road",
            "(dn_mm = 1",
            "name = 'open",
            "dn_mm = dn_mm",
            "S_INTERSECTS(geom, POINT(1))",
            "1 = 1",
            "")) {
      assertThatThrownBy(() -> Cql2Text.parse(bad))
          .as(bad)
          .isInstanceOf(QueryException.class)
          .extracting(e -> ((QueryException) e).code())
          .isEqualTo("InvalidParameterValue");
    }
    String deep = "(".repeat(100) + "a = 1" + ")".repeat(100);
    assertThatThrownBy(() -> Cql2Text.parse(deep)).hasMessageContaining("nested deeper");
    String wide = "a IN (" + "1,".repeat(5000) + "1)";
    assertThatThrownBy(() -> Cql2Text.parse(wide)).hasMessageContaining("more than");
    assertThatThrownBy(() -> Cql2Json.parse("{\"op\":", CrsRef.CRS84, FilterLimits.DEFAULT))
        .isInstanceOf(QueryException.class);
  }
}
