import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.DatabaseConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analysis benchmark through HTTP, as users reach it (bench/analysis/run.sh starts the server jar
 * with the shipped configuration): the whole-city clearance check as an OGC API Processes job
 * (submitted → successful → GeoJSON downloaded) against the hand-written query
 * (bench/analysis/clearance_hand.sql with the tests' standard values, over JDBC), and p50/p95 of the synchronous cross-section,
 * excavation, valve isolation and co-location calls over random requests. Prints figures.
 * Arguments: server URL, database URL, requests, clearance runs (0: requests only).
 */
public class AnalysisBench {

  static final JsonMapper JSON = JsonMapper.builder().build();
  static final HttpClient HTTP = HttpClient.newHttpClient();
  static String server;

  public static void main(String[] args) throws Exception {
    server = args[0];
    String url = args[1];
    int requests = args.length > 2 ? Integer.parseInt(args[2]) : 300;
    int clearanceRuns = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    try (HikariDataSource ds = CityDatabase.pool(DatabaseConfig.parse(url), 2)) {
      System.out.println("segments: " + scalar(ds, "SELECT count(*) FROM pipe_segment WHERE valid_to IS NULL"));
      if (clearanceRuns > 0) {
        clearance(ds, clearanceRuns);
      }
      double[] box = extent(ds);
      Random rnd = new Random(42);
      List<Long> pressure = fids(ds);
      report("cross-section (60 m line)", requests, i -> {
        double[] p = point(box, rnd);
        double a = rnd.nextDouble() * Math.PI;
        double dx = Math.cos(a) * 30 / 89000.0;
        double dy = Math.sin(a) * 30 / 111000.0;
        get("/api/analysis/cross-section?line=" + (p[0] - dx) + "," + (p[1] - dy) + "," + (p[0] + dx) + "," + (p[1] + dy));
      });
      report("excavation (20 × 10 m, 2 m deep)", requests, i -> {
        double[] p = point(box, rnd);
        double w = 10 / 89000.0;
        double h = 5 / 111000.0;
        String poly = "{\"type\":\"Polygon\",\"coordinates\":[[[" + (p[0] - w) + "," + (p[1] - h) + "],[" + (p[0] + w) + ","
            + (p[1] - h) + "],[" + (p[0] + w) + "," + (p[1] + h) + "],[" + (p[0] - w) + "," + (p[1] + h) + "],["
            + (p[0] - w) + "," + (p[1] - h) + "]]]}";
        post("/api/analysis/excavation", "{\"geometry\":" + poly + ",\"depth\":2.0}", null);
      });
      report("valve isolation (random JS/RQ/RL segment)", requests, i ->
          get("/api/analysis/valve-isolation?fid=" + pressure.get(rnd.nextInt(pressure.size()))));
      String[] ops = {"CMCC", "CUCC", "CTCC"};
      report("co-location (random site, EMF)", requests, i -> {
        double[] p = point(box, rnd);
        get("/api/analysis/colocation?point=" + p[0] + "," + p[1] + "&operator=" + ops[rnd.nextInt(3)] + "&antennaHeight="
            + (20 + rnd.nextInt(20)) + "&band=n78&frequency=3500&eirp=58");
      });
    }
  }

  static HttpResponse<String> get(String path) throws Exception {
    return check(HTTP.send(HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofMinutes(20)).build(),
        HttpResponse.BodyHandlers.ofString()), path);
  }

  static HttpResponse<String> post(String path, String body, String prefer) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + path)).timeout(Duration.ofMinutes(20))
        .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    if (prefer != null) {
      b.header("Prefer", prefer);
    }
    return check(HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()), path);
  }

  static HttpResponse<String> check(HttpResponse<String> r, String path) {
    if (r.statusCode() >= 300) {
      throw new IllegalStateException(path + " answered " + r.statusCode() + ": " + r.body());
    }
    return r;
  }

  /**
   * One whole-city clearance job over HTTP: submit, poll its status every 50 ms, download the GeoJSON; the number of
   * violations between pipes and between pipes and features (what the hand query lists).
   */
  static int clearanceJob() throws Exception {
    JsonNode status = JSON.readTree(post("/ogcapi/processes/clearance/execution", "{\"inputs\":{}}", "respond-async").body());
    String id = status.get("jobID").asString();
    while (!status.get("status").asString().equals("successful")) {
      if (status.get("status").asString().equals("failed") || status.get("status").asString().equals("dismissed")) {
        throw new IllegalStateException("job " + id + ": " + status);
      }
      Thread.sleep(50);
      status = JSON.readTree(get("/ogcapi/jobs/" + id).body());
    }
    int n = 0;
    for (JsonNode f : JSON.readTree(get("/ogcapi/jobs/" + id + "/results").body()).get("features")) {
      String finding = f.at("/properties/finding").asString();
      n += finding.equals("violation") || finding.equals("feature_violation") ? 1 : 0;
    }
    HTTP.send(HttpRequest.newBuilder(URI.create(server + "/ogcapi/jobs/" + id)).DELETE().build(),
        HttpResponse.BodyHandlers.discarding());
    return n;
  }

  static void clearance(HikariDataSource ds, int runs) throws Exception {
    String hand = Files.readString(Path.of("bench/analysis/clearance_hand.sql"))
        .replace("{standard_values}", Files.readString(Path.of("server/src/test/resources/analysis/standard_values.sql")));
    double[] service = new double[runs];
    double[] manual = new double[runs];
    int[] counts = new int[2];
    for (int r = -1; r < runs; r++) {
      long t0 = System.nanoTime();
      counts[0] = clearanceJob();
      long t1 = System.nanoTime();
      counts[1] = rows(ds, hand);
      long t2 = System.nanoTime();
      if (r >= 0) {
        service[r] = (t1 - t0) / 1e6;
        manual[r] = (t2 - t1) / 1e6;
      }
    }
    Arrays.sort(service);
    Arrays.sort(manual);
    System.out.printf("clearance, whole city, HTTP job submitted -> GeoJSON downloaded: median %.0f ms (min %.0f), "
        + "hand query median %.0f ms (min %.0f), ratio %.2f; violations %d / %d%n", service[runs / 2], service[0],
        manual[runs / 2], manual[0], service[runs / 2] / manual[runs / 2], counts[0], counts[1]);
  }

  interface Req {
    void run(int i) throws Exception;
  }

  static void report(String name, int n, Req req) throws Exception {
    for (int i = 0; i < 10; i++) {
      req.run(i);
    }
    double[] ms = new double[n];
    for (int i = 0; i < n; i++) {
      long t = System.nanoTime();
      req.run(i);
      ms[i] = (System.nanoTime() - t) / 1e6;
    }
    Arrays.sort(ms);
    System.out.printf("%-45s n=%d  p50 %.1f ms  p95 %.1f ms  max %.1f ms%n", name, n, ms[n / 2], ms[(int) Math.ceil(n * 0.95) - 1],
        ms[n - 1]);
  }

  static double[] point(double[] box, Random rnd) {
    return new double[] {box[0] + rnd.nextDouble() * (box[2] - box[0]), box[1] + rnd.nextDouble() * (box[3] - box[1])};
  }

  static double[] extent(HikariDataSource ds) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e) FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, 4544), 4326) e "
            + "FROM pipe_segment WHERE valid_to IS NULL) x")) {
      rs.next();
      return new double[] {rs.getDouble(1), rs.getDouble(2), rs.getDouble(3), rs.getDouble(4)};
    }
  }

  static List<Long> fids(HikariDataSource ds) throws Exception {
    List<Long> out = new ArrayList<>();
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
        "SELECT fid FROM pipe_segment WHERE valid_to IS NULL AND network IN ('JS','RQ','RL') AND status <> 'abandoned' ORDER BY fid")) {
      while (rs.next()) {
        out.add(rs.getLong(1));
      }
    }
    return out;
  }

  static long scalar(HikariDataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  /** Rows of the hand query, fetched in one go (no cursor) so PostgreSQL may run it in parallel. */
  static int rows(HikariDataSource ds, String sql) throws Exception {
    try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
      c.setAutoCommit(false);
      int n = 0;
      try (ResultSet rs = s.executeQuery(sql.replaceAll(";\\s*$", ""))) {
        while (rs.next()) {
          n++;
        }
      }
      c.rollback();
      return n;
    }
  }
}
