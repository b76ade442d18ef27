package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An analysis past its time limit is cancelled and answered with 503 problem JSON and Retry-After.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "city.analysis.time-limits.clearance=1ms")
class AnalysisTimeLimitTest {

  private static HikariDataSource db;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("AnalysisTimeLimit", registry, "/analysis/fixture.sql");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void clearanceWithAOneMillisecondLimitIsCancelled() throws Exception {
    HttpResponse<String> r =
        Http.get(
            "http://localhost:"
                + port
                + "/api/analysis/clearance?bbox="
                + AnalysisApiTestBase.FIXTURE_BBOX);
    assertThat(r.statusCode()).isEqualTo(503);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(r.headers().firstValue("Retry-After")).hasValue("30");
    JsonNode p = JsonMapper.builder().build().readTree(r.body());
    assertThat(p.get("type").asString())
        .isEqualTo("https://lzxq.city/problems/analysis-time-limit");
    assertThat(p.get("detail").asString()).contains("time limit of 0.001 s");
    // Other analyses keep the default limit.
    assertThat(
            Http.get(
                    "http://localhost:"
                        + port
                        + "/api/analysis/cover?bbox="
                        + AnalysisApiTestBase.FIXTURE_BBOX)
                .statusCode())
        .isEqualTo(200);
  }
}
