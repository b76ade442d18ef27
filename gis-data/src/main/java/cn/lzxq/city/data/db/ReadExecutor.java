package cn.lzxq.city.data.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * The one way every read path (WMS, WFS, OGC API, 3D Tiles content, analyses) reads the city
 * database: each read is a read-only transaction under PostgreSQL's {@code statement_timeout} (the
 * service's limit, or a shorter one a caller passes), so no statement runs unbounded; a statement
 * cancelled at the limit fails with SQLSTATE 57014 ({@link #timedOut}). SQL has {@code :name}
 * parameters ({@link NamedSql}) or comes prebuilt with {@code ?} binds.
 *
 * <p>Rows are read through a cursor of {@link ReadTransaction#CURSOR_ROWS} rows, or all at once
 * ({@link ReadTransaction#queryAll}) for whole-area statements: PostgreSQL never runs a statement
 * read through a cursor with parallel workers.
 */
public final class ReadExecutor {

  private final DataSource dataSource;
  private final Duration statementTimeout;

  /**
   * @param statementTimeout the longest any statement may run before PostgreSQL cancels it
   */
  public ReadExecutor(DataSource dataSource, Duration statementTimeout) {
    this.dataSource = dataSource;
    this.statementTimeout = statementTimeout;
  }

  /** One unit of read work in a transaction. */
  @FunctionalInterface
  public interface Work<T> {
    T run(ReadTransaction tx) throws SQLException;
  }

  /** Whether PostgreSQL cancelled the statement at the statement timeout (SQLSTATE 57014). */
  public static boolean timedOut(SQLException e) {
    return "57014".equals(e.getSQLState());
  }

  /** The service's statement timeout. */
  public Duration statementTimeout() {
    return statementTimeout;
  }

  /** Opens a read-only transaction under the service's statement timeout; the caller closes it. */
  public ReadTransaction open() throws SQLException {
    return open(statementTimeout);
  }

  /**
   * Opens a read-only transaction whose statements are cancelled after {@code limit} (at least 1
   * ms; an analysis's own time limit, or what is left of a request's deadline); the caller closes
   * it.
   */
  public ReadTransaction open(Duration limit) throws SQLException {
    Connection c = dataSource.getConnection();
    try {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      ReadTransaction tx = new ReadTransaction(c);
      tx.limit(limit);
      return tx;
    } catch (SQLException | RuntimeException e) {
      c.close();
      throw e;
    }
  }

  /** Runs {@code work} in one transaction under the service's statement timeout. */
  public <T> T read(Work<T> work) throws SQLException {
    return read(statementTimeout, work);
  }

  /** Runs {@code work} in one transaction whose statements are cancelled after {@code limit}. */
  public <T> T read(Duration limit, Work<T> work) throws SQLException {
    try (ReadTransaction tx = open(limit)) {
      return work.run(tx);
    }
  }

  /** The rows of one statement with named parameters, read through a cursor. */
  public <T> List<T> query(String sql, Map<String, ?> params, ReadTransaction.RowReader<T> reader)
      throws SQLException {
    return read(tx -> tx.query(sql, params, reader));
  }

  /**
   * Hands each row of one statement to {@code sink} as it is read through a cursor (memory stays
   * bounded), failing with the unchecked {@link DatabaseReadException}.
   */
  public <T> void each(
      String sql, Map<String, ?> params, ReadTransaction.RowReader<T> reader, Consumer<T> sink) {
    each(sql, params, ReadTransaction.Planning.PER_EXECUTION, reader, sink);
  }

  /**
   * As {@link #each(String, Map, ReadTransaction.RowReader, Consumer)}, planned as {@code planning}
   * says ({@link ReadTransaction.Planning#CACHED} for one statement text run over and over with
   * windows of one size class, such as a 3D tile's content).
   */
  public <T> void each(
      String sql,
      Map<String, ?> params,
      ReadTransaction.Planning planning,
      ReadTransaction.RowReader<T> reader,
      Consumer<T> sink) {
    try {
      read(
          tx -> {
            tx.forEach(sql, params, planning, reader, sink);
            return null;
          });
    } catch (SQLException e) {
      throw new DatabaseReadException(e);
    }
  }

  /** As {@link #query}, failing with the unchecked {@link DatabaseReadException}. */
  public <T> List<T> rows(String sql, Map<String, ?> params, ReadTransaction.RowReader<T> reader) {
    try {
      return query(sql, params, reader);
    } catch (SQLException e) {
      throw new DatabaseReadException(e);
    }
  }
}
