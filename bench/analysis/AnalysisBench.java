import cn.lzxq.city.data.analysis.clearance.ClearanceCheck;
import cn.lzxq.city.data.analysis.common.AnalysisDb;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Scope;
import cn.lzxq.city.data.analysis.common.ScopeResolver;
import cn.lzxq.city.data.analysis.excavation.ExcavationImpact;
import cn.lzxq.city.data.analysis.network.ValveIsolation;
import cn.lzxq.city.data.analysis.section.CrossSection;
import cn.lzxq.city.data.analysis.tower.ColocationRequest;
import cn.lzxq.city.data.analysis.tower.TowerColocation;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.DatabaseConfig;
import com.zaxxer.hikari.HikariDataSource;
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
import java.util.Set;
import tools.jackson.databind.json.JsonMapper;

/**
 * Analysis benchmark: the whole-city clearance check of the service against the hand-written
 * query (bench/analysis/clearance_hand.sql), and p50/p95 of cross-section, excavation, valve
 * isolation and co-location over random requests. Prints figures; run with bench/analysis/run.sh.
 */
public class AnalysisBench {

  static final JsonMapper JSON = JsonMapper.builder().build();

  public static void main(String[] args) throws Exception {
    String url = args[0];
    int requests = args.length > 1 ? Integer.parseInt(args[1]) : 300;
    int clearanceRuns = args.length > 2 ? Integer.parseInt(args[2]) : 5;
    try (HikariDataSource ds = CityDatabase.pool(DatabaseConfig.parse(url), 2)) {
      AnalysisDb db = new AnalysisDb(ds, 4544);
      Duration limit = Duration.ofMinutes(20);  // the whole-city check on `large` under load
      System.out.println("segments: " + scalar(ds, "SELECT count(*) FROM pipe_segment WHERE valid_to IS NULL"));
      clearance(ds, db, limit, clearanceRuns);
      double[] box = extent(ds);
      Random rnd = new Random(42);
      List<Long> pressure = fids(ds);
      report("cross-section (60 m line)", requests, i -> {
        double[] p = point(box, rnd);
        double a = rnd.nextDouble() * Math.PI;
        double dx = Math.cos(a) * 30 / 89000.0;
        double dy = Math.sin(a) * 30 / 111000.0;
        String line = "{\"type\":\"LineString\",\"coordinates\":[[" + (p[0] - dx) + "," + (p[1] - dy) + "],["
            + (p[0] + dx) + "," + (p[1] + dy) + "]]}";
        db.run(limit, s -> CrossSection.run(s, JSON.readTree(line), CrsRef.CRS84, time(s), 2000));
      });
      report("excavation (20 × 10 m, 2 m deep)", requests, i -> {
        double[] p = point(box, rnd);
        double w = 10 / 89000.0;
        double h = 5 / 111000.0;
        String poly = "{\"type\":\"Polygon\",\"coordinates\":[[[" + (p[0] - w) + "," + (p[1] - h) + "],[" + (p[0] + w) + ","
            + (p[1] - h) + "],[" + (p[0] + w) + "," + (p[1] + h) + "],[" + (p[0] - w) + "," + (p[1] + h) + "],["
            + (p[0] - w) + "," + (p[1] - h) + "]]]}";
        db.run(limit, s -> ExcavationImpact.run(s, JSON.readTree(poly), CrsRef.CRS84, 2.0, null, time(s), 250000));
      });
      report("valve isolation (random JS/RQ/RL segment)", requests, i -> {
        long fid = pressure.get(rnd.nextInt(pressure.size()));
        db.run(limit, s -> ValveIsolation.run(s, fid, null, CrsRef.CRS84, Set.of(), time(s)));
      });
      String[] ops = {"CMCC", "CUCC", "CTCC"};
      report("co-location (random site, EMF)", requests, i -> {
        double[] p = point(box, rnd);
        ColocationRequest q = new ColocationRequest(p[0], p[1], CrsRef.CRS84, ops[rnd.nextInt(3)], 20 + rnd.nextInt(20),
            "n78", 3500.0, 58.0, null);
        db.run(limit, s -> TowerColocation.run(s, q, time(s)));
      });
    }
  }

  interface Req {
    void run(int i) throws Exception;
  }

  static ResolvedScope time(cn.lzxq.city.data.analysis.common.Session s) throws java.sql.SQLException {
    return ScopeResolver.resolve(s, Scope.everything(null), Double.POSITIVE_INFINITY);
  }

  static void clearance(HikariDataSource ds, AnalysisDb db, Duration limit, int runs) throws Exception {
    String hand = Files.readString(Path.of("bench/analysis/clearance_hand.sql"));
    double[] service = new double[runs];
    double[] manual = new double[runs];
    int[] counts = new int[2];
    for (int r = -1; r < runs; r++) {
      long t0 = System.nanoTime();
      counts[0] = db.run(limit, s -> ClearanceCheck.existing(s, time(s))).count();
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
    System.out.printf("clearance, whole city: service median %.0f ms (min %.0f), hand query median %.0f ms (min %.0f), "
        + "ratio %.2f; violations %d / %d%n", service[runs / 2], service[0], manual[runs / 2], manual[0],
        service[runs / 2] / manual[runs / 2], counts[0], counts[1]);
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
