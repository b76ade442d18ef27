package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.support.ScratchDatabase;
import cn.lzxq.city.server.wms.WmsProperties;
import cn.lzxq.city.server.wms.render.RenderGate;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An analysis past its time limit is cancelled and answered with 400 problem JSON naming the limit
 * and the job API (503 means the database is unreachable, nothing else); a WMS map past its render
 * time limit (1 ms here) is a 400 OperationProcessingFailed ServiceExceptionReport; a map that
 * waited the render queue's timeout (100 ms here) for a render slot is a 503 ServiceExceptionReport
 * with Retry-After saying the server is busy drawing (not that the database is away).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "city.analysis.time-limits.clearance=1ms",
      "city.wms.max-render-time=1ms",
      "city.wms.queue-timeout=100ms"
    })
class AnalysisTimeLimitTest {

  private static HikariDataSource db;

  @LocalServerPort int port;

  @Autowired RenderGate gate;
  @Autowired WmsProperties wms;

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
    assertThat(r.statusCode()).isEqualTo(400);
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/problem+json");
    assertThat(r.headers().firstValue("Retry-After")).isEmpty();
    JsonNode p = JsonMapper.builder().build().readTree(r.body());
    assertThat(p.get("type").asString())
        .isEqualTo("https://lzxq.city/problems/analysis-time-limit");
    assertThat(p.get("detail").asString())
        .contains("time limit of 0.001 s")
        .contains("POST /ogcapi/processes/{id}/execution");
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

  @Test
  void aStoredQueryAndAMapPastTheirTimeLimitsAre400InTheirProtocolsForm() throws Exception {
    HttpResponse<String> wfs =
        Http.get(
            "http://localhost:"
                + port
                + "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature&STOREDQUERY_ID="
                + AnalysisStoredQueries.CLEARANCE
                + "&BBOX="
                + AnalysisApiTestBase.FIXTURE_BBOX);
    assertThat(wfs.statusCode()).as(wfs.body()).isEqualTo(400);
    assertThat(wfs.body())
        .contains("exceptionCode=\"OperationProcessingFailed\"")
        .contains("time limit of 0.001 s")
        .contains("/ogcapi/processes/{id}/execution");

    HttpResponse<String> wms =
        Http.get(
            "http://localhost:"
                + port
                + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=pipe_js,pipe_rq,pipe_point"
                + "&STYLES=&CRS=CRS:84&BBOX="
                + AnalysisApiTestBase.FIXTURE_BBOX
                + "&WIDTH=1024&HEIGHT=1024&FORMAT=image/png");
    assertThat(wms.statusCode()).as(wms.body()).isEqualTo(400);
    assertThat(wms.headers().firstValue("Retry-After")).isEmpty();
    assertThat(wms.body())
        .contains("<ServiceExceptionReport version=\"1.3.0\"")
        .contains("code=\"OperationProcessingFailed\"")
        .contains("time limit of 0.001 s exceeded drawing the map; narrow the BBOX");
  }

  @Test
  void aMapThatFindsEveryRenderSlotTakenIsA503BusyWithRetryAfter() throws Exception {
    List<RenderGate.Ticket> held = new ArrayList<>();
    HttpResponse<String> wms111;
    HttpResponse<String> wms130;
    try {
      for (int i = 0; i < wms.maxConcurrentRenders(); i++) {
        held.add(gate.enter(256, 256));
      }
      String map =
          "/wms?SERVICE=WMS&REQUEST=GetMap&LAYERS=pipe_js&STYLES=&WIDTH=256&HEIGHT=256"
              + "&FORMAT=image/png&BBOX=";
      wms130 =
          Http.get(
              "http://localhost:"
                  + port
                  + map
                  + "36.50,103.69,36.51,103.70&VERSION=1.3.0&CRS=EPSG:4490");
      wms111 =
          Http.get(
              "http://localhost:"
                  + port
                  + map
                  + "103.69,36.50,103.70,36.51&VERSION=1.1.1&SRS=EPSG:4490");
    } finally {
      held.forEach(RenderGate.Ticket::close);
    }
    assertThat(wms130.statusCode()).as(wms130.body()).isEqualTo(503);
    assertThat(wms130.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(wms130.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
    assertThat(wms130.body())
        .contains("<ServiceExceptionReport version=\"1.3.0\"")
        .contains("code=\"NoApplicableCode\"")
        .contains("busy drawing other maps")
        .doesNotContain("database");
    assertThat(wms111.statusCode()).as(wms111.body()).isEqualTo(503);
    assertThat(wms111.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(wms111.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.ogc.se_xml");
    assertThat(wms111.body()).contains("busy drawing other maps").doesNotContain("database");
  }
}
