package cn.lzxq.city.server.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
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
 * The connections of the read path: from a hot standby when one is configured, replicates
 * synchronously and has replayed everything this node knows the primary committed; else from the
 * primary.
 *
 * <p>Every {@code poll} the primary's {@code pg_current_wal_lsn()} and whether it has synchronous
 * standbys ({@code synchronous_standby_names}) are read. A read takes a standby connection only
 * while the primary replicates synchronously and the standby's {@code pg_last_wal_replay_lsn()} has
 * reached both the polled position and the floor callers raised ({@link #requireReplayOf}: the
 * change log raises it to the primary's position after reading new changes, so no tile is rendered
 * from a standby that has not replayed the edit that made it stale). Edits commit with {@code
 * synchronous_commit = remote_apply} (see {@link DatabaseConfiguration}): while the standby is
 * synchronous an acknowledged edit is already replayed there, and a client reads its own edits
 * through any node. While the primary replicates asynchronously (pg_auto_failover {@code
 * wait_primary}: the standby gone, catching up or rejoining after a failover) every read goes to
 * the primary, so a lagging standby is never read; only a poll period around the switch to
 * asynchronous can serve a read from the standby that misses an edit released by the switch.
 *
 * <p>A standby connection that is not in recovery (the multi-host URL fell back to the primary, or
 * the standby was promoted) makes the whole standby pool reconnect, so it reaches a real standby
 * once one is back; a standby that cannot be reached, or is not in recovery, is left alone for
 * {@link #STANDBY_BACKOFF}. So is a standby that cancelled a read for a recovery conflict (SQL
 * state 40001: replaying the primary's changes needed rows or locks the read held, beyond {@code
 * max_standby_streaming_delay}): that request is answered 503 with Retry-After ({@code
 * cn.lzxq.city.server.error.Failures}), and its retry, like every read in the next {@link
 * #STANDBY_BACKOFF}, goes to the primary. Without a standby every connection is the primary's and
 * nothing is polled.
 */
public final class StandbyReads extends AbstractDataSource implements AutoCloseable {

  /** How long a standby that failed to answer, or was no standby, is left alone. */
  static final Duration STANDBY_BACKOFF = Duration.ofSeconds(5);

  private static final Logger LOG = LoggerFactory.getLogger(StandbyReads.class);
  private static final String PRIMARY_POSITION =
      "SELECT pg_current_wal_lsn()::text, current_setting('synchronous_standby_names') <> ''";
  private static final String STANDBY_STATE =
      "SELECT pg_is_in_recovery(), coalesce(pg_last_wal_replay_lsn() >= CAST(? AS pg_lsn), false)";
  private static final long UNKNOWN = -1;

  /** What a standby connection was found to be. */
  enum Standby {
    REPLAYED,
    BEHIND,
    NOT_IN_RECOVERY
  }

  private final DataSource primary;
  private final HikariDataSource standby;
  private final ScheduledExecutorService poller;
  private volatile long primaryLsn = UNKNOWN;
  private volatile boolean synchronous;
  private final AtomicLong floor = new AtomicLong(0);
  private volatile long standbyDownUntil;
  private final AtomicLong standbyReads = new AtomicLong();
  private final AtomicLong primaryReads = new AtomicLong();

  /**
   * @param standby the configuration of the standby's pool (opened here, closed with this), or null
   *     when every read goes to the primary
   * @param poll how often the primary's WAL position is read
   */
  public StandbyReads(DataSource primary, HikariConfig standby, Duration poll) {
    this.primary = primary;
    if (standby != null) {
      standby.setExceptionOverride(new RecoveryConflicts());
    }
    this.standby = standby == null ? null : new HikariDataSource(standby);
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

  /**
   * Raises the position a standby must have replayed before it serves a read (a WAL position of the
   * primary as PostgreSQL writes it, {@code 16/B374D848}); a lower position than the floor changes
   * nothing.
   */
  public void requireReplayOf(String lsn) {
    long required = parseLsn(lsn);
    floor.accumulateAndGet(required, Math::max);
  }

  /**
   * Raises the floor to the primary's WAL position now (nothing without a standby): whatever was
   * committed before this call is replayed on the standby before it serves another read.
   *
   * @throws SQLException when the primary cannot be read (then nothing may rely on the floor)
   */
  public void requireReplayOfPrimaryNow() throws SQLException {
    if (standby == null) {
      return;
    }
    try (Connection c = primary.getConnection();
        PreparedStatement ps = c.prepareStatement(PRIMARY_POSITION);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      requireReplayOf(rs.getString(1));
    }
  }

  /** The position the callers require a standby to have replayed ({@link #requireReplayOf}). */
  long floor() {
    return floor.get();
  }

  /** The position a standby must have replayed to serve a read now, or -1 when none may. */
  long requiredLsn() {
    long polled = primaryLsn;
    return polled == UNKNOWN || !synchronous ? UNKNOWN : Math.max(polled, floor.get());
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

  /** A standby connection that has replayed the required position, or null. */
  private Connection replayedStandby() {
    long required = requiredLsn();
    if (required == UNKNOWN || resting()) {
      return null;
    }
    Connection c = null;
    try {
      c = standby.getConnection();
      switch (state(c, required)) {
        case REPLAYED:
          return c;
        case NOT_IN_RECOVERY:
          // every pooled connection was opened when no standby answered: open new ones
          standby.evictConnection(c);
          standby.getHikariPoolMXBean().softEvictConnections();
          c = null;
          backOff("the standby pool reached a server that is not in recovery; reconnecting");
          return null;
        default:
          break;
      }
    } catch (SQLException e) {
      backOff("standby not readable, reading from the primary: " + e.getMessage());
    }
    closeQuietly(c);
    return null;
  }

  private void backOff(String why) {
    standbyDownUntil = System.currentTimeMillis() + STANDBY_BACKOFF.toMillis();
    LOG.warn(why);
  }

  /** Whether the standby is left alone now (every read goes to the primary). */
  boolean resting() {
    return System.currentTimeMillis() < standbyDownUntil;
  }

  /** The standby's pool (null without a standby). */
  HikariDataSource standbyPool() {
    return standby;
  }

  /**
   * Hikari hands every SQL failure of a standby connection here: a recovery conflict (40001) leaves
   * the standby alone for {@link #STANDBY_BACKOFF}; the pool's own eviction rules stay as they are.
   */
  private final class RecoveryConflicts implements SQLExceptionOverride {
    @java.lang.Override
    public Override adjudicate(SQLException e) {
      if ("40001".equals(e.getSQLState())) {
        backOff(
            "a read on the standby was cancelled by a recovery conflict; reading from the primary");
      }
      return Override.CONTINUE_EVICT;
    }
  }

  /**
   * What the server behind {@code c} is: a standby that has replayed {@code lsn} or not, or none.
   */
  static Standby state(Connection c, long lsn) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(STANDBY_STATE)) {
      ps.setString(1, formatLsn(lsn));
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        if (!rs.getBoolean(1)) {
          return Standby.NOT_IN_RECOVERY;
        }
        return rs.getBoolean(2) ? Standby.REPLAYED : Standby.BEHIND;
      }
    }
  }

  private void pollPrimary() {
    try (Connection c = primary.getConnection();
        PreparedStatement ps = c.prepareStatement(PRIMARY_POSITION);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      long lsn = parseLsn(rs.getString(1));
      if (lsn < primaryLsn) {
        floor.set(0); // the primary went back in time (a point-in-time restore): forget the floor
      }
      synchronous = rs.getBoolean(2);
      primaryLsn = lsn;
    } catch (SQLException | RuntimeException e) {
      // the primary is unreachable (or the pool closed): reads go to the primary and fail there
      primaryLsn = UNKNOWN;
    }
  }

  /** A WAL position as PostgreSQL writes it ({@code 16/B374D848}) as one unsigned 64-bit number. */
  static long parseLsn(String lsn) {
    int slash = lsn.indexOf('/');
    return (Long.parseLong(lsn.substring(0, slash), 16) << 32)
        | Long.parseLong(lsn.substring(slash + 1), 16);
  }

  /** The text PostgreSQL reads as a {@code pg_lsn}. */
  static String formatLsn(long lsn) {
    return Long.toHexString(lsn >>> 32).toUpperCase()
        + "/"
        + Long.toHexString(lsn & 0xFFFFFFFFL).toUpperCase();
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
