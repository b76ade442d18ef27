package cn.lzxq.city.server.metrics;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.sql.SqlTemplate;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.ToDoubleFunction;
import org.springframework.stereotype.Component;

/**
 * Gauges of the database for Prometheus ({@code /actuator/prometheus}): jobs accepted and running
 * in the queue, standbys replaying synchronously, their replay lag (seconds) and whether the node
 * reads from a standby (1) or the primary (0). One statement answers all of them; its answer is
 * kept for {@value #CACHE_MS} ms so a scrape reads the database once, and a gauge is NaN while the
 * database cannot be read.
 */
@Component
class DatabaseMetrics implements MeterBinder {

  static final long CACHE_MS = 5_000;
  private static final Duration LIMIT = Duration.ofSeconds(2);

  private final ReadExecutor reads;
  private volatile Map<String, Double> last = Map.of();
  private volatile Instant readAt = Instant.EPOCH;

  DatabaseMetrics(ReadExecutor reads) {
    this.reads = reads;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    gauge(
        registry, "city.jobs", "jobs in the queue by state", "jobs_accepted", "state", "accepted");
    gauge(registry, "city.jobs", "jobs in the queue by state", "jobs_running", "state", "running");
    gauge(
        registry,
        "city.db.standby",
        "1 when this node's database connection is a standby",
        "in_recovery");
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
                                  "in_recovery", rs.getBoolean("in_recovery") ? 1.0 : 0.0,
                                  "replication_lag_s", rs.getDouble("replication_lag_s"),
                                  "synchronous_standbys", rs.getDouble("synchronous_standbys"))))
              .get(0);
    } catch (Exception e) {
      last = Map.of();
    }
  }
}
