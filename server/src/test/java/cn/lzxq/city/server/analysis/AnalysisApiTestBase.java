package cn.lzxq.city.server.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The analysis API tests share one application and one scratch schema loaded with the worked
 * example fixture {@code analysis/fixture.sql} (read its header for the layout: local metres from E
 * 383500, N 4041800 of EPSG:4544, flat ground at 1950.0 m).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class AnalysisApiTestBase {

  /** A CRS84 bbox around the whole fixture. */
  static final String FIXTURE_BBOX = "103.69,36.49,103.72,36.51";

  static final JsonMapper JSON = JsonMapper.builder().build();

  static HikariDataSource db;

  @LocalServerPort int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("AnalysisApi", registry, "/analysis/fixture.sql");
  }

  /** GET a path of this server; the response. */
  HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
    return Http.get("http://localhost:" + port + pathAndQuery);
  }

  /** GET a path and parse the JSON body, asserting HTTP 200. */
  JsonNode getJson(String pathAndQuery) throws IOException, InterruptedException {
    HttpResponse<String> r = get(pathAndQuery);
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    return JSON.readTree(r.body());
  }

  /** POST a JSON body. */
  HttpResponse<String> post(String path, String json) throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
            .timeout(Duration.ofSeconds(30))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json))
            .build();
    return Http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /**
   * The fid of the fixture segment whose remarks are {@code tag} (s1 … s5, B, C, S2, TX, RQ, DL,
   * duct).
   */
  static long fid(String tag) throws Exception {
    return Sql.count(
        db, "SELECT fid FROM pipe_segment WHERE valid_to IS NULL AND remarks = '" + tag + "'");
  }

  /** The fid of the fixture pipe point with survey number {@code expNo}. */
  static long pointFid(String expNo) throws Exception {
    return Sql.count(
        db, "SELECT fid FROM pipe_point WHERE valid_to IS NULL AND exp_no = '" + expNo + "'");
  }

  /** CRS84 "lon,lat" of a local fixture position (x east, y north metres from the origin). */
  static double[] lonLat(double x, double y) throws Exception {
    String s =
        Sql.strings(
                db,
                "SELECT ST_X(p) || ',' || ST_Y(p) FROM ST_Transform(fx_pt("
                    + x
                    + ", "
                    + y
                    + ", 0), 4326) p")
            .get(0);
    String[] parts = s.split(",");
    return new double[] {Double.parseDouble(parts[0]), Double.parseDouble(parts[1])};
  }

  /** A GeoJSON LineString through local fixture positions (x1, y1, x2, y2, …). */
  static String line(double... xy) throws Exception {
    return "{\"type\":\"LineString\",\"coordinates\":[" + positions(xy) + "]}";
  }

  /** A GeoJSON Polygon with one ring through local fixture positions (closed automatically). */
  static String polygon(double... xy) throws Exception {
    return "{\"type\":\"Polygon\",\"coordinates\":[["
        + positions(xy)
        + ","
        + positions(xy[0], xy[1])
        + "]]}";
  }

  private static String positions(double... xy) throws Exception {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < xy.length; i += 2) {
      double[] ll = lonLat(xy[i], xy[i + 1]);
      s.append(i == 0 ? "" : ",").append('[').append(ll[0]).append(',').append(ll[1]).append(']');
    }
    return s.toString();
  }
}
