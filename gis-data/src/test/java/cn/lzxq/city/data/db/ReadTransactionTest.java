package cn.lzxq.city.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadTransaction#close} after its connection was cut off (a real PostgreSQL backend
 * terminated with {@code pg_terminate_backend}, as in a failover): closing adds no failure of its
 * own, so the statement's failure is what the caller classifies.
 */
class ReadTransactionTest {

  private static HikariDataSource pool;

  @BeforeAll
  static void open() {
    pool = CityDatabase.pool(TestDatabase.config(), 2);
  }

  @AfterAll
  static void close() {
    pool.close();
  }

  @Test
  void closingATransactionWhoseConnectionWasCutOffThrowsNothing() throws Exception {
    ReadTransaction tx = new ReadExecutor(pool, Duration.ofSeconds(10)).open();
    int pid;
    try (PreparedStatement ps = tx.prepare("SELECT pg_backend_pid()", List.of(), 0);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      pid = rs.getInt(1);
    }
    try (Connection killer = pool.getConnection();
        Statement k = killer.createStatement()) {
      k.execute("SELECT pg_terminate_backend(" + pid + ")");
    }
    assertThatThrownBy(() -> tx.prepare("SELECT 1", List.of(), 0).executeQuery())
        .isInstanceOfSatisfying(
            SQLException.class,
            e -> assertThat(e.getSQLState()).as("the server's end").isIn("57P01", "08006"));
    tx.close(); // no "Connection is closed" from a rollback
    assertThat(tx.connection().isClosed()).isTrue();
  }

  @Test
  void closingALiveTransactionRollsItBackAndReturnsTheConnection() throws Exception {
    ReadTransaction tx = new ReadExecutor(pool, Duration.ofSeconds(10)).open();
    tx.close();
    assertThat(tx.connection().isClosed()).isTrue();
    try (Connection c = pool.getConnection()) {
      assertThat(c.isValid(1)).isTrue();
    }
  }
}
