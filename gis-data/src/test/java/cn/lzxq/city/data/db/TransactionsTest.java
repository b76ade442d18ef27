package cn.lzxq.city.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link Transactions#rollbackQuietly} on a real PostgreSQL connection whose backend is terminated
 * mid-transaction ({@code pg_terminate_backend}): the statement's own failure propagates, the
 * failed rollback rides along as suppressed.
 */
class TransactionsTest {

  private static HikariDataSource db;

  @BeforeAll
  static void schema() throws SQLException {
    db = TestDatabase.freshSchema("Transactions");
    Sql.exec(db, "CREATE TABLE rollback_probe (n int)");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void theCauseOfAFailureOnAKilledConnectionPropagatesWithTheFailedRollbackSuppressed()
      throws Exception {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      int pid;
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
        rs.next();
        pid = rs.getInt(1);
        s.execute("INSERT INTO rollback_probe VALUES (1)");
      }
      try (Connection killer = db.getConnection();
          Statement k = killer.createStatement()) {
        k.execute("SELECT pg_terminate_backend(" + pid + ")");
      }
      assertThatThrownBy(() -> insertThenRollbackOnFailure(c))
          .isInstanceOf(SQLException.class)
          .satisfies(
              e -> {
                // the statement's failure, not the rollback's "connection has been closed"
                assertThat(((SQLException) e).getSQLState()).isIn("57P01", "08006");
                assertThat(e.getSuppressed()).hasSize(1);
                assertThat(e.getSuppressed()[0])
                    .as("the rollback on the closed connection")
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("closed");
              });
    }
    assertThat(Sql.count(db, "SELECT count(*) FROM rollback_probe")).isZero();
  }

  @Test
  void onALiveConnectionTheRollbackUndoesTheWorkAndAddsNothing() throws Exception {
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      try (Statement s = c.createStatement()) {
        s.execute("INSERT INTO rollback_probe VALUES (2)");
      }
      SQLException cause = new SQLException("a step failed", "23514");
      Transactions.rollbackQuietly(c, cause);
      assertThat(cause.getSuppressed()).isEmpty();
      c.commit();
    }
    assertThat(Sql.count(db, "SELECT count(*) FROM rollback_probe WHERE n = 2")).isZero();
  }

  /** The caller's pattern: a step, and on its failure a quiet rollback and the cause rethrown. */
  private static void insertThenRollbackOnFailure(Connection c) throws SQLException {
    try (Statement s = c.createStatement()) {
      s.execute("INSERT INTO rollback_probe VALUES (3)");
      c.commit();
    } catch (SQLException e) {
      Transactions.rollbackQuietly(c, e);
      throw e;
    }
  }
}
