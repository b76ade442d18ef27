package cn.lzxq.city.server.wfs;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The server the edit tests share ({@link EditConcurrencyTest}, {@link FeatureLockTest}, {@link
 * CorsConfiguredOriginsTest}): a Spring context on a scratch schema of its own holding the {@link
 * Fixture}, whose features these tests version many times (each test class uses features of its
 * own), with one configured CORS origin (a city portal that edits); and the helpers to run sixteen
 * writers at once and to check the version chains afterwards.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "city.http.cors-origins=https://portal.example.cn")
abstract class EditContextTest {

  static final int WRITERS = 16;

  static HikariDataSource db;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("EditContextTest", registry);
    Fixture.load(db);
  }

  /** One current version per feature, and no two versions of a feature valid at the same time. */
  static void assertNoOverlappingVersions() throws Exception {
    assertThat(
            Sql.count(
                db,
                "SELECT count(*) FROM (SELECT fid FROM pipe_segment GROUP BY fid"
                    + " HAVING count(*) FILTER (WHERE valid_to IS NULL) > 1) x"))
        .isZero();
    assertThat(
            Sql.count(
                db,
                "SELECT count(*) FROM pipe_segment a JOIN pipe_segment b ON a.fid = b.fid AND a.version_id < b.version_id"
                    + " AND tstzrange(a.valid_from, a.valid_to) && tstzrange(b.valid_from, b.valid_to)"))
        .isZero();
    assertThat(
            Sql.count(
                db,
                "SELECT count(*) FROM pipe_segment WHERE valid_to IS NOT NULL AND (closed_by IS NULL OR closed_at IS NULL)"))
        .as("every closed version names who closed it")
        .isZero();
  }

  static long latestVersion(long fid) throws Exception {
    return Sql.count(
        db, "SELECT version_id FROM pipe_segment WHERE fid = " + fid + " AND valid_to IS NULL");
  }

  static String wfs10Update(String fid, int dn) {
    return "<Transaction xmlns=\"http://www.opengis.net/wfs\" service=\"WFS\" version=\"1.0.0\" xmlns:ogc=\"http://www.opengis.net/ogc\">"
        + "<Update typeName=\""
        + fid.substring(0, fid.indexOf('.'))
        + "\"><Property><Name>dn_mm</Name><Value>"
        + dn
        + "</Value></Property>"
        + "<ogc:Filter><ogc:FeatureId fid=\""
        + fid
        + "\"/></ogc:Filter></Update></Transaction>";
  }

  static String putBody(long fid) {
    return "{\"type\":\"Feature\",\"properties\":{\"subtype\":\"JP\",\"feature_code\":\"51041000\",\"start_point\":\"P"
        + fid
        + "\",\"end_point\":\"Q"
        + fid
        + "\",\"depth_ref\":\"top\",\"dn_mm\":%d,\"owner\":\"SW\"},"
        + "\"geometry\":{\"type\":\"LineString\",\"coordinates\":[[103.70,36.5009,1948.8],[103.701,36.5009,1948.8]]}}";
  }

  static String outcome(String body) {
    return body.contains("<wfs:FAILED/>")
        ? "FAILED"
        : body.contains("<wfs:SUCCESS/>") ? "SUCCESS" : body;
  }

  static String uncheckedText(String xml, String xpath) {
    try {
      return Xml.text(xml, xpath);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  static Map<Integer, Long> statuses(List<HttpResponse<String>> answers) {
    return answers.stream()
        .collect(Collectors.groupingBy(HttpResponse::statusCode, Collectors.counting()));
  }

  static String bodies(List<HttpResponse<String>> answers) {
    return answers.stream()
        .map(r -> r.statusCode() + " " + r.body())
        .distinct()
        .limit(4)
        .collect(Collectors.joining("\n"));
  }

  /** Runs the sixteen writers at once (released together) and returns their answers. */
  static List<HttpResponse<String>> all(IntFunction<Callable<HttpResponse<String>>> writer)
      throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<HttpResponse<String>>> futures = new ArrayList<>();
      for (int i = 0; i < WRITERS; i++) {
        Callable<HttpResponse<String>> c = writer.apply(i);
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  return c.call();
                }));
      }
      start.countDown();
      List<HttpResponse<String>> out = new ArrayList<>();
      for (Future<HttpResponse<String>> f : futures) {
        out.add(f.get());
      }
      return out;
    } finally {
      pool.shutdownNow();
    }
  }

  HttpResponse<String> transaction(String xml) throws Exception {
    return request("POST", "/wfs", "text/xml", xml, null);
  }

  /** A request as the admin; {@code ifMatch} sent when not null. */
  HttpResponse<String> request(
      String method, String path, String contentType, String body, String ifMatch)
      throws Exception {
    HttpRequest.Builder b =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(body))
            .header("Authorization", Http.basic("admin:pw-admin"))
            .timeout(Duration.ofSeconds(120));
    if (contentType != null) {
      b.header("Content-Type", contentType);
    }
    if (ifMatch != null) {
      b.header("If-Match", ifMatch);
    }
    return Http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
