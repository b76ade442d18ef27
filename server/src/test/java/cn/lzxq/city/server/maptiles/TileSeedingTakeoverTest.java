package cn.lzxq.city.server.maptiles;

import static cn.lzxq.city.server.maptiles.WebMercator.tileX;
import static cn.lzxq.city.server.maptiles.WebMercator.tileY;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.data.job.Job;
import cn.lzxq.city.data.job.JobCancelledException;
import cn.lzxq.city.data.job.JobContext;
import cn.lzxq.city.data.job.JobHandler;
import cn.lzxq.city.data.job.JobQueue;
import cn.lzxq.city.data.job.JobStatus;
import cn.lzxq.city.data.job.JobWorker;
import cn.lzxq.city.server.support.ScratchDatabase;
import cn.lzxq.city.server.tilestore.CacheEntry;
import cn.lzxq.city.server.tilestore.TileStore;
import cn.lzxq.city.server.wfs.SmallCityContextTest;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A tile seeding survives the loss of the nodes running it: node A dies mid-way (its run stops at a
 * tile boundary, like a frozen process, and its database connections go away, so its heartbeat goes
 * stale), node B claims the orphaned job ({@code FOR UPDATE SKIP LOCKED}, stale heartbeat) and is
 * then stopped cleanly mid-way (the job goes back to the queue at once), node C finishes it. Every
 * tile of the requested area ends in the shared store, and none is built twice: the entries A and B
 * stored are still the same objects when C is done (C found them fresh and skipped them).
 *
 * <p>The three workers run this context's seeding handler under a kind of their own, so the
 * context's own worker never takes the job; the area (103.640–103.651°E, 36.440–36.449°N) holds no
 * feature of the fixture and no test edits there.
 */
class TileSeedingTakeoverTest extends SmallCityContextTest {

  private static final String KIND = "tiles-seed-takeover-test";
  private static final double[] BOX = {103.6403, 36.4402, 103.6507, 36.4489};
  private static final int MIN_ZOOM = 18;
  private static final int MAX_ZOOM = 19;
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired private TileSeeding seeding;
  @Autowired private TileStore store;

  @Test
  void aSeedingResumedByOtherNodesStoresEveryTileOfItsAreaExactlyOnce() throws Exception {
    List<String> keys = expectedKeys();
    assertThat(keys).hasSizeGreaterThan(300);
    // the shared context keeps a disk store across runs: start from none of the area's tiles
    store.remove("2d/mvt/pipe_js/WebMercatorQuad/", keys::contains);
    assertThat(keys.stream().filter(k -> store.get(k) != null)).isEmpty();
    long changesBefore = changesCrossingTheBox();
    JobQueue queue = new JobQueue(db);
    JobHandler handler = seeding.handlers().get(TileSeeding.KIND);

    // node A: its own connections, and a run that can be frozen at a tile boundary
    CountDownLatch frozen = new CountDownLatch(1);
    CountDownLatch thaw = new CountDownLatch(1);
    Freezer freezer = new Freezer(frozen, thaw);
    HikariDataSource aPool =
        CityDatabase.pool(TestDatabase.config().withSchema(ScratchDatabase.schema(db)), 2);
    JobWorker a =
        worker(new JobQueue(aPool), "node-a", (job, ctx) -> handler.run(job, freezer.wrap(ctx)));
    JobWorker b = null;
    JobWorker c = null;
    UUID id = null;
    try {
      a.start();
      id = queue.submit(KIND, inputs(), "user:admin", 9).id();
      await("node A built some tiles", () -> stored(keys) >= 20, Duration.ofSeconds(60));
      freezer.freeze();
      assertThat(frozen.await(30, TimeUnit.SECONDS))
          .as("node A stopped at a tile boundary")
          .isTrue();
      aPool.close(); // node A is gone: no heartbeat, no release
      Map<String, CacheEntry> byA = snapshot(keys);
      assertThat(byA.size()).isBetween(20, keys.size() - 1);
      assertThat(status(queue, id)).isEqualTo(JobStatus.RUNNING);

      // node B takes the orphaned job once A's heartbeat is older than the stale limit
      b = worker(queue, "node-b", handler);
      b.start();
      int fromA = byA.size();
      await(
          "node B resumed and built more",
          () -> stored(keys) >= fromA + 20,
          Duration.ofSeconds(60));
      assertThat(nodeOf(id)).isEqualTo("node-b");
      // what is left of node A goes (its stuck run is interrupted; its release reaches no database)
      a.close();
      b.close(); // a clean stop mid-way: the job is back in the queue at once
      b = null;
      Map<String, CacheEntry> byAB = snapshot(keys);
      assertThat(byAB.size()).isLessThan(keys.size());
      assertThat(status(queue, id)).isEqualTo(JobStatus.ACCEPTED);

      // node C finishes it
      c = worker(queue, "node-c", handler);
      c.start();
      UUID job = id;
      await(
          "the job ended",
          () -> status(queue, job) == JobStatus.SUCCESSFUL,
          Duration.ofSeconds(120));
      // started by A, by B (stale claim), given back by B (release), started by C
      assertThat(queue.find(id).orElseThrow().attempts()).isEqualTo(2);
      JsonNode result =
          JSON.readTree(new String(queue.result(id).orElseThrow().bytes(), StandardCharsets.UTF_8));
      assertThat(result.get("tiles").asLong()).isEqualTo(keys.size());

      List<String> missing = keys.stream().filter(k -> store.get(k) == null).toList();
      assertThat(missing).as("tiles missing from the store").isEmpty();
      List<String> rebuilt = new ArrayList<>();
      byAB.forEach(
          (k, e) -> {
            if (store.get(k) != e) {
              rebuilt.add(k);
            }
          });
      assertThat(rebuilt).as("tiles built again by a later node").isEmpty();
      byA.forEach((k, e) -> assertThat(byAB.get(k)).as(k).isSameAs(e));
      assertThat(changesCrossingTheBox())
          .as("no edit crossed the area meanwhile (else rebuilding would be right)")
          .isEqualTo(changesBefore);
    } finally {
      freezer.release();
      if (b != null) {
        b.close();
      }
      if (c != null) {
        c.close();
      }
      a.close();
      if (!aPool.isClosed()) {
        aPool.close();
      }
      if (id != null) {
        Sql.exec(db, "DELETE FROM job WHERE id = '" + id + "'");
      }
    }
  }

