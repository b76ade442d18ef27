package cn.lzxq.city.data.edit;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.Transactions;
import cn.lzxq.city.data.io.TableColumns;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.QueryException;
import cn.lzxq.city.data.query.SqlBuilder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;

/**
 * Applies edits as new versions, all or nothing: one database transaction; an update or replace
 * closes the latest version and inserts its successor with the same fid, a delete closes it, an
 * insert starts a feature. The user is recorded in {@code changed_by} of a new version and in
 * {@code closed_by} of a closed one; the owner check is part of each statement's SQL, and a
 * statement that would touch a feature the user may not write fails the whole transaction.
 *
 * <p>Edits apply in order and see each other: they address the latest version (its open version,
 * {@code ValidTime.open}). Concurrent writers of one feature are serialised: before an update,
 * replace or delete, the transaction takes a transaction-scoped advisory lock on each matching fid
 * (ascending) and then re-reads, so a writer waiting for another applies its edit to the other's
 * result instead of finding nothing. A writer that names the version it read ({@link
 * Filter.ResourceIds#versions()}, {@link FeatureEdit.Replace#version()}) gets a {@link
 * EditException.Reason#CONFLICT} when the latest version is another one. A feature held by a {@link
 * FeatureLocks feature lock} is refused ({@link EditException.Reason#LOCKED}) unless the
 * transaction presents that lock's id. Every geometry passes {@link GeometryCheck} first.
 */
public final class FeatureEditor {

  private final DataSource dataSource;
  private final EditSql sql;
  private final FeatureGate gate;
  private final Duration statementTimeout;
  private final GeometryCheck geometryCheck;

  private final Semaphore writers;

  /**
   * @param maxConcurrent how many edit transactions hold a database connection at once; the others
   *     wait (fairly, at most the statement timeout) without one, so writers queued behind a
   *     feature lock never starve reads of connections
   */
  public FeatureEditor(
      DataSource dataSource,
      SqlBuilder sqlBuilder,
      Duration statementTimeout,
      GeometryCheck geometryCheck,
      int maxConcurrent) {
    this.dataSource = dataSource;
    this.sql = new EditSql(sqlBuilder);
    this.gate = new FeatureGate(sql);
    this.statementTimeout = statementTimeout;
    this.geometryCheck = geometryCheck;
    this.writers = new Semaphore(maxConcurrent, true);
  }

  /**
   * Applies the edits in order in one transaction, presenting no feature lock.
   *
   * @param note the change note of the new versions (e.g. "WFS-T handle")
   * @throws EditException when any edit is refused; nothing is written then
   */
  public EditResult apply(List<FeatureEdit> edits, Editor who, String note) {
    return apply(edits, who, note, null);
  }

