package cn.lzxq.city.server.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.datasource.AbstractDataSource;

/**
 * The connections of the read path: from a hot standby when one is configured and has replayed
 * everything the primary had committed at the last poll, else from the primary.
 *
 * <p>Every {@code poll} the primary's {@code pg_current_wal_lsn()} is read; a read takes a standby
 * connection only when the standby's {@code pg_last_wal_replay_lsn()} has reached it (one short
 * statement on the borrowed connection). Edits commit with {@code synchronous_commit =
 * remote_apply} (see {@link DatabaseConfiguration}), so while the standby is synchronous an
 * acknowledged edit is already replayed there when any node learns of it: a client reads its own
 * edits through any node. When the standby falls back to asynchronous replication (pg_auto_failover
 * {@code wait_primary}), the replay check sends reads to the primary as soon as the standby is
 * behind the last poll; only an edit younger than one poll can then be missed. A standby that
 * cannot be reached is not tried again for {@link #STANDBY_BACKOFF}. Without a standby every
 * connection is the primary's and nothing is polled.
 */
public final class StandbyReads extends AbstractDataSource implements AutoCloseable {

  /** How long a standby that failed to answer is left alone. */
  static final Duration STANDBY_BACKOFF = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(StandbyReads.class);
  private static final String REPLAYED =
      "SELECT coalesce(pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn), false)";

  private final DataSource primary;
  private final HikariDataSource standby;
  private final ScheduledExecutorService poller;
  private volatile String primaryLsn;
  private volatile long standbyDownUntil;
  private final AtomicLong standbyReads = new AtomicLong();
  private final AtomicLong primaryReads = new AtomicLong();

  /**
   * @param standby the standby's pool (closed with this), or null when every read goes to the
   *     primary
   * @param poll how often the primary's WAL position is read
   */
  public StandbyReads(DataSource primary, HikariDataSource standby, Duration poll) {
    this.primary = primary;
    this.standby = standby;
    if (standby == null) {
      poller = null;
      return;
    }
    poller =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "standby-reads-poll");
              t.setDaemon(true);
              return t;
            });
    poller.scheduleWithFixedDelay(this::pollPrimary, 0, poll.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Reads served by the standby since start. */
  public long standbyReads() {
    return standbyReads.get();
  }

  /** Reads served by the primary since start. */
  public long primaryReads() {
    return primaryReads.get();
  }

  @Override
  public Connection getConnection() throws SQLException {
    Connection c = standby == null ? null : replayedStandby();
    if (c != null) {
      standbyReads.incrementAndGet();
      return c;
    }
    primaryReads.incrementAndGet();
    return primary.getConnection();
  }

  @Override
  public Connection getConnection(String username, String password) {
    throw new UnsupportedOperationException("the pools hold their own credentials");
  }

  /** A standby connection that has replayed the last polled primary position, or null. */
  private Connection replayedStandby() {
    String lsn = primaryLsn;
    if (lsn == null || System.currentTimeMillis() < standbyDownUntil) {
      return null;
    }
    Connection c = null;
    try {
      c = standby.getConnection();
      if (replayed(c, lsn)) {
        return c;
      }
    } catch (SQLException e) {
      standbyDownUntil = System.currentTimeMillis() + STANDBY_BACKOFF.toMillis();
      LOG.warn("standby not readable, reading from the primary: {}", e.getMessage());
    }
    closeQuietly(c);
    return null;
  }

  private static boolean replayed(Connection c, String lsn) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(REPLAYED)) {
      ps.setString(1, lsn);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    }
  }

  private void pollPrimary() {
    try (Connection c = primary.getConnection();
        PreparedStatement ps = c.prepareStatement("SELECT pg_current_wal_lsn()::text");
        ResultSet rs = ps.executeQuery()) {
      primaryLsn = rs.next() ? rs.getString(1) : null;
    } catch (SQLException | RuntimeException e) {
      // the primary is unreachable (or the pool closed): reads go to the primary and fail there
      primaryLsn = null;
    }
  }

  private static void closeQuietly(Connection c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (SQLException e) {
      LOG.debug("closing a standby connection", e);
    }
  }

  @Override
  public void close() {
    if (poller != null) {
      poller.shutdownNow();
      standby.close();
    }
  }
}
