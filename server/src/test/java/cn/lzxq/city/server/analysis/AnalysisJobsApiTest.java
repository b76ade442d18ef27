package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.Http;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * Whole-area checks as OGC API - Processes jobs (/ogcapi/processes, /ogcapi/jobs) on the
 * worked-example fixture: the job's answer equals the synchronous one; CSV and XLSX (read back by
 * GDAL); dismissal; the per-client limit; a job orphaned by a dead node is resumed.
 */
class AnalysisJobsApiTest extends AnalysisApiTestBase {

  private static final String REL = "http://www.opengis.net/def/rel/ogc/1.0/";

  @AfterEach
  void emptyQueue() throws Exception {
    Sql.exec(db, "DELETE FROM job");
  }

  @Test
  void listsTheProcessesAndTheirConformanceClasses() throws Exception {
    JsonNode list = getJson("/ogcapi/processes");
    assertThat(list.get("processes").findValuesAsString("id"))
        .containsExactly("clearance", "collision", "cover", "coverage", "coverage-kpi");
    JsonNode cover = getJson("/ogcapi/processes/cover");
    assertThat(cover.get("jobControlOptions").toString()).contains("async-execute");
    assertThat(cover.at("/inputs/frostDepth/schema/maximum").asInt()).isEqualTo(5);
    assertThat(cover.at("/inputs/bbox/schema/properties/bbox/minItems").asInt()).isEqualTo(4);
    assertThat(cover.at("/outputs/result/schema/oneOf/0/contentMediaType").asString())
        .isEqualTo("application/geo+json");
    assertThat(getJson("/ogcapi/processes/clearance").get("inputs").has("frostDepth")).isFalse();
    assertThat(getJson("/ogcapi/conformance").get("conformsTo").toString())
        .contains(
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/job-list",
            "http://www.opengis.net/spec/ogcapi-processes-1/1.0/conf/dismiss");
    assertThat(getJson("/ogcapi").get("links").findValuesAsString("rel"))
        .contains(REL + "processes", REL + "job-list");
    HttpResponse<String> missing = get("/ogcapi/processes/buffer");
    assertThat(missing.statusCode()).isEqualTo(404);
    assertThat(JSON.readTree(missing.body()).get("type").asString())
        .isEqualTo("http://www.opengis.net/def/exceptions/ogcapi-processes-1/1.0/no-such-process");
  }

