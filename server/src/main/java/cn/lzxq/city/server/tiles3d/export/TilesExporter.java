package cn.lzxq.city.server.tiles3d.export;

import cn.lzxq.city.data.cli.Progress;
import cn.lzxq.city.server.tiles3d.Availability;
import cn.lzxq.city.server.tiles3d.ContentKind;
import cn.lzxq.city.server.tiles3d.SubtreeAvailability;
import cn.lzxq.city.server.tiles3d.TilesetService;
import cn.lzxq.city.server.tiles3d.View;
import cn.lzxq.city.server.tiles3d.grid.Grid;
import cn.lzxq.city.tiles.tileset.TilesetJson;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.springframework.stereotype.Component;

/**
 * Writes a complete static tileset (tileset.json, subtrees, GLB contents) to a folder for CDN
 * hosting: the same bytes the server would send, built in parallel by {@code threads} workers (each
 * reading PostGIS on its own pooled connection), with a progress bar on standard error.
 */
@Component
public class TilesExporter {

  private final TilesetService service;
  private final SubtreeAvailability availability;

  public TilesExporter(TilesetService service, SubtreeAvailability availability) {
    this.service = service;
    this.availability = availability;
  }

  /** One GLB to write. */
  private record Job(ContentKind kind, TileCoord tile) {}

  /** Exports {@code tileset} as seen in {@code view} into {@code out}. */
  public ExportResult export(String tileset, View view, Path out, int threads)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    List<ContentKind> kinds = service.contents(tileset);
    Grid grid = service.grid();
    List<Job> jobs = new ArrayList<>();
    Set<TileCoord> subtreeRoots =
        new TreeSet<>(
            Comparator.comparingInt(TileCoord::level)
                .thenComparingLong(TileCoord::x)
                .thenComparingLong(TileCoord::y));
    subtreeRoots.add(TileCoord.ROOT);
    long features = 0;
    int levels = grid.tree().subtreeLevels();
    for (ContentKind k : kinds) {
      Availability a = availability.of(grid, k, view);
      features += a.features();
      for (TileCoord t : a.tiles()) {
        jobs.add(new Job(k, t));
        for (int l = levels; l <= t.level(); l += levels) {
          subtreeRoots.add(t.ancestor(l));
        }
      }
    }
    Files.createDirectories(out);
    Files.write(
        out.resolve("tileset.json"),
        TilesetJson.toBytes(service.tilesetModel(grid, tileset, view, "")));
    for (TileCoord r : subtreeRoots) {
      write(
          out.resolve("subtrees/" + r.path() + ".subtree"),
          availability.subtree(grid, kinds, view, r));
    }
    long[] sizes = new long[jobs.size()];
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads));
    try (Progress progress = new Progress("tiles-export " + tileset, jobs.size())) {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < jobs.size(); i++) {
        int n = i;
        futures.add(
            pool.submit(
                () -> {
                  Job j = jobs.get(n);
                  byte[] glb = service.build(grid, service.sources().of(j.kind()), j.tile(), view);
                  write(out.resolve(j.kind().prefix() + j.tile().path() + ".glb"), glb);
                  sizes[n] = glb.length;
                  progress.advance(1);
                }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (ExecutionException e) {
      throw new IllegalStateException("export failed: " + e.getCause().getMessage(), e.getCause());
    } finally {
      pool.shutdownNow();
    }
    Arrays.sort(sizes);
    long bytes = Arrays.stream(sizes).sum();
    return new ExportResult(
        jobs.size(),
        subtreeRoots.size(),
        features,
        bytes,
        sizes.length == 0 ? 0 : sizes[sizes.length / 2],
        (System.nanoTime() - start) / 1e9);
  }

  private static void write(Path file, byte[] bytes) {
    try {
      Files.createDirectories(file.getParent());
      Files.write(file, bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
