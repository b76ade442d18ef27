package cn.lzxq.city.data.db;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Ending a failed transaction without losing why it failed. When the statement that failed was cut
 * off with its connection (the server shut down, the backend was terminated, a failover), the
 * rollback fails too; that failure is added to the original cause as suppressed, so the caller
 * rethrows, classifies and answers the cause, never "connection closed".
 */
public final class Transactions {

  private Transactions() {}

  /**
   * Rolls back {@code c} after {@code cause}; a failed rollback is kept as suppressed on {@code
   * cause} and never thrown. Call it in the catch block and rethrow {@code cause}.
   */
  public static void rollbackQuietly(Connection c, Throwable cause) {
    try {
      c.rollback();
    } catch (SQLException | RuntimeException e) {
      cause.addSuppressed(e);
    }
  }
}
