package cn.lzxq.city.server.tiles3d;

import cn.lzxq.city.tiles.tiling.TileCoord;
import java.time.Duration;
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
 * availability (the footprints of every feature: seconds on a fresh JVM).
 *
 * <p>It runs as an {@link ApplicationRunner}: Spring Boot sets the readiness state to
 * ACCEPTING_TRAFFIC only after every runner has returned, so {@code /actuator/health/readiness}
 * answers OUT_OF_SERVICE (503) until the warm-up is done. The wait is bounded by
 * {@code city.tiles3d.warm-up-timeout}; past it, or when the database fails, the service logs and
 * goes on (the rest is computed on the first request as before).
 */
@Component
@Order(100) // after the start-up migration
class TilesWarmUp implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(TilesWarmUp.class);

  private final TilesetService service;
  private final Duration timeout;
  private volatile List<String> warmed = List.of();

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
    CompletableFuture<List<String>> job = CompletableFuture.supplyAsync(this::warm);
    try {
      warmed = job.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
      LOG.info("3D Tiles warmed in {} ms: {}", (System.nanoTime() - t0) / 1_000_000, warmed);
    } catch (TimeoutException e) {
      LOG.warn("3D Tiles warm-up not done after {}; ready without it (it goes on in the background)", timeout);
    } catch (ExecutionException e) {
      LOG.warn("3D Tiles warm-up failed, tiles are computed on first request: {}", e.getCause().toString());
    }
  }

  /** Computes every tileset's root tileset.json and root subtree; answers the tileset names. */
  private List<String> warm() {
    List<String> names = TilesetCatalog.names();
    for (String name : names) {
      service.tileset(name, View.CURRENT);
      service.subtree(name, View.CURRENT, TileCoord.ROOT);
    }
    return names;
  }

  /** The tilesets whose root tileset.json and root subtree the warm-up computed (empty until done). */
  List<String> warmed() {
    return warmed;
  }
}
