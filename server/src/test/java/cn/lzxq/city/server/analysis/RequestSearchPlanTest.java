package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.sql.SqlTemplate;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The synchronous analyses find their candidates through the GiST index of the searched table, so a
 * request costs the same on `city` as on the fixture. Each statement is explained with its own
 * parameters and sequential scans disabled: a statement that can use the spatial index then does,
 * while one that cannot still reads the whole table (a Seq Scan, or a full scan of another index) —
 * an ST_DWithin whose distance depends on the searched row ({@code :buffer_m + s.half_width_m}), or
 * an EXISTS on ST_DWithin (PostgreSQL drives a semi-join from the small side only on an equality).
 * On `city` those were 592 ms and 130 ms instead of a few.
 */
class RequestSearchPlanTest extends AnalysisApiTestBase {

  @Autowired AnalysisRunner runner;

  @Test
  void excavationFindsThePipesNearThePitThroughTheSpatialIndex() {
    String plan =
        plan(
            "excavation_pipes",
            s -> {
              Map<String, Object> p = new HashMap<>();
              p.put("pit", pit(s));
              p.put("buffer_m", 3.0);
              p.put("depth_m", 2.0);
              return p;
            });
    assertThat(plan).contains("pipe_segment_geom_idx").doesNotContain("Seq Scan on pipe_segment");
  }

  @Test
  void valveIsolationFindsTheServedParcelsFromTheSegmentsThroughTheSpatialIndex() throws Exception {
    Long[] segments = {fid("s2"), fid("s3")};
    String plan =
        plan(
            "served_parcels",
            s -> {
              Map<String, Object> p = new HashMap<>();
              p.put("segments", segments);
              p.put("distance_m", 30.0);
              return p;
            });
    assertThat(plan).contains("zoning_parcel_geom_idx").doesNotContain("Seq Scan on zoning_parcel");
  }

  /** The parameters of a statement, some read in the session. */
  private interface Params {
    Map<String, Object> of(Session s) throws SQLException;
  }

  /**
   * The plan of {@code /sql/analysis/<name>.sql} with {@code params} and {@code as_of} null, under
   * the analysis runner, sequential scans disabled.
   */
  private String plan(String name, Params params) {
    return runner.timed(
        "excavation",
        ScopeParams.time(null),
        (s, time) -> {
          s.query("SELECT set_config('enable_seqscan', 'off', true)", Map.of(), r -> 1);
          Map<String, Object> p = params.of(s);
          p.put("as_of", null);
          return String.join(
              "\n",
              s.query(
                  "EXPLAIN " + SqlTemplate.render("analysis/" + name, Map.of()),
                  p,
                  r -> r.str("QUERY PLAN")));
        });
  }

  /** A 20 × 10 m pit east of the fixture's origin, native EWKB. */
  private static byte[] pit(Session s) throws SQLException {
    return s.query(
            "SELECT ST_AsEWKB(ST_MakeEnvelope(383520, 4041795, 383540, 4041805, 4544)) AS g",
            Map.of(),
            r -> r.bytes("g"))
        .get(0);
  }
}
