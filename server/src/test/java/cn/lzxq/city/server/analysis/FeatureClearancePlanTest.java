package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.analysis.clearance.ClearanceCheck;
import cn.lzxq.city.server.support.GeneratedSampleContextTest;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The synchronous bbox-scoped clearance check searches each feature table through its GiST index
 * from the scope's pipes: its pipe–feature statement, as the controller's runner sends it (scope
 * resolved, time limit set) over the whole {@code small} sample (26,973 pipes, 2,160 kerb chunks,
 * 650 buildings, 76 base stations), explained by {@link
 * cn.lzxq.city.data.analysis.common.Session#explainScans()}. When the search distance depended on
 * the feature row, PostgreSQL tested every scoped pipe against every kerb, building and pole with
 * sequential scans (69 M distance tests on `city`, 13.9 s for a 3 × 3 km box).
 */
class FeatureClearancePlanTest extends GeneratedSampleContextTest {

  @Autowired AnalysisRunner runner;

  @Test
  void theScopedFeatureClearanceProbesEachFeatureIndexFromTheScopesPipes() throws Exception {
    String plan =
        runner.scoped(
            "clearance",
            ScopeParams.scope(sampleBbox(), null, null, null, null, null, null),
            (s, scope) -> {
              List<String> plans = s.explainScans();
              ClearanceCheck.existing(s, scope);
              // the pair scan, then the pipe–feature statement
              assertThat(plans).hasSize(2);
              return plans.get(1);
            });
    for (String index :
        List.of("base_station_geom_idx", "building_geom_idx", "road_kerb_geom_idx")) {
      assertThat(plan)
          .as(plan)
          .containsPattern(
              Pattern.compile(
                  "Index Scan using "
                      + index
                      + " on \\w+ \\w+[^\\n]*\\n\\s*Index Cond: \\(+geom && st_expand\\("));
    }
    assertThat(plan)
        .as(plan)
        .doesNotContain(
            "Seq Scan on base_station", "Seq Scan on building", "Seq Scan on road_kerb");
  }
}