  /**
   * Applies the edits in order in one transaction; features locked by {@code lock} may be edited,
   * and the lock is released as it asks once the edits succeeded.
   *
   * @param lock the lock the writer holds, or null
   * @throws EditException when any edit is refused (INVALID_LOCK: the lock is unknown or expired);
   *     nothing is written and no lock released then
   */
  public EditResult apply(
      List<FeatureEdit> edits, Editor who, String note, FeatureLocks.Presented lock) {
    try {
      if (!writers.tryAcquire(statementTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
        throw new EditException(
            EditException.Reason.CONFLICT, "too many concurrent edits; try again");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EditException(
          EditException.Reason.CONFLICT, "interrupted while waiting for other edits");
    }
    try {
      return applyInTransaction(edits, who, note, lock);
    } finally {
      writers.release();
    }
  }

  private EditResult applyInTransaction(
      List<FeatureEdit> edits, Editor who, String note, FeatureLocks.Presented lock) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL statement_timeout = " + statementTimeout.toMillis());
        }
        if (lock != null) {
          FeatureLocks.requireActive(c, lock.lockId());
        }
        Tally t = new Tally(lock == null ? null : lock.lockId());
        EditResult result = run(c, edits, who, note, t);
        if (lock != null) {
          FeatureLocks.releaseIn(c, lock.lockId(), lock.releaseAll() ? null : t.touched);
        }
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        Transactions.rollbackQuietly(c, e);
        throw e instanceof SQLException se ? translate(se) : (RuntimeException) e;
      }
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  /**
   * The latest version ({@code version_id}) of a feature, or empty when it has none (never existed
   * or deleted).
   */
  public OptionalLong latestVersion(Layer layer, long fid) {
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = sql.latestVersions(layer, List.of(fid)).prepare(c);
        ResultSet rs = ps.executeQuery()) {
      return rs.next() ? OptionalLong.of(rs.getLong(2)) : OptionalLong.empty();
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  private EditResult run(Connection c, List<FeatureEdit> edits, Editor who, String note, Tally t)
      throws SQLException {
    Map<String, TableColumns> tables = new HashMap<>();
    int n = 0;
    for (FeatureEdit e : edits) {
      n++;
      TableColumns table = tables.computeIfAbsent(e.layer().table(), name -> load(c, name));
      try {
        if (e instanceof FeatureEdit.Insert i) {
          insert(c, table, i, who, note, t);
        } else if (e instanceof FeatureEdit.Update u) {
          t.updated +=
              update(c, table, u.layer(), u.filter(), u.values(), u.geometry(), who, note, t);
        } else if (e instanceof FeatureEdit.Replace r) {
          t.replaced += replace(c, table, r, who, note, t);
        } else if (e instanceof FeatureEdit.Delete d) {
          t.deleted += delete(c, d, who, t);
        }
      } catch (EditException x) {
        throw x.at(locator(e, n));
      } catch (SQLException x) {
        RuntimeException refused = translate(x);
        throw refused instanceof EditException ee ? ee.at(locator(e, n)) : refused;
      }
    }
    return new EditResult(t.inserted, t.updated, t.replaced, t.deleted, t.versions);
  }

  /**
   * Names an edit in a refusal: its kind, position in the request and layer, e.g. {@code Update 2
   * pipe_js}.
   */
  private static String locator(FeatureEdit e, int n) {
    return e.getClass().getSimpleName() + " " + n + " " + e.layer().name();
  }

  /**
   * The running totals of a transaction, the lock it presents (or null) and the fids it changed or
   * ended, by table.
   */
  private static final class Tally {
    final String lockId;
    final List<Long> inserted = new ArrayList<>();
    final Map<Long, Long> versions = new HashMap<>();
    final Map<String, Set<Long>> touched = new HashMap<>();
    long updated;
    long replaced;
    long deleted;

    Tally(String lockId) {
      this.lockId = lockId;
    }
  }

  private static TableColumns load(Connection c, String table) {
    try {
      return TableColumns.load(c, table);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the columns of " + table, e);
    }
  }

  private void insert(
      Connection c, TableColumns table, FeatureEdit.Insert i, Editor who, String note, Tally t)
      throws SQLException {
    if (i.geometry() == null) {
      throw new EditException(EditException.Reason.INVALID, "a feature needs a geometry");
    }
    geometryCheck.check(c, i.geometry());
    try (PreparedStatement ps =
            sql.insert(i.layer(), table, i.values(), i.geometry(), who, note).prepare(c);
        ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw FeatureGate.forbidden(who, i.layer());
      }
      t.inserted.add(rs.getLong(1));
      t.versions.put(rs.getLong(1), rs.getLong(2));
    }
  }

