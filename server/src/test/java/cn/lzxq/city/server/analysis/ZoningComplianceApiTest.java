package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.sample.PlantedDefect;
import cn.lzxq.city.server.support.GeneratedSampleContextTest;
import cn.lzxq.city.server.support.Http;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code /api/analysis/zoning/compliance} over the box of all the sample's parcels: it lists
 * exactly the planted building_height, parcel_far and parcel_coverage breaches of the manifest, and
 * each figure agrees with an independent SQL computation written here (buildings grouped by their
 * recorded parcel_code, not by location; storeys from the floors column).
 */
class ZoningComplianceApiTest extends GeneratedSampleContextTest {

  private static final Set<String> KINDS =
      Set.of("building_height", "parcel_far", "parcel_coverage");
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Test
  void findsEveryPlantedBreachAndNothingElse() throws Exception {
    String bbox =
        Sql.strings(
                db,
                """
        SELECT concat_ws(',', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e))
        FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, 4544), 4326) AS e FROM zoning_parcel) x""")
            .get(0);
    HttpResponse<String> r =
        Http.get("http://localhost:" + port + "/api/analysis/zoning/compliance?bbox=" + bbox);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    JsonNode answer = JSON.readTree(r.body());
    assertThat(answer.get("buildingsChecked").asLong())
        .isEqualTo(Sql.count(db, "SELECT count(*) FROM building"));
    List<PlantedDefect> planted =
        manifest.defects().stream().filter(d -> KINDS.contains(d.kind())).toList();
    assertThat(planted.stream().map(PlantedDefect::kind).distinct()).hasSize(3);
    List<String> expected = new ArrayList<>();
    for (PlantedDefect d : planted) {
      expected.add(d.kind() + " " + d.fids().get(0));
    }
    List<String> found = new ArrayList<>();
    for (JsonNode f : answer.get("findings")) {
      found.add(f.get("kind").asString() + " " + f.get("fid").asLong());
      double[] independent = independent(f.get("kind").asString(), f.get("fid").asLong());
      assertThat(f.get("measured").asDouble())
          .as(f.toString())
          .isCloseTo(independent[0], within(0.002));
      assertThat(f.get("allowed").asDouble()).as(f.toString()).isEqualTo(independent[1]);
      assertThat(independent[0]).as(f.toString()).isGreaterThan(independent[1]);
    }
    assertThat(found).containsExactlyInAnyOrderElementsOf(expected);
    for (PlantedDefect d : planted) {
      double[] independent = independent(d.kind(), d.fids().get(0));
      assertThat(independent[0]).as(d.note()).isCloseTo(d.measuredM(), within(0.002));
    }
  }

  /**
   * The measured value and the limit of a finding, by SQL written for this test: a building's
   * recorded height (floors × 3 m without one) against its parcel's limit; a parcel's Σ(area ×
   * floors) / area_m2 and 100 × Σ area / area_m2 over the buildings recorded with its code.
   */
  private static double[] independent(String kind, long fid) throws Exception {
    String sql =
        switch (kind) {
          case "building_height" ->
              """
              SELECT coalesce(b.height_m, b.floors * 3.0)::float8 || ' ' || z.height_limit_m::float8
              FROM building b JOIN zoning_parcel z ON z.parcel_code = b.parcel_code
              WHERE b.fid = %d"""
                  .formatted(fid);
          case "parcel_far" ->
              """
              SELECT (sum(ST_Area(b.geom) * b.floors) / z.area_m2)::float8 || ' ' || z.max_far::float8
              FROM zoning_parcel z JOIN building b ON b.parcel_code = z.parcel_code
              WHERE z.fid = %d GROUP BY z.area_m2, z.max_far"""
                  .formatted(fid);
          default ->
              """
              SELECT (100 * sum(ST_Area(b.geom)) / z.area_m2)::float8 || ' ' || z.max_coverage_pct::float8
              FROM zoning_parcel z JOIN building b ON b.parcel_code = z.parcel_code
              WHERE z.fid = %d GROUP BY z.area_m2, z.max_coverage_pct"""
                  .formatted(fid);
        };
    String[] v = Sql.strings(db, sql).get(0).split(" ");
    return new double[] {Double.parseDouble(v[0]), Double.parseDouble(v[1])};
  }
}
