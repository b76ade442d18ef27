import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A closed-loop HTTP load of a request list, as wrk with bench/wms/requests.lua does it (for a
 * machine without wrk): C threads, each with its own keep-alive connection ({@link
 * HttpURLConnection}, blocking on the calling thread), start at offset (thread × 97) mod the list's
 * length and send the list's paths one after another, each answer read to its last byte, for
 * SECONDS. Beside the answers it takes the CPU time the load cost (from /proc, so on this host) of
 * the server JVM (SERVER_PID) and of the database cluster (POSTMASTER_PID: the postmaster, its
 * live children and those reaped during the run), in milliseconds per answer.
 *
 * <p>Run: java bench/wms/MapLoad.java BASE_URL LIST C SECONDS; prints one line 'RESULT rps=…
 * p50=… p95=… p99=… (ms) requests=… non200=… errors=… jvm_cpu_ms=… db_cpu_ms=…' (CPU per answer,
 * -1 when the pid is not given).
 */
public class MapLoad {

  /** Clock ticks per second of /proc's CPU times (USER_HZ, 100 on Linux). */
  static final double TICKS_PER_S = 100.0;

  public static void main(String[] args) throws Exception {
    String base = args[0];
    List<String> paths = Files.readAllLines(Path.of(args[1]));
    int threads = Integer.parseInt(args[2]);
    long until = System.nanoTime() + (long) (Double.parseDouble(args[3]) * 1e9);
    System.setProperty("http.maxConnections", Integer.toString(threads + 1));
    long jvm0 = cpuTicks(System.getenv("SERVER_PID"), false);
    long db0 = cpuTicks(System.getenv("POSTMASTER_PID"), true);
    long start = System.nanoTime();
    List<long[]> latencies = new ArrayList<>();
    AtomicLong non200 = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      long[] mine = new long[2_000_000];
      latencies.add(mine);
      int offset = (t * 97) % paths.size();
      Thread w = new Thread(() -> load(base, paths, offset, until, mine, non200, errors));
      w.start();
      workers.add(w);
    }
    for (Thread w : workers) {
      w.join();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    long jvm = cpuTicks(System.getenv("SERVER_PID"), false) - jvm0;
    long db = cpuTicks(System.getenv("POSTMASTER_PID"), true) - db0;
    long[] all = latencies.stream().flatMapToLong(a -> Arrays.stream(a, 1, (int) a[0] + 1)).toArray();
    Arrays.sort(all);
    int n = all.length;
    System.out.printf(
        "RESULT rps=%.2f p50=%.1f p95=%.1f p99=%.1f requests=%d non200=%d errors=%d"
            + " jvm_cpu_ms=%.2f db_cpu_ms=%.2f%n",
        n / seconds,
        pct(all, 0.50),
        pct(all, 0.95),
        pct(all, 0.99),
        n,
        non200.get(),
        errors.get(),
        System.getenv("SERVER_PID") == null ? -1 : jvm / TICKS_PER_S * 1000 / n,
        System.getenv("POSTMASTER_PID") == null ? -1 : db / TICKS_PER_S * 1000 / n);
  }

  /** One thread's loop; latencies[0] counts the answers, latencies[1..] their nanoseconds. */
  static void load(
      String base,
      List<String> paths,
      int offset,
      long until,
      long[] latencies,
      AtomicLong non200,
      AtomicLong errors) {
    byte[] sink = new byte[64 * 1024];
    int i = offset;
    while (System.nanoTime() < until) {
      i = (i + 1) % paths.size();
      long t0 = System.nanoTime();
      try {
        HttpURLConnection c =
            (HttpURLConnection) URI.create(base + paths.get(i)).toURL().openConnection();
        int status = c.getResponseCode();
        try (InputStream in = status < 400 ? c.getInputStream() : c.getErrorStream()) {
          while (in != null && in.read(sink) >= 0) {}
        }
        if (status != 200) {
          non200.incrementAndGet();
        }
      } catch (IOException e) {
        errors.incrementAndGet();
        continue;
      }
      if (latencies[0] < latencies.length - 1) {
        latencies[(int) ++latencies[0]] = System.nanoTime() - t0;
      }
    }
  }

  static double pct(long[] sorted, double p) {
    return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, p * sorted.length)] / 1e6;
  }

  /** utime + stime of PID, with its reaped children's and its live children's when withChildren. */
  static long cpuTicks(String pid, boolean withChildren) throws IOException {
    if (pid == null) {
      return 0;
    }
    String[] f = stat(pid);
    long ticks = Long.parseLong(f[13]) + Long.parseLong(f[14]);
    if (withChildren) {
      ticks += Long.parseLong(f[15]) + Long.parseLong(f[16]);
      for (Path p : Files.newDirectoryStream(Path.of("/proc"), "[0-9]*")) {
        try {
          String[] c = stat(p.getFileName().toString());
          if (c[3].equals(pid)) {
            ticks += Long.parseLong(c[13]) + Long.parseLong(c[14]);
          }
        } catch (IOException gone) {
          // the process ended while the directory was read
        }
      }
    }
    return ticks;
  }

  /** /proc/PID/stat's fields from the state on (index 2), after the parenthesised command. */
  static String[] stat(String pid) throws IOException {
    String s = Files.readString(Path.of("/proc", pid, "stat"));
    String[] rest = s.substring(s.lastIndexOf(')') + 2).split(" ");
    String[] f = new String[rest.length + 2];
    System.arraycopy(rest, 0, f, 2, rest.length);
    return f;
  }
}