  /**
   * Wraps a node's job context so that, once {@link #freeze} is called, the run stops at its next
   * tile boundary (the seeding asks {@code cancelled()} before each tile) until released, then ends
   * as a cancelled run.
   */
  private static final class Freezer {
    private final CountDownLatch frozen;
    private final CountDownLatch thaw;
    private volatile boolean freeze;

    Freezer(CountDownLatch frozen, CountDownLatch thaw) {
      this.frozen = frozen;
      this.thaw = thaw;
    }

    void freeze() {
      freeze = true;
    }

    void release() {
      thaw.countDown();
    }

    JobContext wrap(JobContext ctx) {
      return new JobContext() {
        @Override
        public void progress(int percent, String message) {
          ctx.progress(percent, message);
        }

        @Override
        public void backend(int pid) throws JobCancelledException {
          ctx.backend(pid);
        }

        @Override
        public boolean cancelled() {
          if (freeze) {
            frozen.countDown();
            try {
              thaw.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return true;
          }
          return ctx.cancelled();
        }
      };
    }
  }

  private static JobWorker worker(JobQueue queue, String node, JobHandler handler) {
    return new JobWorker(
        queue,
        Map.of(KIND, handler),
        new JobWorker.Settings(
            node,
            1,
            Duration.ofMillis(100),
            Duration.ofMillis(200),
            Duration.ofSeconds(2),
            3,
            Duration.ofDays(1)));
  }

  private static String inputs() {
    return "{\"layer\":\"pipe_js\",\"tileMatrixSet\":\"WebMercatorQuad\",\"minZoom\":"
        + MIN_ZOOM
        + ",\"maxZoom\":"
        + MAX_ZOOM
        + ",\"format\":\"mvt\",\"bbox\":["
        + BOX[0]
        + ","
        + BOX[1]
        + ","
        + BOX[2]
        + ","
        + BOX[3]
        + "]}";
  }

  /** The store keys of every Web Mercator tile of the box at the levels (the spec's tile math). */
  private static List<String> expectedKeys() {
    List<String> keys = new ArrayList<>();
    for (int z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
      for (long row = tileY(BOX[3], z); row <= tileY(BOX[1], z); row++) {
        for (long col = tileX(BOX[0], z); col <= tileX(BOX[2], z); col++) {
          keys.add(
              "2d/mvt/pipe_js/WebMercatorQuad/"
                  + TileTime.key(null)
                  + "/"
                  + z
                  + "/"
                  + row
                  + "/"
                  + col
                  + ".mvt");
        }
      }
    }
    return keys;
  }

  private long stored(List<String> keys) {
    return keys.stream().filter(k -> store.get(k) != null).count();
  }

  private Map<String, CacheEntry> snapshot(List<String> keys) {
    Map<String, CacheEntry> m = new HashMap<>();
    for (String k : keys) {
      CacheEntry e = store.get(k);
      if (e != null) {
        m.put(k, e);
      }
    }
    return m;
  }

  private static JobStatus status(JobQueue queue, UUID id) {
    try {
      return queue.find(id).map(Job::status).orElseThrow();
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String nodeOf(UUID id) throws Exception {
    return Sql.strings(db, "SELECT coalesce(node, '') FROM job WHERE id = '" + id + "'").get(0);
  }

  private static long changesCrossingTheBox() throws Exception {
    return Sql.count(
        db,
        "SELECT count(*) FROM tile_change WHERE west <= "
            + BOX[2]
            + " AND east >= "
            + BOX[0]
            + " AND south <= "
            + BOX[3]
            + " AND north >= "
            + BOX[1]);
  }

  private static void await(String what, BooleanSupplier done, Duration limit) throws Exception {
    long deadline = System.nanoTime() + limit.toNanos();
    while (!done.getAsBoolean()) {
      assertThat(System.nanoTime()).as(what).isLessThan(deadline);
      Thread.sleep(5);
    }
  }
}
