import java.net.URI;
import java.net.http.*;
import java.nio.file.*;
import java.util.*;

/**
 * Interleaved A/B of the four synchronous analysis requests of AnalysisBench between two running
 * servers (e.g. two builds, each on its own `city` load): the same random requests in the same
 * order, each pair sent A-first and B-first alternately, so the machine's load weighs on both alike.
 * Prints p50/p95/max per request and server. Arguments: server A URL, server B URL, requests per
 * kind, a file of segment fids (JS/RQ/RL, present in both databases) for valve isolation, and
 * optionally the kinds to run (0 cross-section, 1 excavation, 2 valve isolation, 3 co-location).
 * Run: java bench/analysis/RequestsAB.java http://127.0.0.1:18181 http://127.0.0.1:18180 20 fids.txt
 */
public class RequestsAB {
  static final HttpClient HTTP = HttpClient.newHttpClient();
  public static void main(String[] a) throws Exception {
    if (a.length < 4) {
      System.err.println("usage: java bench/analysis/RequestsAB.java URL-A URL-B REQUESTS FIDS-FILE [KINDS]");
      System.exit(2);
    }
    String[] servers = {a[0], a[1]};
    int n = Integer.parseInt(a[2]);
    List<Long> fids = Files.readAllLines(Path.of(a[3])).stream().filter(s -> !s.isBlank()).map(Long::parseLong).toList();
    String only = a.length > 4 ? a[4] : "";
    // the extent of the current pipes of the `city` sample (AnalysisBench reads it from the database)
    double[] box = {103.64318205147578, 36.454141606117304, 103.75675280092541, 36.54583373745491};
    String[] names = {"cross-section", "excavation", "valve isolation", "co-location"};
    for (int k = 0; k < 4; k++) {
      if (!only.isEmpty() && !only.contains(String.valueOf(k))) continue;
      Random rnd = new Random(42 + k);
      double[][] ms = new double[2][n];
      for (int i = -10; i < n; i++) {
        String[] req = request(k, box, rnd, fids);
        for (int j0 = 0; j0 < 2; j0++) {
          int j = (i + j0) % 2 == 0 ? 0 : 1; // alternate which server goes first
          if (i < 0) j = j0;
          long t = System.nanoTime();
          send(servers[j], req);
          if (i >= 0) ms[j][i] = (System.nanoTime() - t) / 1e6;
        }
      }
      for (int j = 0; j < 2; j++) {
        Arrays.sort(ms[j]);
        System.out.printf("%-16s %s n=%d p50 %.1f ms p95 %.1f ms max %.1f ms%n", names[k], j == 0 ? "A" : "B", n, ms[j][n / 2],
            ms[j][(int) Math.ceil(n * 0.95) - 1], ms[j][n - 1]);
      }
    }
  }
  static double[] point(double[] box, Random rnd) {
    return new double[] {box[0] + rnd.nextDouble() * (box[2] - box[0]), box[1] + rnd.nextDouble() * (box[3] - box[1])};
  }
  static String[] request(int k, double[] box, Random rnd, List<Long> fids) {
    double[] p = point(box, rnd);
    switch (k) {
      case 0: {
        double an = rnd.nextDouble() * Math.PI;
        double dx = Math.cos(an) * 30 / 89000.0, dy = Math.sin(an) * 30 / 111000.0;
        return new String[] {"/api/analysis/cross-section?line=" + (p[0] - dx) + "," + (p[1] - dy) + "," + (p[0] + dx) + "," + (p[1] + dy)};
      }
      case 1: {
        double w = 10 / 89000.0, h = 5 / 111000.0;
        String poly = "{\"type\":\"Polygon\",\"coordinates\":[[[" + (p[0] - w) + "," + (p[1] - h) + "],[" + (p[0] + w) + "," + (p[1] - h) + "],["
            + (p[0] + w) + "," + (p[1] + h) + "],[" + (p[0] - w) + "," + (p[1] + h) + "],[" + (p[0] - w) + "," + (p[1] - h) + "]]]}";
        return new String[] {"/api/analysis/excavation", "{\"geometry\":" + poly + ",\"depth\":2.0}"};
      }
      case 2:
        return new String[] {"/api/analysis/valve-isolation?fid=" + fids.get(rnd.nextInt(fids.size()))};
      default: {
        String[] ops = {"CMCC", "CUCC", "CTCC"};
        return new String[] {"/api/analysis/colocation?point=" + p[0] + "," + p[1] + "&operator=" + ops[rnd.nextInt(3)] + "&antennaHeight="
            + (20 + rnd.nextInt(20)) + "&band=n78&frequency=3500&eirp=58"};
      }
    }
  }
  static void send(String server, String[] req) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server + req[0]));
    if (req.length > 1) b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(req[1]));
    HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() >= 300) throw new IllegalStateException(server + req[0] + " " + r.statusCode() + " " + r.body());
  }
}
