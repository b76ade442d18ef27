package cn.lzxq.city.data.edit;

import cn.lzxq.city.data.db.Transactions;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.SqlBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Feature locks (WFS LockFeature and GetFeatureWithLock), kept in the table {@code feature_lock}
 * (V60) so every server node sees the same locks. A lock has a random id (whoever presents it may
 * edit the locked features), an expiry, and a row per locked feature; an expired lock frees its
 * features. While a feature is locked, an edit that does not present the lock's id fails with
 * {@link EditException.Reason#LOCKED} ({@link FeatureEditor} checks under the feature's advisory
 * lock, which locking takes too, so a lock and an edit of one feature never interleave).
 */
public final class FeatureLocks {

  /**
   * The lock a writer presents with its edits: its id, and whether a successful transaction
   * releases all of it (releaseAction ALL) or only the features it edited (SOME).
   */
  public record Presented(String lockId, boolean releaseAll) {}

  /** The features of one layer a lock request names. */
  public record Target(Layer layer, Filter filter) {}

  /** One feature of a lock: its layer name and fid. */
  public record LockedFeature(String layer, long fid) {}

  /**
   * What a lock request did.
   *
   * @param lockId the lock's id (also when nothing was locked)
   * @param expires when the lock ends unless renewed or released
   * @param locked the features the lock holds now
   * @param notLocked the features asked for that another lock holds (lockAction SOME)
   */
  public record Outcome(
      String lockId, Instant expires, List<LockedFeature> locked, List<LockedFeature> notLocked) {
    public Outcome {
      locked = List.copyOf(locked);
      notLocked = List.copyOf(notLocked);
    }
  }

  private final DataSource dataSource;
  private final EditSql sql;
  private final FeatureGate gate;
  private final Duration statementTimeout;
  private final int maxFeatures;

  /**
   * @param maxFeatures the most features one lock request may lock (more: the request is refused)
   */
  public FeatureLocks(
      DataSource dataSource, SqlBuilder sqlBuilder, Duration statementTimeout, int maxFeatures) {
    this.dataSource = dataSource;
    this.sql = new EditSql(sqlBuilder);
    this.gate = new FeatureGate(sql);
    this.statementTimeout = statementTimeout;
    this.maxFeatures = maxFeatures;
  }

