package cn.lzxq.city.server.metrics;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.sql.SqlTemplate;
import cn.lzxq.city.server.db.StandbyReads;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Gauges of the database for Prometheus ({@code /actuator/prometheus}): jobs accepted and running
 * in the queue, standbys replaying synchronously and their replay lag (seconds), read on the
 * primary; and counters of the read transactions this node ran on the standby and on the primary
 * ({@link StandbyReads}). One statement answers the gauges; its answer is kept for {@value
 * #CACHE_MS} ms so a scrape reads the database once, and a gauge is NaN while the database cannot
 * be read.
 */
@Component
class DatabaseMetrics implements MeterBinder {

  static final long CACHE_MS = 5_000;
  private static final Duration LIMIT = Duration.ofSeconds(2);

  private final ReadExecutor reads;
  private final StandbyReads readPath;
  private volatile Map<String, Double> last = Map.of();
  private volatile Instant readAt = Instant.EPOCH;

  /**
   * @param primary the primary's pool: the queue and replication are read there, whichever server
   *     the read path uses
   */
  DatabaseMetrics(DataSource primary, StandbyReads readPath) {
    this.reads = new ReadExecutor(primary, LIMIT);
    this.readPath = readPath;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(
        registry, "city.jobs", "jobs in the queue by state", "jobs_accepted", "state", "accepted");
    gauge(registry, "city.jobs", "jobs in the queue by state", "jobs_running", "state", "running");
    FunctionCounter.builder("city.db.reads", readPath, StandbyReads::standbyReads)
        .description("read transactions by the server they ran on")
        .tag("target", "standby")
        .register(registry);
    FunctionCounter.builder("city.db.reads", readPath, StandbyReads::primaryReads)
        .description("read transactions by the server they ran on")
        .tag("target", "primary")
        .register(registry);
    gauge(
        registry,
        "city.db.replication.lag",
        "largest replay lag of the standbys (s)",
        "replication_lag_s");
    gauge(
        registry,
        "city.db.synchronous.standbys",
        "standbys acknowledging commits",
        "synchronous_standbys");
  }

  private void gauge(
      MeterRegistry registry, String name, String help, String column, String... tags) {
    ToDoubleFunction<DatabaseMetrics> value = m -> m.value(column);
    Gauge.builder(name, this, value).description(help).tags(tags).register(registry);
  }

  private double value(String column) {
    if (Instant.now().isAfter(readAt.plusMillis(CACHE_MS))) {
      refresh();
    }
    return last.getOrDefault(column, Double.NaN);
  }

  private synchronized void refresh() {
    if (!Instant.now().isAfter(readAt.plusMillis(CACHE_MS))) {
      return;
    }
    readAt = Instant.now();
    try {
      last =
          reads
              .read(
                  LIMIT,
                  tx ->
                      tx.query(
                          SqlTemplate.load("metrics/database"),
                          Map.of(),
                          rs ->
                              Map.of(
                                  "jobs_accepted", rs.getDouble("jobs_accepted"),
                                  "jobs_running", rs.getDouble("jobs_running"),
                                  "replication_lag_s", rs.getDouble("replication_lag_s"),
                                  "synchronous_standbys", rs.getDouble("synchronous_standbys"))))
              .get(0);
    } catch (Exception e) {
      last = Map.of();
    }
  }
}
