package cn.lzxq.city.server.db;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether PostgreSQL can be reached, as this server last found out, judged by a probe (a fresh,
 * unpooled connection) rather than by waiting requests.
 *
 * <p>A connection failure (a pooled connection broken with SQL state class 08 or 57P01-03, or the
 * pool's timeout carrying a connection failure as its cause) makes it probe at once; while the
 * probe fails the database counts as unreachable and is probed again every {@code probeEvery}.
 * Requests ask {@link #reachable()} before they borrow a connection ({@link GuardedDataSource}), so
 * during an outage they answer 503 at once instead of each waiting the pool's connection timeout;
 * and because no request waits in the pool, Hikari's connection adder (which backs off up to 5 s
 * between failed attempts while someone waits) stops, so the first request after the probe succeeds
 * starts a fresh adder: the service is back within about one probe period of the database, not
 * after the adder's back-off.
 *
 * <p>The pool reports every connection it evicts as broken ({@link #failed}, through Hikari's
 * exception override), so an outage met by a running statement starts the probe too.
 */
public final class DatabaseAvailability implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);

  private final BooleanSupplier probe;
  private final long probeEveryMs;
  private final AtomicBoolean reachable = new AtomicBoolean(true);
  private final AtomicBoolean probing = new AtomicBoolean();
  private final List<Consumer<Boolean>> listeners = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService prober =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread t = new Thread(r, "database-probe");
            t.setDaemon(true);
            return t;
          });

  /**
   * @param probe opens and closes one connection: true when the database accepted it
   * @param probeEvery how often an unreachable database is probed again
   */
  public DatabaseAvailability(BooleanSupplier probe, Duration probeEvery) {
    this.probe = probe;
    this.probeEveryMs = Math.max(10, probeEvery.toMillis());
  }

  /** Calls {@code listener} with the new state on every change (on the probe thread). */
  public void onChange(Consumer<Boolean> listener) {
    listeners.add(listener);
  }

  /** Whether the last probe (or, before any, the start) found the database reachable. */
  public boolean reachable() {
    return reachable.get();
  }

  /** The failure a request gets without trying while the database is unreachable. */
  public SQLException unreachable() {
    return new SQLTransientConnectionException(
        "the database is unreachable (probed every " + probeEveryMs + " ms)", "08001");
  }

  /**
   * Reports a failure met while borrowing or using a connection: a connection failure starts a
   * probe now (one at a time); anything else is ignored.
   */
  public void failed(SQLException e) {
    if (connectionFailure(e)) {
      probeSoon(0);
    }
  }

  /**
   * Whether {@code e} says the database could not be reached (SQL state class 08, 57P01-03, along
   * the cause and next-exception chain). Hikari's timeout without such a cause is a busy pool, not
   * an outage.
   */
  static boolean connectionFailure(Throwable e) {
    for (Throwable c = e; c != null; c = next(c)) {
      if (c instanceof SQLException s && s.getSQLState() != null) {
        String state = s.getSQLState();
        if (state.startsWith("08") || state.matches("57P0[123]")) {
          return true;
        }
      }
      if (c instanceof ConnectException) {
        return true;
      }
    }
    return false;
  }

  private static Throwable next(Throwable c) {
    Throwable n = c.getCause();
    if (n == null && c instanceof SQLException s) {
      n = s.getNextException();
    }
    return n == c ? null : n;
  }

  private void probeSoon(long delayMs) {
    if (probing.compareAndSet(false, true)) {
      try {
        prober.schedule(this::probeOnce, delayMs, TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closed) {
        probing.set(false);
      }
    }
  }

  private void probeOnce() {
    boolean up = probeQuietly();
    probing.set(false);
    if (reachable.getAndSet(up) != up) {
      if (up) {
        LOG.warn("database reachable again; requests are served");
      } else {
        LOG.warn(
            "database unreachable; requests answer 503 at once, probing every {} ms", probeEveryMs);
      }
      listeners.forEach(l -> l.accept(up));
    }
    if (!up) {
      probeSoon(probeEveryMs);
    }
  }

  private boolean probeQuietly() {
    try {
      return probe.getAsBoolean();
    } catch (RuntimeException e) {
      return false;
    }
  }

  @Override
  public void close() {
    prober.shutdownNow();
  }
}
