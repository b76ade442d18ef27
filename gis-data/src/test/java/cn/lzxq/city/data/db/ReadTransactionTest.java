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
 * own, so the statement's failure is what the caller classifies. {@link ReadTransaction#limit}
 * sends a new statement timeout only when it is shorter than the one in force by more than the
 * slack (10 ms, or 1 % of the limit in force). {@link ReadTransaction#one} sends a pending limit in
 * the round trip of its statement: the statement runs under it, read-only.
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

  @Test
  void aLimitWithinTheSlackKeepsTheLimitInForce() throws Exception {
    try (ReadTransaction tx = new ReadExecutor(pool, Duration.ofSeconds(10)).open()) {
      tx.limit(Duration.ofMillis(60_000));
      tx.limit(Duration.ofMillis(59_400)); // 600 ms shorter: within 1 % of 60 s
      assertThat(timeoutMillis(tx)).isEqualTo(60_000);
      tx.limit(Duration.ofMillis(59_399)); // 601 ms shorter: sent
      assertThat(timeoutMillis(tx)).isEqualTo(59_399);
      tx.limit(Duration.ofMillis(500));
      tx.limit(Duration.ofMillis(490)); // 10 ms shorter: within the 10 ms floor
      assertThat(timeoutMillis(tx)).isEqualTo(500);
      tx.limit(Duration.ofMillis(489));
      assertThat(timeoutMillis(tx)).isEqualTo(489);
      tx.limit(Duration.ofMillis(1_000)); // longer: always sent
      assertThat(timeoutMillis(tx)).isEqualTo(1_000);
    }
  }

  @Test
  void oneRunsItsStatementUnderTheLimitInAReadOnlyTransaction() throws Exception {
    try (ReadTransaction tx = new ReadExecutor(pool, Duration.ofSeconds(10)).open()) {
      String first =
          tx.one(
              "SELECT current_setting('statement_timeout'),"
                  + " current_setting('transaction_read_only'), ?::int",
              List.of(7),
              rs -> rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
      assertThat(first).isEqualTo("10s on 7");
      tx.limit(Duration.ofMillis(1_000)); // a new limit, sent with the next statement
      int one = tx.one("SELECT 1", List.of(), rs -> rs.getInt(1));
      assertThat(one).isEqualTo(1);
      assertThat(timeoutMillis(tx)).isEqualTo(1_000);
    }
    try (ReadTransaction tx = new ReadExecutor(pool, Duration.ofMillis(200)).open()) {
      long t0 = System.nanoTime();
      assertThatThrownBy(() -> tx.one("SELECT pg_sleep(?)", List.of(5.0), rs -> rs.getString(1)))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(ReadExecutor.timedOut(e)).isTrue());
      assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(3));
    }
    try (ReadTransaction tx = new ReadExecutor(pool, Duration.ofSeconds(10)).open()) {
      assertThatThrownBy(
              () -> tx.one("CREATE TEMP TABLE written (x int)", List.of(), rs -> rs.getInt(1)))
          .isInstanceOfSatisfying(
              SQLException.class,
              e -> assertThat(e.getSQLState()).as("read-only transaction").isEqualTo("25006"));
    }
  }

  private static long timeoutMillis(ReadTransaction tx) throws SQLException {
    try (PreparedStatement ps =
            tx.prepare(
                "SELECT setting::bigint FROM pg_settings WHERE name = 'statement_timeout'",
                List.of(),
                0);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
