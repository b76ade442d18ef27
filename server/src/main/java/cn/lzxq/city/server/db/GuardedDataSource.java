package cn.lzxq.city.server.db;

import com.zaxxer.hikari.HikariDataSource;
import java.io.Closeable;
import java.sql.Connection;
import java.sql.SQLException;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * The data source every server component uses: the connection pool behind a {@link
 * DatabaseAvailability} check. While the database is unreachable a borrow fails at once with SQL
 * state 08001 (answered 503 with Retry-After, as any connection failure); a borrow that fails
 * reports the failure, so the first connection failure starts the probe.
 */
public final class GuardedDataSource extends DelegatingDataSource implements Closeable {

  private final HikariDataSource pool;
  private final DatabaseAvailability availability;

  public GuardedDataSource(HikariDataSource pool, DatabaseAvailability availability) {
    super(pool);
    this.pool = pool;
    this.availability = availability;
  }

  /** The database's availability as this server sees it. */
  public DatabaseAvailability availability() {
    return availability;
  }

  @Override
  public Connection getConnection() throws SQLException {
    return borrow(pool::getConnection);
  }

  @Override
  public Connection getConnection(String username, String password) throws SQLException {
    return borrow(() -> pool.getConnection(username, password));
  }

  private interface Borrow {
    Connection get() throws SQLException;
  }

  private Connection borrow(Borrow borrow) throws SQLException {
    if (!availability.reachable()) {
      throw availability.unreachable();
    }
    try {
      return borrow.get();
    } catch (SQLException e) {
      availability.failed(e);
      throw e;
    }
  }

  /** Stops the probe and closes the pool. */
  @Override
  public void close() {
    availability.close();
    pool.close();
  }
}
