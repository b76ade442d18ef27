package cn.lzxq.city.data.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Runs feature queries against PostGIS: counts, and streams through a cursor. Every statement
 * runs under a statement timeout, so no request runs unbounded.
 */
public final class FeatureSource {

  private static final int FETCH_SIZE = 2_000;

  private final DataSource dataSource;
  private final SqlBuilder sql;
  private final Duration statementTimeout;

  /**
   * @param statementTimeout the longest a query may run before PostgreSQL cancels it
   */
  public FeatureSource(DataSource dataSource, SqlBuilder sql, Duration statementTimeout) {
    this.dataSource = dataSource;
    this.sql = sql;
    this.statementTimeout = statementTimeout;
  }

  /** Whether PostgreSQL cancelled the statement at the statement timeout (SQLSTATE 57014). */
  public static boolean timedOut(SQLException e) {
    return "57014".equals(e.getSQLState());
  }

  /** The SQL builder (and with it the native SRID). */
  public SqlBuilder sql() {
    return sql;
  }

  /** How many features the query matches, paging ignored. */
  public long count(FeatureQuery q) throws SQLException {
    try (Connection c = open(); PreparedStatement ps = sql.count(q).prepare(c); ResultSet rs = ps.executeQuery()) {
      rs.next();
      long n = rs.getLong(1);
      c.rollback();
      return n;
    }
  }

  /** Opens a streaming cursor over the query's page; the caller closes it. */
  public FeatureCursor stream(FeatureQuery q) throws SQLException {
    Connection c = open();
    try {
      PreparedStatement ps = sql.select(q).prepare(c);
      ps.setFetchSize(FETCH_SIZE);
      return new FeatureCursor(c, ps, ps.executeQuery(), q);
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  private Connection open() throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try (Statement s = c.createStatement()) {
        s.execute("SET LOCAL statement_timeout = " + statementTimeout.toMillis());
      }
      return c;
    } catch (SQLException e) {
      c.close();
      throw e;
    }
  }
}
