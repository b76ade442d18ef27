import cn.lzxq.city.data.db.DatabaseConfig;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Cold vector tiles of our server against the bare ST_AsMVT SQL of the same tiles, both sides
 * through the same kind of client in this one JVM: blocking, on the calling thread, one persistent
 * connection, one request after another:
 *
 * <ul>
 *   <li>HTTP: {@link HttpURLConnection} (HTTP/1.1 keep-alive), each tile GET read to its last
 *       byte; identity encoding unless GZIP=1 (then {@code Accept-Encoding: gzip}, as browsers and
 *       QGIS send it). Not java.net.http.HttpClient: it hands every request between its selector
 *       and executor threads, and on a loaded machine each hand-off waits for a core (8 ms per
 *       cached tile at load 13 where curl took 0.4 ms);
 *   <li>SQL: one pgjdbc connection (the server's driver; autocommit, as a user's client), each
 *       tile's statement sent as it is written in the SQL file (one line, one statement, its
 *       envelope as literals) and its bytea read to the client.
 * </ul>
 *
 * <p>Both sides run once untimed (the database's buffers, both JITs, and every tile built once),
 * then WARM_ROUNDS (3) untimed rounds of a truncate, a cold pass and ten passes over the stored
 * tiles: a server that has run a while has compiled its request paths, a fresh one has not (its
 * JIT compiler threads took more CPU than the request threads through the first 1,500 cold tiles
 * at load 13–23, and the JVM's CPU per cold tile went 6.6 → 2.5 ms over six cold rounds; the
 * cached path needed ~25,000 requests, bench/history/tiles2d.md), then ROUNDS rounds of: the truncate command (our cache made stale for the block), 1.5 s for the
 * server's change-log poll, the cold HTTP pass, the same tiles again from the cache (the warm pass:
 * what serving a stored tile through HTTP costs, client included) and the SQL pass. Beside the wall
 * time, each pass takes the CPU time it cost per tile, which a busy machine inflates far less than
 * waits for a core: the server JVM's (SERVER_PID), the database backends' (the server's pool for
 * HTTP, the client's own backend for SQL; read from /proc, so on this host) and the client
 * thread's. Prints each round and one line 'RESULT cold=… warm=… sql=… ratio=… build_ratio=…
 * cpu_cold_ms=… cpu_warm_ms=… cpu_sql_ms=… cpu_ratio=…' of the medians (seconds per pass, CPU ms
 * per tile), ratio = cold ÷ sql, build_ratio = (cold − warm) ÷ sql, cpu_ratio = the CPU ratio.
 *
 * <p>Run (classpath: gis-data's classes and dependencies): java -cp CP
 * bench/tiles2d/ColdMvt.java BASE DATABASE_URL MVT_PATHS SQL_FILE ROUNDS TRUNCATE-COMMAND...
 */
public class ColdMvt {

  /** Passes over the stored tiles after each untimed cold pass. */
  static final int WARM_PASSES = 10;

  /** One timed pass: wall seconds and CPU milliseconds per tile of each party. */
  record Pass(double seconds, double serverMs, double databaseMs, double clientMs) {
    double cpuMs() {
      return serverMs + databaseMs + clientMs;
    }
  }

  public static void main(String[] a) throws Exception {
    if (a.length < 6) {
      System.err.println(
          "usage: [SERVER_PID=pid] java -cp CP ColdMvt.java BASE DATABASE_URL MVT_PATHS SQL_FILE"
              + " ROUNDS TRUNCATE...");
      System.exit(2);
    }
    String base = a[0];
    DatabaseConfig db = DatabaseConfig.parse(a[1]);
    List<String> paths = lines(a[2]);
    List<String> sql = lines(a[3]);
    int rounds = Integer.parseInt(a[4]);
    List<String> truncate = Arrays.asList(a).subList(5, a.length);
    boolean gzip = "1".equals(System.getenv("GZIP"));
    String serverPid = System.getenv().getOrDefault("SERVER_PID", "");
    int warmRounds = Integer.parseInt(System.getenv().getOrDefault("WARM_ROUNDS", "3"));
    try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
      sqlPass(c, sql);
      httpPass(base, paths, gzip);
      for (int r = 0; r < warmRounds; r++) { // the server's JIT compiles its request paths
        truncate(truncate);
        for (int i = 0; i <= WARM_PASSES; i++) {
          httpPass(base, paths, gzip);
        }
      }
      Pass[][] t = new Pass[3][rounds];
      for (int r = 0; r < rounds; r++) {
        truncate(truncate);
        List<String> backends = serverBackends(c);
        t[0][r] = measure(paths.size(), serverPid, backends, () -> httpPass(base, paths, gzip));
        t[1][r] = measure(paths.size(), serverPid, backends, () -> httpPass(base, paths, gzip));
        t[2][r] = measure(paths.size(), "", List.of(ownBackend(c)), () -> sqlPass(c, sql));
        System.out.printf(
            "round %d: cold %.3f s, warm %.3f s, sql %.3f s, ratio %.2f, build_ratio %.2f;"
                + " CPU ms per tile (server JVM + database + client): cold %s, warm %s, sql %s"
                + " — load %s%n",
            r + 1,
            t[0][r].seconds(),
            t[1][r].seconds(),
            t[2][r].seconds(),
            t[0][r].seconds() / t[2][r].seconds(),
            (t[0][r].seconds() - t[1][r].seconds()) / t[2][r].seconds(),
            cpu(t[0][r]),
            cpu(t[1][r]),
            cpu(t[2][r]),
            load());
      }
      double cold = median(t[0], Pass::seconds);
      double warm = median(t[1], Pass::seconds);
      double bare = median(t[2], Pass::seconds);
      double cpuCold = median(t[0], Pass::cpuMs);
      double cpuSql = median(t[2], Pass::cpuMs);
      System.out.printf(
          "RESULT cold=%.3f warm=%.3f sql=%.3f ratio=%.2f build_ratio=%.2f cpu_cold_ms=%.2f"
              + " cpu_warm_ms=%.2f cpu_sql_ms=%.2f cpu_ratio=%.2f tiles=%d rounds=%d gzip=%b%n",
          cold,
          warm,
          bare,
          cold / bare,
          (cold - warm) / bare,
          cpuCold,
          median(t[1], Pass::cpuMs),
          cpuSql,
          cpuCold / cpuSql,
          paths.size(),
          rounds,
          gzip);
    }
  }

  /** Runs the truncate command, then waits 1.5 s for the server's change-log poll. */
  static void truncate(List<String> command) throws Exception {
    Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
    p.getInputStream().transferTo(System.err);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("truncate failed: " + command);
    }
    Thread.sleep(1500);
  }

  interface Timed {
    double run() throws Exception;
  }

  /**
   * Runs a pass and takes the CPU time it cost per tile: the server JVM's ({@code /proc/PID/stat},
   * when a pid is given), the database backends' and this client thread's.
   */
  static Pass measure(int tiles, String serverPid, List<String> backends, Timed pass)
      throws Exception {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    long s0 = ticks(serverPid);
    long d0 = 0;
    for (String b : backends) {
      d0 += ticks(b);
    }
    long c0 = threads.getCurrentThreadCpuTime();
    double seconds = pass.run();
    long c1 = threads.getCurrentThreadCpuTime();
    long d1 = 0;
    for (String b : backends) {
      d1 += ticks(b);
    }
    long s1 = ticks(serverPid);
    double tickMs = 10.0; // USER_HZ = 100 on Linux
    return new Pass(
        seconds,
        (s1 - s0) * tickMs / tiles,
        (d1 - d0) * tickMs / tiles,
        (c1 - c0) / 1e6 / tiles);
  }

  /** utime + stime of a process in clock ticks (0 for no pid or a process gone). */
  static long ticks(String pid) throws Exception {
    if (pid.isEmpty()) {
      return 0;
    }
    Path stat = Path.of("/proc", pid, "stat");
    if (!Files.exists(stat)) {
      return 0;
    }
    String st = Files.readString(stat);
    String[] f = st.substring(st.lastIndexOf(')') + 2).split(" ");
    return Long.parseLong(f[11]) + Long.parseLong(f[12]);
  }

  /** The database backends of this database but ours: the server's pool. */
  static List<String> serverBackends(Connection c) throws Exception {
    List<String> out = new ArrayList<>();
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT pid FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid()")) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  static String ownBackend(Connection c) throws Exception {
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
      rs.next();
      return rs.getString(1);
    }
  }

  static String cpu(Pass p) {
    return String.format(
        "%.2f (%.2f + %.2f + %.2f)", p.cpuMs(), p.serverMs(), p.databaseMs(), p.clientMs());
  }

  /** Seconds to GET every path once, one after another; fails on anything but 200. */
  static double httpPass(String base, List<String> paths, boolean gzip) throws Exception {
    long bytes = 0;
    long t0 = System.nanoTime();
    for (String p : paths) {
      HttpURLConnection h = (HttpURLConnection) URI.create(base + p).toURL().openConnection();
      h.setRequestProperty("Accept", "application/vnd.mapbox-vector-tile");
      if (gzip) {
        h.setRequestProperty("Accept-Encoding", "gzip");
      }
      if (h.getResponseCode() != 200) {
        throw new IllegalStateException(h.getResponseCode() + " for " + p);
      }
      try (InputStream in = h.getInputStream()) { // read to the end: the connection is kept
        bytes += in.readAllBytes().length;
      }
    }
    double s = (System.nanoTime() - t0) / 1e9;
    if (bytes == 0) {
      throw new IllegalStateException("every tile was empty");
    }
    return s;
  }

  /** Seconds to run every statement once on one connection, reading each tile's bytes. */
  static double sqlPass(Connection c, List<String> sql) throws Exception {
    long bytes = 0;
    long t0 = System.nanoTime();
    try (Statement s = c.createStatement()) {
      for (String q : sql) {
        try (ResultSet rs = s.executeQuery(q)) {
          rs.next();
          byte[] tile = rs.getBytes(1);
          bytes += tile == null ? 0 : tile.length;
        }
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (bytes == 0) {
      throw new IllegalStateException("every statement returned an empty tile");
    }
    return seconds;
  }

  static List<String> lines(String file) throws Exception {
    List<String> out = new ArrayList<>();
    for (String l : Files.readAllLines(Path.of(file))) {
      if (!l.isBlank()) {
        out.add(l.strip());
      }
    }
    return out;
  }

  static double median(Pass[] passes, java.util.function.ToDoubleFunction<Pass> f) {
    double[] s = Arrays.stream(passes).mapToDouble(f).sorted().toArray();
    return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
  }

  static String load() throws Exception {
    String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
    return f[0] + " " + f[1] + " " + f[2];
  }
}
