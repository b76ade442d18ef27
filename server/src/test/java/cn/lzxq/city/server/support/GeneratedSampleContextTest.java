package cn.lzxq.city.server.support;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.sample.SampleGenerator;
import cn.lzxq.city.data.sample.SampleLoader;
import cn.lzxq.city.data.sample.SampleManifest;
import cn.lzxq.city.data.sample.SampleScale;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one server on the generator's {@code small} sample (with its DEM and its manifest of planted
 * defects), shared by the tests that read it: {@code PlantedDefectsRecallTest} and {@code
 * TerrainApiTest}. Subclasses only read the city model ({@code PlantedCoverageHolesJobTest} writes
 * the coverage grid, derived data no other reads); {@link #runJob} runs a process as a job. The
 * analysis time limit is raised from the production 10 s to 120 s: whole-sample checks take about 1
 * s on a quiet machine but can pass 10 s on a loaded build machine, and these tests are about the
 * answers (AnalysisTimeLimitTest covers the limit itself). Tiles built here go to a disk cache
 * under {@code target/}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "city.analysis.time-limit=120s")
public abstract class GeneratedSampleContextTest {

  /** A pool on the shared schema, for reading what the server should answer. */
  protected static HikariDataSource db;

  /** The loaded sample's manifest. */
  protected static SampleManifest manifest;

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("generated_sample", registry);
    manifest =
        SampleLoader.load(
                db,
                new SampleGenerator(SampleScale.SMALL, SampleGenerator.DEFAULT_SEED),
                true,
                false)
            .manifest();
    registry.add(
        "city.tile-store.disk",
        () -> Path.of("target/generated-sample-cache").toAbsolutePath().toString());
  }

  /** A CRS84 bbox around the whole sample ("minLon,minLat,maxLon,maxLat"). */
  protected static String sampleBbox() throws Exception {
    return Sql.strings(
            db,
            """
        SELECT concat_ws(',', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e))
        FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, 4544), 4326) AS e FROM pipe_segment) x""")
        .get(0);
  }

  /**
   * Runs a process of {@code /ogcapi/processes} as a job and waits for it (at most 180 s); its id,
   * once successful.
   *
   * @param body the execute request (JSON)
   */
  protected String runJob(String process, String body) throws Exception {
    JsonMapper json = JsonMapper.builder().build();
    String base = "http://localhost:" + port;
    HttpResponse<String> created =
        Http.send(
            HttpRequest.newBuilder(URI.create(base + "/ogcapi/processes/" + process + "/execution"))
                .header("Content-Type", "application/json")
                .header("Prefer", "respond-async")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String id = json.readTree(created.body()).get("jobID").asString();
    long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
    while (System.nanoTime() < deadline) {
      String status =
          json.readTree(Http.get(base + "/ogcapi/jobs/" + id).body()).get("status").asString();
      if (status.equals("successful")) {
        return id;
      }
      assertThat(status).as(process + " job " + id).isIn("accepted", "running");
      Thread.sleep(200);
    }
    throw new AssertionError(process + " job " + id + " did not finish in 180 s");
  }
}
