package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.analysis.clearance.ClearanceCheck;
import cn.lzxq.city.data.analysis.collision.CollisionCheck;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The synchronous scoped pair checks (GET /api/analysis/clearance|collision?bbox=…) run their pair
 * scan in parallel workers: their own statement, through the runner of the controller (scope
 * resolved, time limit set), explained by {@link Session#explainScans()}. The fixture is tiny, so
 * the parallel costs are set to zero: what is checked is that nothing in the statement keeps
 * PostgreSQL from splitting the pair scan (a CTE scan or an unsafe function would).
 */
class ScopedPairScanPlanTest extends AnalysisApiTestBase {

  private static final Pattern WORKERS =
      Pattern.compile("Gather.*\\n(?:.*\\n)*?\\s*Workers Planned: (\\d+)");

  @Autowired AnalysisRunner runner;

  @Test
  void theScopedClearanceCheckScansItsPairsInParallelWorkers() {
    String plan = plan("clearance", (s, scope) -> ClearanceCheck.existing(s, scope));
    assertParallelPairScan(plan);
  }

  @Test
  void theScopedCollisionCheckScansItsPairsInParallelWorkers() {
    String plan = plan("collision", (s, scope) -> CollisionCheck.existing(s, scope));
    assertParallelPairScan(plan);
  }

  private static void assertParallelPairScan(String plan) {
    Matcher m = WORKERS.matcher(plan);
    assertThat(m.find()).as(plan).isTrue();
    assertThat(Integer.parseInt(m.group(1))).as(plan).isGreaterThanOrEqualTo(1);
    // the pair join (the GiST search of pipe_segment by ST_DWithin) is below the Gather
    String below = plan.substring(m.start());
    assertThat(below).as(plan).containsIgnoringCase("st_dwithin").contains("pipe_segment");
  }

  private String plan(String analysis, AnalysisRunner.ScopedWork<?> check) {
    return runner.scoped(
        analysis,
        ScopeParams.scope(FIXTURE_BBOX, null, null, null, null, null, null),
        (s, scope) -> {
          zeroParallelCosts(s);
          List<String> plans = s.explainScans();
          check.run(s, scope);
          // the pair scan is the first statement (clearance then checks the features)
          assertThat(plans).isNotEmpty();
          return plans.get(0);
        });
  }

  private static void zeroParallelCosts(Session s) throws SQLException {
    s.query(
        "SELECT set_config('parallel_setup_cost', '0', true), set_config('parallel_tuple_cost', '0', true), "
            + "set_config('min_parallel_table_scan_size', '0', true), set_config('min_parallel_index_scan_size', '0', true)",
        Map.of(),
        r -> 1);
  }
}