  @Test
  void aClearanceJobAnswersWhatTheSynchronousCallAnswersAsGeoJsonCsvAndXlsx(@TempDir Path dir)
      throws Exception {
    HttpResponse<String> created =
        execute(
            "clearance",
            "{\"inputs\":{\"bbox\":{\"bbox\":[103.69,36.49,103.72,36.51],"
                + "\"crs\":\"http://www.opengis.net/def/crs/OGC/1.3/CRS84\"}}}");
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Preference-Applied")).hasValue("respond-async");
    JsonNode status = JSON.readTree(created.body());
    String id = status.get("jobID").asString();
    assertThat(created.headers().firstValue("Location"))
        .hasValue("http://localhost:" + port + "/ogcapi/jobs/" + id);
    assertThat(status.get("processID").asString()).isEqualTo("clearance");
    assertThat(status.get("type").asString()).isEqualTo("process");
    assertThat(status.get("status").asString()).isIn("accepted", "running", "successful");

    JsonNode done = await(id, "successful");
    assertThat(done.get("progress").asInt()).isEqualTo(100);
    assertThat(done.get("links").findValuesAsString("rel")).contains(REL + "results");
    assertThat(getJson("/ogcapi/jobs").get("jobs").findValuesAsString("jobID")).contains(id);

    // GeoJSON: the very document of GET /api/analysis/clearance?bbox=…&f=geojson (5 violations)
    JsonNode job = getJson("/ogcapi/jobs/" + id + "/results");
    JsonNode sync = getJson("/api/analysis/clearance?f=geojson&bbox=" + FIXTURE_BBOX);
    assertThat(job.get("features")).hasSize(5);
    assertThat(job).isEqualTo(sync);

    // CSV: header + 5 rows, flattened properties, lon/lat of the location
    HttpResponse<String> csv = get("/ogcapi/jobs/" + id + "/results?f=csv");
    assertThat(csv.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
    String[] lines = csv.body().replace("\uFEFF", "").split("\r\n");
    assertThat(lines).hasSize(6);
    List<String> header = List.of(lines[0].split(","));
    assertThat(header)
        .contains("direction", "a.fid", "b.fid", "measuredM", "requiredM", "rule.id", "lon", "lat");
    assertThat(lines[1].split(",")[header.indexOf("measuredM")]).isEqualTo("0.907");
    assertThat(lines[1].split(",")[header.indexOf("rule.id")])
        .isEqualTo(sync.at("/features/0/properties/rule/id").asString());

    // XLSX, read by GDAL's XLSX driver: the same 5 rows and values
    HttpResponse<byte[]> xlsx =
        Http.send(
            HttpRequest.newBuilder(uri("/ogcapi/jobs/" + id + "/results"))
                .header(
                    "Accept", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
                .build(),
            HttpResponse.BodyHandlers.ofByteArray());
    assertThat(xlsx.statusCode()).isEqualTo(200);
    Path file = dir.resolve("clearance.xlsx");
    Files.write(file, xlsx.body());
    String info = run("ogrinfo", "-ro", "-al", "-oo", "HEADERS=FORCE", file.toString());
    assertThat(info)
        .contains("Feature Count: 5")
        .contains("measuredM (Real) = 0.907")
        .contains("rule.id (String) = " + sync.at("/features/0/properties/rule/id").asString())
        .contains("a.ownerName (String) = 兰州新区供水公司");
  }

  @Test
  void collisionAndCoverJobsOverTheWholeCityAnswerWhatTheScopedCallsAnswer() throws Exception {
    // No area: the whole city (here the fixture); the synchronous calls need one.
    String collision = JSON.readTree(execute("collision", "{}").body()).get("jobID").asString();
    String cover =
        JSON.readTree(execute("cover", "{\"inputs\":{\"frostDepth\":1.2}}").body())
            .get("jobID")
            .asString();
    await(collision, "successful");
    await(cover, "successful");
    assertThat(getJson("/ogcapi/jobs/" + collision + "/results").get("features"))
        .isEqualTo(
            getJson("/api/analysis/collision?f=geojson&bbox=" + FIXTURE_BBOX).get("features"));
    JsonNode coverJob = getJson("/ogcapi/jobs/" + cover + "/results");
    assertThat(coverJob.get("features")).isNotEmpty();
    // the whole city holds the bbox's findings (and any beyond it)
    assertThat(coverJob.get("features"))
        .containsAll(
            getJson("/api/analysis/cover?f=geojson&frostDepth=1.2&bbox=" + FIXTURE_BBOX)
                .get("features"));
    assertThat(getJson("/ogcapi/jobs?processID=cover").get("jobs").findValuesAsString("jobID"))
        .containsExactly(cover);
  }

  @Test
  void badSubmissionsAreRefusedAtOnceAsProblems() throws Exception {
    HttpResponse<String> road = execute("clearance", "{\"inputs\":{\"road\":\"没有这条路\"}}");
    assertThat(road.statusCode()).isEqualTo(400);
    assertThat(road.headers().firstValue("Content-Type").orElseThrow())
        .startsWith("application/problem+json");
    assertThat(road.body()).contains("unknown road");
    assertThat(execute("clearance", "{\"inputs\":{\"bbox\":[1,2,3]}}").statusCode()).isEqualTo(400);
    assertThat(execute("clearance", "{\"inputs\":{\"frostDepth\":1}}").body())
        .contains("unknown input 'frostDepth'");
    assertThat(execute("cover", "{\"inputs\":{\"frostDepth\":9}}").statusCode()).isEqualTo(400);
    assertThat(execute("clearance", "{not json").statusCode()).isEqualTo(400);
    assertThat(execute("nothing", "{}").statusCode()).isEqualTo(404);
    assertThat(Sql.count(db, "SELECT count(*) FROM job")).isZero();
    HttpResponse<String> job = get("/ogcapi/jobs/6f1c1d34-0000-4000-8000-000000000000");
    assertThat(job.statusCode()).isEqualTo(404);
    assertThat(job.body()).contains("no-such-job");
    assertThat(get("/ogcapi/jobs/not-a-uuid/results").statusCode()).isEqualTo(404);
  }

  @Test
  void dismissingAJobDropsItsResultAndAClientHasAtMostThreeOpenJobs() throws Exception {
    String id = JSON.readTree(execute("clearance", "{}").body()).get("jobID").asString();
    await(id, "successful");
    HttpResponse<String> dismissed =
        send(HttpRequest.newBuilder(uri("/ogcapi/jobs/" + id)).DELETE());
    assertThat(dismissed.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(dismissed.body()).get("status").asString()).isEqualTo("dismissed");
    assertThat(getJson("/ogcapi/jobs/" + id).get("status").asString()).isEqualTo("dismissed");
    assertThat(get("/ogcapi/jobs/" + id + "/results").statusCode()).isEqualTo(404);
    assertThat(send(HttpRequest.newBuilder(uri("/ogcapi/jobs/" + id)).DELETE()).statusCode())
        .isEqualTo(404);
    assertThat(getJson("/ogcapi/jobs").get("jobs").findValuesAsString("jobID")).doesNotContain(id);

    // three jobs of this client are running on a busy node: the fourth is refused with 429
    Sql.exec(
        db,
        "INSERT INTO job (kind, client, status, node, heartbeat) SELECT 'clearance', 'anon:127.0.0.1', "
            + "'running', 'busy-node', now() + interval '1 hour' FROM generate_series(1, 3)");
    HttpResponse<String> fourth = execute("clearance", "{}");
    assertThat(fourth.statusCode()).isEqualTo(429);
    assertThat(fourth.headers().firstValue("Retry-After")).isPresent();
  }

  @Test
  void aJobOrphanedByADeadNodeIsResumedHere() throws Exception {
    // A node died 10 minutes into a whole-city clearance job: its heartbeat is stale (> 30 s).
    String id =
        Sql.strings(
                db,
                "INSERT INTO job (kind, inputs, client, status, node, heartbeat, started, attempts) "
                    + "VALUES ('clearance', '{}', 'anon:10.1.1.1', 'running', 'dead-node', now() - interval '10 minutes', "
                    + "now() - interval '10 minutes', 1) RETURNING id::text")
            .get(0);
    JsonNode done = await(id, "successful");
    assertThat(done.get("started").asString()).isNotNull();
    assertThat(Sql.count(db, "SELECT attempts FROM job WHERE id = '" + id + "'")).isEqualTo(2);
    // the whole city: the 5 violations of the bbox call, then the yard's pole and building
    // (FeatureClearanceApiTest) as feature violations
    JsonNode features = getJson("/ogcapi/jobs/" + id + "/results").get("features");
    assertThat(features.findValuesAsString("finding"))
        .containsExactly(
            "violation",
            "violation",
            "violation",
            "violation",
            "violation",
            "feature_violation",
            "feature_violation");
    assertThat(features.get(5).at("/properties/feature/code").asString()).isEqualTo("LZXQ-Y001");
    assertThat(features.get(6).at("/properties/feature/code").asString()).isEqualTo("YARD-B1");
  }

  private HttpResponse<String> execute(String process, String body) throws Exception {
    return send(
        HttpRequest.newBuilder(uri("/ogcapi/processes/" + process + "/execution"))
            .header("Content-Type", "application/json")
            .header("Prefer", "respond-async")
            .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  private JsonNode await(String id, String status) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    JsonNode s = null;
    while (System.nanoTime() < deadline) {
      s = getJson("/ogcapi/jobs/" + id);
      if (s.get("status").asString().equals(status)) {
        return s;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("job " + id + " is not " + status + ": " + s);
  }

  private URI uri(String path) {
    return URI.create("http://localhost:" + port + path);
  }

  private static HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
    return Http.send(
        b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
  }

  private static String run(String... command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(String.join(" ", command) + "\n" + out).isZero();
    return out;
  }
}