  /**
   * Locks the current features the targets match for {@code expiry}, as a new lock of {@code who}.
   *
   * @param all true (lockAction ALL): fail with {@link EditException.Reason#LOCKED} and lock
   *     nothing when another lock holds any of them; false (SOME): lock those that are free
   * @throws EditException FORBIDDEN when the user may not edit one of them, INVALID when they are
   *     more than the maximum
   */
  public Outcome lock(List<Target> targets, boolean all, Duration expiry, Editor who) {
    String lockId = UUID.randomUUID().toString();
    return inTransaction(
        c -> {
          List<LockedFeature> locked = new ArrayList<>();
          List<LockedFeature> notLocked = new ArrayList<>();
          long total = 0;
          for (Target t : targets) {
            total += gate.census(c, t.layer(), t.filter(), who);
            if (total > maxFeatures) {
              throw new EditException(
                  EditException.Reason.INVALID,
                  "a lock takes at most " + maxFeatures + " features: narrow the filter");
            }
          }
          Instant expires = null;
          for (Target t : targets) {
            TreeSet<Long> fids = gate.serialise(c, t.layer(), t.filter());
            TreeSet<Long> taken = new TreeSet<>();
            try (PreparedStatement ps = c.prepareStatement(LOCK_INSERT)) {
              ps.setString(1, t.layer().table());
              ps.setString(2, t.layer().name());
              ps.setString(3, lockId);
              ps.setString(4, who.name());
              ps.setLong(5, expiry.toMillis());
              ps.setString(6, EditSql.bigintArray(fids));
              try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                  taken.add(rs.getLong(1));
                  expires = rs.getTimestamp(2).toInstant();
                }
              }
            }
            for (long fid : fids) {
              (taken.contains(fid) ? locked : notLocked)
                  .add(new LockedFeature(t.layer().name(), fid));
            }
          }
          if (all && !notLocked.isEmpty()) {
            LockedFeature f = notLocked.get(0);
            throw new EditException(
                EditException.Reason.LOCKED,
                "cannot lock all features: "
                    + notLocked.size()
                    + " of them (first "
                    + f.layer()
                    + "."
                    + f.fid()
                    + ") are locked by another lock");
          }
          return new Outcome(
              lockId, expires == null ? expiresAfter(c, expiry) : expires, locked, notLocked);
        });
  }

  /**
   * Gives an active lock a new expiry, {@code expiry} from now.
   *
   * @throws EditException INVALID_LOCK when no such lock is active
   */
  public Outcome renew(String lockId, Duration expiry) {
    return inTransaction(
        c -> {
          List<LockedFeature> locked = new ArrayList<>();
          Instant expires = null;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE feature_lock SET expires_at = statement_timestamp() + ? * interval '1 ms'"
                      + " WHERE lock_id = ? AND expires_at > statement_timestamp()"
                      + " RETURNING layer, fid, expires_at")) {
            ps.setLong(1, expiry.toMillis());
            ps.setString(2, lockId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                locked.add(new LockedFeature(rs.getString(1), rs.getLong(2)));
                expires = rs.getTimestamp(3).toInstant();
              }
            }
          }
          if (locked.isEmpty()) {
            throw unknown(lockId);
          }
          return new Outcome(lockId, expires, locked, List.of());
        });
  }

  /**
   * Ends a lock: its features are free.
   *
   * @return how many features it held (expired ones not counted)
   * @throws EditException INVALID_LOCK when no such lock is active
   */
  public long release(String lockId) {
    return inTransaction(
        c -> {
          long active = 0;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "DELETE FROM feature_lock WHERE lock_id = ?"
                      + " RETURNING expires_at > statement_timestamp()")) {
            ps.setString(1, lockId);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                active += rs.getBoolean(1) ? 1 : 0;
              }
            }
          }
          if (active == 0) {
            throw unknown(lockId);
          }
          return active;
        });
  }

  /** Fails with INVALID_LOCK when the lock holds no feature any more (unknown or expired). */
  static void requireActive(Connection c, String lockId) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT 1 FROM feature_lock WHERE lock_id = ? AND expires_at > statement_timestamp()"
                + " LIMIT 1")) {
      ps.setString(1, lockId);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          throw unknown(lockId);
        }
      }
    }
  }

  /**
   * Fails with LOCKED when a lock other than {@code lockId} (null: none presented) holds one of the
   * features; the caller holds their advisory locks.
   */
  static void checkFree(Connection c, Layer layer, Collection<Long> fids, String lockId)
      throws SQLException {
    if (fids.isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT fid, expires_at FROM feature_lock WHERE feature_table = ?"
                + " AND fid = ANY(CAST(? AS bigint[])) AND expires_at > statement_timestamp()"
                + " AND lock_id IS DISTINCT FROM ? ORDER BY fid LIMIT 1")) {
      ps.setString(1, layer.table());
      ps.setString(2, EditSql.bigintArray(fids));
      ps.setString(3, lockId);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          throw new EditException(
              EditException.Reason.LOCKED,
              layer.name()
                  + "."
                  + rs.getLong(1)
                  + " is locked by another lock until "
                  + rs.getTimestamp(2).toInstant());
        }
      }
    }
  }

  /**
   * Releases a lock a transaction presented: all its features ({@code touched} null, releaseAction
   * ALL) or only those the transaction edited (by table; releaseAction SOME).
   */
  static void releaseIn(Connection c, String lockId, Map<String, Set<Long>> touched)
      throws SQLException {
    if (touched == null) {
      try (PreparedStatement ps =
          c.prepareStatement("DELETE FROM feature_lock WHERE lock_id = ?")) {
        ps.setString(1, lockId);
        ps.executeUpdate();
      }
      return;
    }
    for (Map.Entry<String, Set<Long>> e : touched.entrySet()) {
      try (PreparedStatement ps =
          c.prepareStatement(
              "DELETE FROM feature_lock WHERE lock_id = ? AND feature_table = ?"
                  + " AND fid = ANY(CAST(? AS bigint[]))")) {
        ps.setString(1, lockId);
        ps.setString(2, e.getKey());
        ps.setString(3, EditSql.bigintArray(e.getValue()));
        ps.executeUpdate();
      }
    }
  }

  private static EditException unknown(String lockId) {
    return new EditException(
        EditException.Reason.INVALID_LOCK, "lock " + lockId + " is unknown or has expired");
  }

  /**
   * Takes the free features (no row, or an expired one) for the lock; returns the fids taken and
   * the expiry.
   */
  private static final String LOCK_INSERT =
      "INSERT INTO feature_lock (feature_table, layer, lock_id, locked_by, expires_at, fid)"
          + " SELECT ?, ?, ?, ?, statement_timestamp() + ? * interval '1 ms', f"
          + " FROM unnest(CAST(? AS bigint[])) f"
          + " ON CONFLICT (feature_table, fid) DO UPDATE SET layer = EXCLUDED.layer,"
          + " lock_id = EXCLUDED.lock_id, locked_by = EXCLUDED.locked_by,"
          + " locked_at = statement_timestamp(), expires_at = EXCLUDED.expires_at"
          + " WHERE feature_lock.expires_at <= statement_timestamp()"
          + " RETURNING fid, expires_at";

  private static Instant expiresAfter(Connection c, Duration expiry) throws SQLException {
    try (Statement s = c.createStatement();
        ResultSet rs =
            s.executeQuery(
                "SELECT statement_timestamp() + " + expiry.toMillis() + " * interval '1 ms'")) {
      rs.next();
      return rs.getTimestamp(1).toInstant();
    }
  }

  /** A step of one database transaction. */
  private interface Step<T> {
    T run(Connection c) throws SQLException;
  }

  private <T> T inTransaction(Step<T> step) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL statement_timeout = " + statementTimeout.toMillis());
        }
        T result = step.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        Transactions.rollbackQuietly(c, e);
        throw e instanceof SQLException se ? FeatureEditor.translate(se) : (RuntimeException) e;
      }
    } catch (SQLException e) {
      throw FeatureEditor.translate(e);
    }
  }
}
