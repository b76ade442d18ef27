package cn.lzxq.city.data.edit;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.io.TableColumns;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.PreparedSql;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Applies edits as new versions, all or nothing: one database transaction; an update or replace
 * closes the current version and inserts its successor with the same fid, a delete closes it,
 * an insert starts a feature. The user is recorded in {@code changed_by}; the owner check is
 * part of each statement's SQL, and a statement that would touch a feature the user may not
 * write fails the whole transaction.
 */
public final class FeatureEditor {

  private final DataSource dataSource;
  private final EditSql sql;
  private final Duration statementTimeout;

  public FeatureEditor(DataSource dataSource, SqlBuilder sqlBuilder, Duration statementTimeout) {
    this.dataSource = dataSource;
    this.sql = new EditSql(sqlBuilder);
    this.statementTimeout = statementTimeout;
  }

  /**
   * Applies the edits in order in one transaction.
   *
   * @param note the change note of the new versions (e.g. "WFS-T handle")
   * @throws EditException when any edit is refused; nothing is written then
   */
  public EditResult apply(List<FeatureEdit> edits, Editor who, String note) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL statement_timeout = " + statementTimeout.toMillis());
        }
        EditResult result = run(c, edits, who, note);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e instanceof SQLException se ? translate(se) : (RuntimeException) e;
      }
    } catch (SQLException e) {
      throw translate(e);
    }
  }

  private EditResult run(Connection c, List<FeatureEdit> edits, Editor who, String note) throws SQLException {
    Map<String, TableColumns> tables = new HashMap<>();
    List<Long> inserted = new ArrayList<>();
    long updated = 0;
    long replaced = 0;
    long deleted = 0;
    for (FeatureEdit e : edits) {
      TableColumns table = tables.computeIfAbsent(e.layer().table(), t -> load(c, t));
      if (e instanceof FeatureEdit.Insert i) {
        inserted.add(insert(c, table, i, who, note));
      } else if (e instanceof FeatureEdit.Update u) {
        updated += update(c, table, u.layer(), u.filter(), u.values(), u.geometry(), who, note);
      } else if (e instanceof FeatureEdit.Replace r) {
        replaced += replace(c, table, r, who, note);
      } else if (e instanceof FeatureEdit.Delete d) {
        deleted += delete(c, d, who);
      }
    }
    return new EditResult(inserted, updated, replaced, deleted);
  }

  private static TableColumns load(Connection c, String table) {
    try {
      return TableColumns.load(c, table);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot read the columns of " + table, e);
    }
  }

  private long insert(Connection c, TableColumns table, FeatureEdit.Insert i, Editor who, String note) throws SQLException {
    try (PreparedStatement ps = sql.insert(i.layer(), table, i.values(), i.geometry(), who, note).prepare(c);
         ResultSet rs = ps.executeQuery()) {
      if (!rs.next()) {
        throw forbidden(who, i.layer());
      }
      return rs.getLong(1);
    }
  }

  private long update(Connection c, TableColumns table, Layer layer, Filter filter, Map<String, Object> values,
      org.locationtech.jts.geom.Geometry g, Editor who, String note) throws SQLException {
    checkAllowed(c, layer, filter, who);
    try (PreparedStatement ps = sql.update(layer, table, filter, values, g, who, note).prepare(c);
         ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getLong(1) != rs.getLong(2)) {
        throw new EditException(EditException.Reason.FORBIDDEN,
            "user " + who.name() + " may not give features of " + layer.name() + " to another organisation");
      }
      return rs.getLong(2);
    }
  }

  /** Every attribute from the edit (absent ones null), except the fixed values that define the layer (a pipe layer's network). */
  private long replace(Connection c, TableColumns table, FeatureEdit.Replace r, Editor who, String note) throws SQLException {
    Map<String, Object> all = new LinkedHashMap<>();
    r.layer().attributes().stream().filter(a -> !r.layer().fixedValues().containsKey(a.name()))
        .forEach(a -> all.put(a.name(), r.values().get(a.name())));
    Filter one = new Filter.ResourceIds(List.of(r.fid()));
    long n = update(c, table, r.layer(), one, all, r.geometry(), who, note);
    if (n == 0) {
      throw new EditException(EditException.Reason.NOT_FOUND, "no current feature " + r.layer().name() + "." + r.fid());
    }
    return n;
  }

  private long delete(Connection c, FeatureEdit.Delete d, Editor who) throws SQLException {
    checkAllowed(c, d.layer(), d.filter(), who);
    try (PreparedStatement ps = sql.delete(d.layer(), d.filter(), who).prepare(c)) {
      return ps.executeUpdate();
    }
  }

  /** Fails when the filter matches a current feature the user may not write. */
  private void checkAllowed(Connection c, Layer layer, Filter filter, Editor who) throws SQLException {
    PreparedSql census = sql.census(layer, filter, who);
    try (PreparedStatement ps = census.prepare(c); ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getLong(2) > 0) {
        throw forbidden(who, layer);
      }
    }
  }

  private static EditException forbidden(Editor who, Layer layer) {
    return new EditException(EditException.Reason.FORBIDDEN, "user " + who.name() + " (" + who.role().name().toLowerCase()
        + (who.organization() == null ? "" : " of " + who.organization()) + ") may not edit these features of " + layer.name());
  }

  private static RuntimeException translate(SQLException e) {
    String state = e.getSQLState() == null ? "" : e.getSQLState();
    if (state.startsWith("23") || state.startsWith("22") || state.equals("XX000")) {
      return new EditException(EditException.Reason.INVALID, "the database refused the values: " + firstLine(e.getMessage()), e);
    }
    if (ReadExecutor.timedOut(e)) {
      return new QueryException("OperationProcessingFailed", "Transaction", "the transaction took too long");
    }
    return new IllegalStateException(e);
  }

  private static String firstLine(String m) {
    return m == null ? "" : m.lines().findFirst().orElse("");
  }
}
