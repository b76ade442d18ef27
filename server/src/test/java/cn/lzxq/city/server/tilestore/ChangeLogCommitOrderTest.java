package cn.lzxq.city.server.tilestore;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.db.StandbyReads;
import cn.lzxq.city.server.wfs.SmallCityContextTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Two editors whose change-log rows commit out of seq order: the row with the lower seq commits
 * last. The late row must make stale the tiles built before it was read (they would otherwise be
 * served stale for good), and a tile built after a row was read is not rebuilt for it again while
 * the log reads its unsettled rows again (a rebuild on every request while any edit is open).
 */
class ChangeLogCommitOrderTest extends SmallCityContextTest {

  private static final String INSERT =
      "INSERT INTO tile_change (layer, west, south, east, north)"
          + " VALUES (?, 103.70, 36.50, 103.71, 36.51) RETURNING seq";

  @Autowired ChangeLog log;

  @Autowired JdbcTemplate jdbc;

  @Autowired StandbyReads readPath;

  @Autowired TileStoreProperties props;

  @Test
  void aRowThatCommitsAfterAHigherSeqStillMakesItsTilesStale() throws Exception {
    awaitRead(() -> true);
    long before = log.seq();
    try (Connection early = db.getConnection();
        Connection late = db.getConnection()) {
      early.setAutoCommit(false);
      long earlySeq = insert(early, "order_test_early"); // open: commits last
      long lateSeq = insert(late, "order_test_late"); // autocommit: visible at once
      assertThat(lateSeq).isGreaterThan(earlySeq);

      // the committed row is taken at once; a tile built then is not rebuilt for it again
      awaitRead(() -> log.changedSince(before, List.of("order_test_late"), null, 0));
      long builtAt = log.seq();
      pollSeveralTimes();
      assertThat(log.changedSince(builtAt, List.of("order_test_late"), null, 0)).isFalse();

      early.commit();
      awaitRead(() -> log.changedSince(builtAt, List.of("order_test_early"), null, 0));
      long rebuiltAt = log.seq();
      pollSeveralTimes();
      assertThat(
              log.changedSince(rebuiltAt, List.of("order_test_early", "order_test_late"), null, 0))
          .isFalse();
    }
  }

  @Test
  void aRolledBackRowIsNeverReportedAndHoldsNothingUp() throws Exception {
    awaitRead(() -> true);
    long before = log.seq();
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      insert(c, "order_test_rollback");
      c.rollback();
    }
    try (Connection c = db.getConnection()) {
      insert(c, "order_test_after_rollback");
    }
    awaitRead(() -> log.changedSince(before, List.of("order_test_after_rollback"), null, 0));
    long builtAt = log.seq();
    pollSeveralTimes();
    assertThat(log.changedSince(before, List.of("order_test_rollback"), null, 0)).isFalse();
    assertThat(log.changedSince(builtAt, List.of("order_test_after_rollback"), null, 0)).isFalse();
  }

  @Test
  void aLogNeverReadGivesAPositionItKnows() {
    // a tile built before anything was read (a seeding on a fresh node) must be fresh at its first
    // read: position 0 is below the history the first read loads, which means stale
    ChangeLog fresh = new ChangeLog(jdbc, readPath, props);
    long builtAt = fresh.seq();
    assertThat(builtAt).isPositive();
    assertThat(fresh.changedSince(builtAt, List.of("order_test_never"), null, 0)).isFalse();
  }

  private static long insert(Connection c, String layer) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT)) {
      ps.setString(1, layer);
      try (ResultSet rs = ps.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  /** Lets the log read itself again a few times (each read takes the unsettled rows again). */
  private void pollSeveralTimes() throws InterruptedException {
    for (int i = 0; i < 4; i++) {
      Thread.sleep(300);
      log.poll();
    }
  }

  /** Polls the log (at most every poll interval) until the condition holds, for up to 20 s. */
  private void awaitRead(BooleanSupplier condition) throws InterruptedException {
    long end = System.nanoTime() + 20_000_000_000L;
    while (System.nanoTime() < end) {
      log.poll();
      if (condition.getAsBoolean()) {
        return;
      }
      Thread.sleep(50);
    }
    assertThat(condition.getAsBoolean()).as("the change log read it within 20 s").isTrue();
  }
}
