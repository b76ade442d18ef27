package cn.lzxq.city.data.db;

import java.sql.SQLException;

/**
 * A read that failed in the database, unchecked for paths whose interfaces do not throw {@link
 * SQLException} (3D tile content); {@link #timedOut()} when PostgreSQL cancelled the statement at
 * the statement timeout.
 */
public final class DatabaseReadException extends RuntimeException {

  public DatabaseReadException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /** Whether the statement was cancelled at the statement timeout (SQLSTATE 57014). */
  public boolean timedOut() {
    return ReadExecutor.timedOut((SQLException) getCause());
  }
}
