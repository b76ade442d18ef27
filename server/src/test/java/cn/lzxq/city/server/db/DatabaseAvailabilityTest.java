package cn.lzxq.city.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.DatabaseConfig;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.server.support.TcpProxy;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The availability guard in front of a real pool on the test database, reached through a TCP proxy
 * that is cut (the database away) and restored: while away, borrows fail at once with SQL state
 * 08001 instead of waiting the pool's connection timeout; after the return, the first borrow
 * succeeds within about a probe period, not after Hikari's back-off between failed attempts (up to
 * 5 s once it has been failing for a while).
 */
class DatabaseAvailabilityTest {

  private static final long CONNECTION_TIMEOUT_MS = 1_500;
  private static TcpProxy proxy;
  private static DatabaseConfig viaProxy;

  @BeforeAll
  static void proxy() throws Exception {
    DatabaseConfig real = TestDatabase.config();
    URI target = URI.create(real.jdbcUrl().substring("jdbc:".length()));
    proxy = new TcpProxy(target.getHost(), target.getPort());
    viaProxy =
        new DatabaseConfig(
            "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath(),
            real.user(),
            real.password(),
            "public");
  }

  @AfterAll
  static void close() throws Exception {
    proxy.close();
  }

  @Test
  void whileAwayBorrowsFailAtOnceAndTheFirstBorrowAfterTheReturnSucceedsWithinAProbePeriod()
      throws Exception {
    DatabaseAvailability availability =
        new DatabaseAvailability(DatabaseConfiguration.probe(viaProxy), Duration.ofMillis(100));
    HikariConfig hikari = CityDatabase.poolConfig(viaProxy, 4);
    hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    try (GuardedDataSource ds = new GuardedDataSource(new HikariDataSource(hikari), availability)) {
      select1(ds);
      assertThat(availability.reachable()).isTrue();

      proxy.cut();
      assertThatThrownBy(() -> select1(ds)).isInstanceOf(SQLException.class); // the pooled one
      assertThatThrownBy(() -> select1(ds)) // a new one: refused, after the connection timeout
          .isInstanceOf(SQLTransientConnectionException.class);
      waitFor(() -> !availability.reachable(), "the probe finds the database away");

      // requests keep asking, as the soak's 48 readers do: each fails at once
      long asking = System.nanoTime();
      while (System.nanoTime() - asking < 3_000_000_000L) {
        long t0 = System.nanoTime();
        assertThatThrownBy(ds::getConnection)
            .isInstanceOfSatisfying(
                SQLException.class,
                e -> {
                  assertThat(e.getSQLState()).isEqualTo("08001");
                  assertThat(e.getMessage()).contains("unreachable");
                });
        assertThat((System.nanoTime() - t0) / 1_000_000)
            .as("a borrow while the database is away does not wait for the pool")
            .isLessThan(CONNECTION_TIMEOUT_MS / 3);
        Thread.sleep(50);
      }

      proxy.restore();
      long back = System.nanoTime();
      Long servedAfterMs = null;
      while (servedAfterMs == null && System.nanoTime() - back < 15_000_000_000L) {
        try {
          select1(ds);
          servedAfterMs = (System.nanoTime() - back) / 1_000_000;
        } catch (SQLException stillAway) {
          Thread.sleep(20);
        }
      }
      assertThat(servedAfterMs).as("served again after the return").isNotNull();
      assertThat(servedAfterMs)
          .as("ms from the database's return to the first connection served")
          .isLessThan(2_000);
      assertThat(availability.reachable()).isTrue();
    }
  }

  @Test
  void aBusyPoolIsNotAnOutage() {
    SQLException busy =
        new SQLTransientConnectionException("city - Connection is not available", null, null);
    SQLException refused =
        new SQLTransientConnectionException(
            "city - Connection is not available",
            "08001",
            new SQLException("Connection to 127.0.0.1:1 refused", "08001"));
    assertThat(DatabaseAvailability.connectionFailure(busy)).isFalse();
    assertThat(DatabaseAvailability.connectionFailure(refused)).isTrue();
    assertThat(DatabaseAvailability.connectionFailure(new SQLException("shutdown", "57P01")))
        .isTrue();
    assertThat(DatabaseAvailability.connectionFailure(new SQLException("timeout", "57014")))
        .isFalse();
  }

  private static void select1(javax.sql.DataSource ds) throws SQLException {
    try (Connection c = ds.getConnection();
        Statement s = c.createStatement()) {
      s.execute("SELECT 1");
    }
  }

  private static void waitFor(BooleanSupplier condition, String what) throws InterruptedException {
    long t0 = System.nanoTime();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - t0 > 10_000_000_000L) {
        throw new AssertionError("not within 10 s: " + what);
      }
      Thread.sleep(20);
    }
  }
}
