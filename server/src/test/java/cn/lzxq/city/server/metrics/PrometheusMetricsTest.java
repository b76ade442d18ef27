package cn.lzxq.city.server.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.wfs.OgcClient;
import cn.lzxq.city.server.wfs.SmallCityContextTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class PrometheusMetricsTest extends SmallCityContextTest {

  @Test
  void anAdminScrapesRequestsPoolJobsAndReplication() throws Exception {
    OgcClient http = new OgcClient("http://localhost:" + port);
    assertThat(http.get("/ogcapi/collections/pipe_js/items", "limit", "1").statusCode())
        .isEqualTo(200);

    HttpResponse<String> r =
        http.send("GET", "/actuator/prometheus", "text/plain", null, "admin:pw-admin");

    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.body())
        .contains("http_server_requests_seconds_bucket{")
        .contains("/collections/{id}/items\"")
        .contains("hikaricp_connections_active")
        .containsPattern("city_jobs\\{[^}]*state=\"accepted\"[^}]*} 0")
        .containsPattern("city_db_reads_total\\{[^}]*target=\"primary\"[^}]*} [1-9]")
        .containsPattern("city_db_reads_total\\{[^}]*target=\"standby\"[^}]*} 0")
        .contains("city_db_replication_lag");
  }

  @Test
  void othersMayNotScrape() throws Exception {
    OgcClient http = new OgcClient("http://localhost:" + port);
    assertThat(http.get("/actuator/prometheus").statusCode()).isEqualTo(401);
  }
}
