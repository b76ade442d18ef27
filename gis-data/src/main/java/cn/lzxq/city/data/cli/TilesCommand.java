package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.job.Job;
import cn.lzxq.city.data.job.JobQueue;
import cn.lzxq.city.data.job.JobResult;
import cn.lzxq.city.data.job.JobStatus;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * 2D tiles of the tile store: {@code tiles seed} queues a seeding job (kind {@code tiles-seed}) in
 * the project's job queue, where a server node runs it (and another takes it over if that node
 * dies), and follows it with a progress bar; {@code tiles truncate} writes a change-log row per
 * layer, so every node drops the layer's 2D tiles of those levels in that box on its next read.
 */
@Command(
    name = "tiles",
    description = "seed or truncate the 2D tiles (WMTS, OGC API - Tiles) of a layer",
    subcommands = {TilesCommand.Seed.class, TilesCommand.Truncate.class})
final class TilesCommand {

  /** Options both subcommands take. */
  static final class Scope {
    @Option(
        names = "--layer",
        required = true,
        description = "layer name (WMS layer for map tiles), or 'all' for the whole map")
    String layer;

    @Option(
        names = "--zoom",
        description =
            "levels FIRST-LAST or one level (seed: required; truncate: default every level)")
    String zoom;

    @Option(
        names = "--bbox",
        description = "WEST,SOUTH,EAST,NORTH in CGCS2000 degrees (default: the service area)")
    String bbox;

    int[] zooms() {
      String[] p = zoom.split("-");
      int a = Integer.parseInt(p[0].trim());
      int b = p.length > 1 ? Integer.parseInt(p[1].trim()) : a;
      if (p.length > 2 || a < 0 || b < a || b > 30) {
        throw new IllegalArgumentException(
            "--zoom must be FIRST-LAST with 0 <= FIRST <= LAST <= 30");
      }
      return new int[] {a, b};
    }

    double[] box() {
      if (bbox == null) {
        return new double[] {103.55, 36.28, 103.85, 36.72};
      }
      String[] p = bbox.split(",");
      if (p.length != 4) {
        throw new IllegalArgumentException("--bbox needs WEST,SOUTH,EAST,NORTH");
      }
      double[] b = new double[4];
      for (int i = 0; i < 4; i++) {
        b[i] = Double.parseDouble(p[i].trim());
      }
      if (!(b[0] < b[2] && b[1] < b[3])) {
        throw new IllegalArgumentException("--bbox must have WEST < EAST and SOUTH < NORTH");
      }
      return b;
    }

    /** The catalog layers a name stands for (a pipe subtype stands for its network's layer). */
    List<String> catalogLayers() {
      LayerCatalog c = LayerCatalog.standard();
      if (layer.equals("all")) {
        return c.vectors().stream().map(Layer::name).toList();
      }
      for (Layer l : c.vectors()) {
        if (layer.equals(l.name()) || layer.startsWith(l.name() + "_")) {
          return List.of(l.name());
        }
      }
      throw new IllegalArgumentException("no layer " + layer);
    }
  }

  @Command(name = "seed", description = "build the tiles of a layer in a box over levels (a job)")
  static final class Seed implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Mixin Scope scope;

    @Option(
        names = "--tile-matrix-set",
        defaultValue = "WebMercatorQuad",
        description = "WebMercatorQuad, CGCS2000Quad or EPSG<native> (default: ${DEFAULT-VALUE})")
    String set;

    @Option(
        names = "--format",
        defaultValue = "png",
        description = "png, jpeg (map tiles) or mvt (vector tiles) (default: ${DEFAULT-VALUE})")
    String format;

    @Option(names = "--time", description = "as-of time, ISO 8601 (default: now)")
    String time;

    @Option(names = "--no-wait", description = "queue the job and return its id")
    boolean noWait;

    @Override
    public Integer call() throws Exception {
      String inputs;
      try {
        scope.catalogLayers();
        int[] z = scope.zooms();
        double[] b = scope.box();
        inputs =
            String.format(
                Locale.ROOT,
                "{\"layer\":\"%s\",\"tileMatrixSet\":\"%s\",\"minZoom\":%d,\"maxZoom\":%d,"
                    + "\"bbox\":[%s,%s,%s,%s],\"format\":\"%s\"%s}",
                scope.layer,
                set,
                z[0],
                z[1],
                b[0],
                b[1],
                b[2],
                b[3],
                format,
                time == null ? "" : ",\"datetime\":\"" + java.time.Instant.parse(time) + "\"");
      } catch (RuntimeException e) {
        System.err.println("tiles seed: " + e.getMessage());
        return 2;
      }
      try (HikariDataSource ds = db.open()) {
        JobQueue queue = new JobQueue(ds);
        Job job = queue.submit("tiles-seed", inputs, "cli:" + System.getProperty("user.name"), 3);
        System.err.println("tiles seed: job " + job.id() + " queued");
        if (noWait) {
          System.out.println(job.id());
          return 0;
        }
        return follow(queue, job);
      }
    }

    private static int follow(JobQueue queue, Job job) throws SQLException, InterruptedException {
      try (Progress bar = new Progress("seeding " + job.id(), 100)) {
        int shown = 0;
        while (true) {
          Job now = queue.find(job.id()).orElseThrow();
          if (now.progress() > shown) {
            bar.advance(now.progress() - shown);
            shown = now.progress();
          }
          if (now.status().ended()) {
            if (now.status() == JobStatus.SUCCESSFUL) {
              bar.advance(100 - shown);
              JobResult r = queue.result(job.id()).orElseThrow();
              System.out.println(new String(r.bytes(), StandardCharsets.UTF_8));
              return 0;
            }
            System.err.println("tiles seed: " + now.status() + ": " + now.message());
            return 1;
          }
          Thread.sleep(500);
        }
      }
    }
  }

  @Command(
      name = "truncate",
      description = "drop the 2D tiles of a layer in a box (every server, every time)")
  static final class Truncate implements Callable<Integer> {
    @Mixin DatabaseOptions db;

    @Mixin Scope scope;

    @Override
    public Integer call() throws Exception {
      List<String> layers;
      int[] z;
      double[] b;
      try {
        layers = scope.catalogLayers();
        z = scope.zoom == null ? null : scope.zooms();
        b = scope.box();
      } catch (RuntimeException e) {
        System.err.println("tiles truncate: " + e.getMessage());
        return 2;
      }
      List<Long> seqs = new ArrayList<>();
      try (HikariDataSource ds = db.open();
          Connection c = ds.getConnection();
          PreparedStatement ps =
              c.prepareStatement(
                  "INSERT INTO tile_change (layer, west, south, east, north, min_zoom, max_zoom)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING seq")) {
        for (String layer : layers) {
          ps.setString(1, layer);
          for (int i = 0; i < 4; i++) {
            ps.setDouble(2 + i, b[i]);
          }
          ps.setObject(6, z == null ? null : z[0], java.sql.Types.SMALLINT);
          ps.setObject(7, z == null ? null : z[1], java.sql.Types.SMALLINT);
          try (ResultSet rs = ps.executeQuery()) {
            rs.next();
            seqs.add(rs.getLong(1));
          }
        }
      }
      System.err.println(
          "tiles truncate: "
              + String.join(", ", layers)
              + (z == null ? " (every level)" : " (levels " + z[0] + "-" + z[1] + ")")
              + " logged as change "
              + seqs
              + "; servers rebuild those tiles on their next request");
      return 0;
    }
  }
}
