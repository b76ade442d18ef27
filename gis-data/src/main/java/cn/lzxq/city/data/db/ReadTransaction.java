package cn.lzxq.city.data.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * A read-only transaction of {@link ReadExecutor} under its statement timeout: named-parameter
 * queries, prebuilt statements and streams. Closing it rolls back and returns the connection. Not
 * thread-safe.
 *
 * <p>A statement timeout ({@link #limit}) is sent with the next statement: in the same round trip
 * for {@link #one} (pgjdbc sends {@code BEGIN READ ONLY}, the {@code SET LOCAL} and the statement
 * in one flush; PostgreSQL arms the timeout anew for each statement of the flush, so the statement
 * runs under the new limit), as a statement of its own before the others. A cold vector tile is one
 * such statement: two round trips (the statement, the rollback) instead of three.
 */
public final class ReadTransaction implements AutoCloseable {

  /** Rows per cursor fetch. */
  public static final int CURSOR_ROWS = 1_000;

  /**
   * How much longer (ms) than asked {@link #limit} lets statements run rather than send a new
   * limit, at least: the reads of one map, a few milliseconds apart, keep the limit of the first.
   */
  private static final long SLACK_MILLIS = 10;

  /**
   * The slack as a share of the limit in force ({@code 1/SLACK_SHARE}), when that is more than
   * {@link #SLACK_MILLIS}: under a 60 s render deadline the reads of a map drawn beside three
   * others on two cores lie tens of milliseconds apart, and each new limit was one more round trip.
   */
  private static final long SLACK_SHARE = 100;

  private final Connection connection;

  /** The statement timeout the next statement runs under (ms); 0 before the first limit. */
  private long limitMillis;

  /** Whether {@link #limitMillis} was sent (it is in force in the transaction). */
  private boolean limitSent = true;

  private boolean closed;

  ReadTransaction(Connection connection) {
    this.connection = connection;
  }

  /**
   * How PostgreSQL plans a statement.
   *
   * <ul>
   *   <li>{@link #PER_EXECUTION}: for each execution's own values (an unnamed statement, parsed and
   *       planned every time): right where windows differ in size by orders of magnitude (a map at
   *       1:500 and at 1:50,000) or a statement runs once.
   *   <li>{@link #CACHED}: server-side prepared on the pooled connection, so it is parsed once per
   *       connection, and from its sixth execution PostgreSQL keeps a generic plan when that costs
   *       no more than the custom plans did: for one statement text run thousands of times with
   *       windows of one size class, such as a 3D tile's content (planning {@code
   *       sql/tiles3d/pipes.sql} took 0.4–0.6 ms, as long as running it; the cached plan 0.02 ms).
   * </ul>
   */
  public enum Planning {
    PER_EXECUTION,
    CACHED
  }

  /** Turns one row into a value. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  /**
   * The connection (for statements this class does not cover, e.g. a fitted CRS mapping), with the
   * statement timeout in force.
   */
  public Connection connection() throws SQLException {
    sendLimit();
    return connection;
  }

  /**
   * The one row of a prebuilt statement with its {@code ?} parameters {@code params} bound, planned
   * for its own values and read by {@code reader}; a statement timeout not sent yet travels in the
   * same round trip. For a statement answering exactly one row, such as an aggregate (the bytes of
   * a vector tile).
   */
  public <T> T one(String sql, List<Object> params, RowReader<T> reader) throws SQLException {
    String text = limitSent ? sql : limitStatement() + "; " + sql;
    try (PreparedStatement ps = prepare(text, params, 0, Planning.PER_EXECUTION)) {
      boolean rows = ps.execute();
      limitSent = true;
      while (!rows && ps.getUpdateCount() != -1) {
        rows = ps.getMoreResults(); // past the SET LOCAL's result
      }
      if (!rows) {
        throw new SQLException("no rows were returned by: " + sql);
      }
      try (ResultSet rs = ps.getResultSet()) {
        if (!rs.next()) {
          throw new SQLException("no row was returned by: " + sql);
        }
        return reader.read(rs);
      }
    }
  }

  /**
   * Rows of SQL with {@code :name} parameters, read through a cursor of {@link #CURSOR_ROWS} rows.
   */
  public <T> List<T> query(String sql, Map<String, ?> params, RowReader<T> reader)
      throws SQLException {
    return run(sql, params, reader, CURSOR_ROWS);
  }

  /**
   * Rows of SQL with {@code :name} parameters, fetched in one go instead of through a cursor: only
   * without a cursor may PostgreSQL split a long scan across parallel workers. For whole-area
   * statements whose answers are small.
   */
  public <T> List<T> queryAll(String sql, Map<String, ?> params, RowReader<T> reader)
      throws SQLException {
    return run(sql, params, reader, 0);
  }

  /**
   * A prepared statement of {@code sql} with its {@code ?} parameters {@code params} bound, planned
   * for its own values (never a server-side prepared statement, whose generic plan cannot know how
   * small a window is), rows fetched {@code fetchSize} at a time (0: all at once); the caller
   * closes it.
   */
  public PreparedStatement prepare(String sql, List<Object> params, int fetchSize)
      throws SQLException {
    sendLimit();
    return prepare(sql, params, fetchSize, Planning.PER_EXECUTION);
  }

  private PreparedStatement prepare(
      String sql, List<Object> params, int fetchSize, Planning planning) throws SQLException {
    PreparedStatement ps = connection.prepareStatement(sql);
    try {
      ps.unwrap(org.postgresql.PGStatement.class)
          .setPrepareThreshold(planning == Planning.CACHED ? 1 : 0);
      for (int i = 0; i < params.size(); i++) {
        bind(ps, i + 1, params.get(i));
      }
      ps.setFetchSize(fetchSize);
      return ps;
    } catch (SQLException | RuntimeException e) {
      ps.close();
      throw e;
    }
  }

  /**
   * Hands each row of SQL with {@code :name} parameters to {@code sink} as it is read through a
   * cursor of {@link #CURSOR_ROWS} rows: memory stays bounded however many rows there are.
   */
  public <T> void forEach(String sql, Map<String, ?> params, RowReader<T> reader, Consumer<T> sink)
      throws SQLException {
    forEach(sql, params, Planning.PER_EXECUTION, reader, sink);
  }

  /** As {@link #forEach(String, Map, RowReader, Consumer)}, planned as {@code planning} says. */
  public <T> void forEach(
      String sql, Map<String, ?> params, Planning planning, RowReader<T> reader, Consumer<T> sink)
      throws SQLException {
    run(sql, params, reader, CURSOR_ROWS, planning, sink);
  }

  private <T> List<T> run(String sql, Map<String, ?> params, RowReader<T> reader, int fetchSize)
      throws SQLException {
    List<T> out = new ArrayList<>();
    run(sql, params, reader, fetchSize, Planning.PER_EXECUTION, out::add);
    return out;
  }

  private <T> void run(
      String sql,
      Map<String, ?> params,
      RowReader<T> reader,
      int fetchSize,
      Planning planning,
      Consumer<T> sink)
      throws SQLException {
    NamedSql named = planning == Planning.CACHED ? NamedSql.cached(sql) : NamedSql.parse(sql);
    List<Object> values = new ArrayList<>(named.names().size());
    for (String name : named.names()) {
      if (!params.containsKey(name)) {
        throw new IllegalArgumentException("no value for :" + name);
      }
      values.add(params.get(name));
    }
    sendLimit();
    try (PreparedStatement ps = prepare(named.sql(), values, fetchSize, planning);
        ResultSet rs = ps.executeQuery()) {
      while (rs.next()) {
        sink.accept(reader.read(rs));
      }
    }
  }

  /**
   * Binds a value: null as untyped NULL, instants as timestamptz, byte[] as bytea, arrays as SQL
   * arrays.
   */
  private void bind(PreparedStatement ps, int i, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.OTHER);
    } else if (v instanceof Instant t) {
      ps.setObject(i, t.atOffset(ZoneOffset.UTC));
    } else if (v instanceof byte[] b) {
      ps.setBytes(i, b);
    } else if (v instanceof String[] a) {
      ps.setArray(i, connection.createArrayOf("text", a));
    } else if (v instanceof Long[] a) {
      ps.setArray(i, connection.createArrayOf("bigint", a));
    } else if (v instanceof Integer[] a) {
      ps.setArray(i, connection.createArrayOf("int4", a));
    } else {
      ps.setObject(i, v);
    }
  }

  /**
   * Cancels the statements this transaction runs from now on after {@code limit} (at least 1 ms),
   * e.g. what is left of a request's deadline; sent with the next statement. A limit shorter than
   * the one in force by at most the slack — {@value #SLACK_MILLIS} ms or 1 % of the limit in force,
   * whichever is more — is not sent (a round trip saved per read of a map): a statement never runs
   * longer than asked plus that slack.
   */
  public void limit(Duration limit) {
    long ms = Math.max(1, limit.toMillis());
    long shorter = limitMillis - ms;
    long slack = Math.max(SLACK_MILLIS, limitMillis / SLACK_SHARE);
    if (limitMillis > 0 && shorter >= 0 && shorter <= slack) {
      return;
    }
    limitMillis = ms;
    limitSent = false;
  }

  /** Sends the statement timeout when it is not in force yet (not after {@link #close}). */
  private void sendLimit() throws SQLException {
    if (limitSent || closed) {
      return;
    }
    try (Statement s = connection.createStatement()) {
      s.execute(limitStatement());
    }
    limitSent = true;
  }

  private String limitStatement() {
    return "SET LOCAL statement_timeout = " + limitMillis;
  }

  /**
   * Rolls back (nothing was written) and returns the connection to the pool. A connection the pool
   * already closed as broken (a statement met the server's end: a failover, a terminated backend)
   * is not rolled back: its "connection is closed" would replace the failure that broke it, which
   * callers classify (503 for the database unavailable, not 500).
   */
  @Override
  public void close() throws SQLException {
    closed = true;
    try {
      if (!connection.isClosed()) {
        connection.rollback();
      }
    } finally {
      connection.close();
    }
  }
}