  private long update(
      Connection c,
      TableColumns table,
      Layer layer,
      Filter filter,
      Map<String, Object> values,
      org.locationtech.jts.geom.Geometry g,
      Editor who,
      String note,
      Tally t)
      throws SQLException {
    geometryCheck.check(c, g);
    guard(c, layer, filter, who, t);
    try (PreparedStatement ps = sql.update(layer, table, filter, values, g, who, note).prepare(c);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getLong(1) != rs.getLong(2)) {
        throw new EditException(
            EditException.Reason.FORBIDDEN,
            "user "
                + who.name()
                + " may not give features of "
                + layer.name()
                + " to another organisation");
      }
      if (rs.getLong(2) > 0) {
        Long[] fids = (Long[]) rs.getArray(3).getArray();
        Long[] versions = (Long[]) rs.getArray(4).getArray();
        for (int i = 0; i < fids.length; i++) {
          t.versions.put(fids[i], versions[i]);
        }
      }
      return rs.getLong(2);
    }
  }

  /**
   * Every attribute from the edit (absent ones null), except the fixed values that define the layer
   * (a pipe layer's network).
   */
  private long replace(
      Connection c, TableColumns table, FeatureEdit.Replace r, Editor who, String note, Tally t)
      throws SQLException {
    Map<String, Object> all = new LinkedHashMap<>();
    r.layer().attributes().stream()
        .filter(a -> !r.layer().fixedValues().containsKey(a.name()))
        .forEach(a -> all.put(a.name(), r.values().get(a.name())));
    Filter one =
        new Filter.ResourceIds(
            List.of(r.fid()), r.version() == null ? Map.of() : Map.of(r.fid(), r.version()));
    long n = update(c, table, r.layer(), one, all, r.geometry(), who, note, t);
    if (n == 0) {
      throw new EditException(
          EditException.Reason.NOT_FOUND, "no current feature " + r.layer().name() + "." + r.fid());
    }
    return n;
  }

  private long delete(Connection c, FeatureEdit.Delete d, Editor who, Tally t) throws SQLException {
    guard(c, d.layer(), d.filter(), who, t);
    long n = 0;
    try (PreparedStatement ps = sql.delete(d.layer(), d.filter(), who).prepare(c);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        t.versions.remove(rs.getLong(1));
        n++;
      }
    }
    return n;
  }

  /**
   * Before a change of the matching features: serialises on them, checks the versions named, the
   * user's right and the feature locks, and records them as touched.
   */
  private void guard(Connection c, Layer layer, Filter filter, Editor who, Tally t)
      throws SQLException {
    Set<Long> fids = gate.serialise(c, layer, filter);
    checkVersions(c, layer, filter);
    gate.census(c, layer, filter, who);
    FeatureLocks.checkFree(c, layer, fids, t.lockId);
    t.touched.computeIfAbsent(layer.table(), k -> new HashSet<>()).addAll(fids);
  }

  /**
   * Fails with a conflict when a feature the filter names with a version is at another version now.
   */
  private void checkVersions(Connection c, Layer layer, Filter filter) throws SQLException {
    if (!(filter instanceof Filter.ResourceIds ids) || ids.versions().isEmpty()) {
      return;
    }
    Map<Long, Long> latest = new HashMap<>();
    try (PreparedStatement ps =
            sql.latestVersions(layer, List.copyOf(ids.versions().keySet())).prepare(c);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        latest.put(rs.getLong(1), rs.getLong(2));
      }
    }
    for (Map.Entry<Long, Long> read : ids.versions().entrySet()) {
      Long now = latest.get(read.getKey());
      if (!read.getValue().equals(now)) {
        throw new EditException(
            EditException.Reason.CONFLICT,
            layer.name()
                + "."
                + read.getKey()
                + " is no longer at version "
                + read.getValue()
                + (now == null ? ": it was deleted" : ": another edit made version " + now));
      }
    }
  }

  /** The refusal or failure an SQL error of an edit or lock transaction stands for. */
  static RuntimeException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.equals("40P01") || state.equals("40001")) {
      return new EditException(
          EditException.Reason.CONFLICT, "a concurrent edit of the same features; try again", e);
    }
    if (state.startsWith("23") || state.startsWith("22") || state.equals("XX000")) {
      return new EditException(
          EditException.Reason.INVALID,
          "the database refused the values: " + firstLine(e.getMessage()),
          e);
    }
    if (ReadExecutor.timedOut(e)) {
      return new QueryException(
          "OperationProcessingFailed", "Transaction", "the transaction took too long");
    }
    return new IllegalStateException(e);
  }

  private static String firstLine(String m) {
    return m == null ? "" : m.lines().findFirst().orElse("");
  }
}
