package cn.lzxq.city.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The read path's choice between standby and primary, against the test database (a lone primary:
 * not in recovery, no synchronous standbys). Reading from a real standby (replayed, behind,
 * promoted under the pool) is proven by the cluster drills (bench/cluster/run.sh), which need two
 * servers.
 */
class StandbyReadsTest {

  private static HikariDataSource primary;

  @BeforeAll
  static void pools() {
    primary = CityDatabase.pool(TestDatabase.config(), 2);
  }

  @AfterAll
  static void close() {
    primary.close();
  }

  @Test
  void walPositionsAreReadAsPostgresWritesThem() {
    assertThat(StandbyReads.parseLsn("16/B374D848")).isEqualTo(97_500_059_720L);
    assertThat(StandbyReads.parseLsn("0/0")).isZero();
    assertThat(StandbyReads.parseLsn("1/0")).isEqualTo(4_294_967_296L);
    assertThat(StandbyReads.formatLsn(97_500_059_720L)).isEqualTo("16/B374D848");
    assertThat(StandbyReads.formatLsn(4_294_967_296L)).isEqualTo("1/0");
  }

  @Test
  void aServerNotInRecoveryIsNoStandby() throws Exception {
    try (Connection c = primary.getConnection()) {
      assertThat(StandbyReads.state(c, 0)).isEqualTo(StandbyReads.Standby.NOT_IN_RECOVERY);
    }
  }

  @Test
  void withoutSynchronousStandbysEveryReadGoesToThePrimary() throws Exception {
    // the "standby" pool reaches the same lone server: it must never serve a read
    HikariConfig notAStandby = CityDatabase.poolConfig(TestDatabase.config(), 2);
    try (StandbyReads reads = new StandbyReads(primary, notAStandby, Duration.ofMillis(20))) {
      Thread.sleep(200); // several polls of the primary
      for (int i = 0; i < 5; i++) {
        try (Connection c = reads.getConnection();
            Statement s = c.createStatement();
            ResultSet rs = s.executeQuery("SELECT pg_is_in_recovery()")) {
          rs.next();
          assertThat(rs.getBoolean(1)).isFalse();
        }
      }
      assertThat(reads.requiredLsn()).isEqualTo(-1);
      assertThat(reads.primaryReads()).isEqualTo(5);
      assertThat(reads.standbyReads()).isZero();
    }
  }

  @Test
  void theFloorRisesToThePrimarysPositionAndNeverFalls() throws Exception {
    HikariConfig standby = CityDatabase.poolConfig(TestDatabase.config(), 1);
    try (StandbyReads reads = new StandbyReads(primary, standby, Duration.ofHours(1))) {
      long now;
      try (Connection c = primary.getConnection();
          Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("SELECT pg_current_wal_lsn()::text")) {
        rs.next();
        now = StandbyReads.parseLsn(rs.getString(1));
      }
      reads.requireReplayOfPrimaryNow();
      assertThat(reads.floor()).isGreaterThanOrEqualTo(now);
      long raised = reads.floor();
      reads.requireReplayOf("0/1");
      assertThat(reads.floor()).isEqualTo(raised);
    }
  }

  @Test
  void aRecoveryConflictLeavesTheStandbyAloneAndOtherFailuresDoNot() throws Exception {
    HikariConfig standby = CityDatabase.poolConfig(TestDatabase.config(), 1);
    try (StandbyReads reads = new StandbyReads(primary, standby, Duration.ofHours(1));
        Connection c = reads.standbyPool().getConnection();
        Statement s = c.createStatement()) {
      assertThatThrownBy(() -> s.execute("SELECT FROM no_such_table"))
          .isInstanceOf(SQLException.class);
      assertThat(reads.resting()).as("an error of the read itself").isFalse();
      // what a hot standby answers when replay cancels a read: SQL state 40001
      assertThatThrownBy(
              () ->
                  s.execute(
                      "DO $$ BEGIN RAISE EXCEPTION 'canceling statement due to conflict with"
                          + " recovery' USING ERRCODE = 'serialization_failure'; END $$"))
          .isInstanceOfSatisfying(
              SQLException.class, e -> assertThat(e.getSQLState()).isEqualTo("40001"));
      assertThat(reads.resting()).as("the next reads go to the primary").isTrue();
      assertThat(c.isValid(1)).as("the connection itself is not broken").isTrue();
    }
  }
}
