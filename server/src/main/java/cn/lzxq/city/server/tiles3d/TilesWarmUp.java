package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.server.tiles3d.grid.Grid;
import cn.lzxq.city.tiles.tiling.TileCoord;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Warms the 3D Tiles before the service reports ready: the root tileset.json and the root subtree
 * of every tileset in the present view, which reads the tile grid and computes each content kind's
 * availability (the footprints of every feature: seconds on a fresh JVM), and the contents of the
 * pipe networks' tilesets down to level {@value #FIRST_VIEW_LEVELS} − 1, the viewer's first view
 * (its first tiles took 0.7–1.1 s each on a fresh JVM, 30–140 ms once built and cached), in the
 * viewer's ellipsoid heights and in the default ground-relative heights ({@link #VIEWS}).
 *
 * <p>It runs as an {@link ApplicationRunner}: Spring Boot sets the readiness state to
 * ACCEPTING_TRAFFIC only after every runner has returned, so {@code /actuator/health/readiness}
 * answers OUT_OF_SERVICE (503) until the warm-up is done. The wait is bounded by {@code
 * city.tiles3d.warm-up-timeout}; past it, or when the database fails, the service logs and goes on
 * (the rest is computed on the first request as before).
 */
@Component
@Order(100) // after the start-up migration
class TilesWarmUp implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TilesWarmUp.class);

  /**
   * Levels of pipe contents built at start-up (a city-wide view stops at level 2,
   * Tiles3dProperties).
   */
  static final int FIRST_VIEW_LEVELS = 3;

  /**
   * The views warmed: the viewer's (ellipsoid heights, asked for once a DEM answers) first, then
   * the default ground-relative one of other clients and of the viewer without a DEM.
   */
  static final List<View> VIEWS = List.of(new View(null, HeightMode.ABSOLUTE), View.CURRENT);

  private final TilesetService service;
  private final Duration timeout;
  private volatile Warmed warmed = new Warmed(List.of(), List.of());

  TilesWarmUp(TilesetService service, Tiles3dProperties props) {
    this.service = service;
    this.timeout = props.warmUpTimeout();
  }

  @Override
  public void run(ApplicationArguments args) throws InterruptedException {
    if (timeout.isZero()) {
      return;
    }
    long t0 = System.nanoTime();
    CompletableFuture<Warmed> job = CompletableFuture.supplyAsync(this::warm);
    try {
      warmed = job.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info(
          "3D Tiles warmed in {} ms: roots of {}, {} pipe contents",
          (System.nanoTime() - t0) / 1_000_000,
          warmed.tilesets(),
          warmed.contents().size());
    } catch (TimeoutException e) {
      LOG.warn(
          "3D Tiles warm-up not done after {}; ready without it (it goes on in the background)",
          timeout);
    } catch (ExecutionException e) {
      LOG.warn(
          "3D Tiles warm-up failed, tiles are computed on first request: {}",
          e.getCause().toString());
    }
  }

  /**
   * Computes every tileset's root and the pipe networks' first levels in each of {@link #VIEWS}.
   */
  private Warmed warm() {
    List<String> names = service.catalog().names();
    List<String> contents = new ArrayList<>();
    Grid grid = service.grid();
    for (View view : VIEWS) {
      for (String name : names) {
        warm(name, view, grid, contents);
      }
    }
    return new Warmed(names, contents);
  }

  /** One tileset in one view; adds the pipe contents built as {@code key/prefix+path}. */
  private void warm(String name, View view, Grid grid, List<String> contents) {
    service.tileset(name, view);
    service.subtree(name, view, TileCoord.ROOT);
    List<ContentKind> kinds = service.contents(name);
    if (kinds.size() != 1 || !kinds.get(0).isPipes()) {
      return;
    }
    for (TileCoord t : service.availability(grid, kinds.get(0), view).tiles()) {
      if (t.level() < FIRST_VIEW_LEVELS) {
        service.content(name, kinds.get(0), t, view);
        contents.add(view.key() + "/" + kinds.get(0).prefix() + t.path());
      }
    }
  }

  /** What the warm-up computed (empty until it is done). */
  Warmed warmed() {
    return warmed;
  }

  /**
   * @param tilesets names of the tilesets whose root tileset.json and root subtree were computed
   * @param contents the pipe contents built and cached, as {@code prefix + tile path}
   */
  record Warmed(List<String> tilesets, List<String> contents) {}
}
