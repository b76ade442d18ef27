package cn.lzxq.city.server.tilestore;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.wfs.SmallCityContextTest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Two editors whose change-log rows commit out of seq order: the row with the lower seq commits
 * last. The log must not move past a seq an open transaction may still add, and the late row must
 * make stale the tiles built before it was seen (they would otherwise be served stale for good).
 */
class ChangeLogCommitOrderTest extends SmallCityContextTest {

  private static final String INSERT =
      "INSERT INTO tile_change (layer, west, south, east, north)"
          + " VALUES (?, 103.70, 36.50, 103.71, 36.51) RETURNING seq";

  @Autowired ChangeLog log;

  @Test
  void aRowThatCommitsAfterAHigherSeqStillMakesItsTilesStale() throws Exception {
    try (Connection early = db.getConnection();
        Connection late = db.getConnection()) {
      early.setAutoCommit(false);
      long earlySeq = insert(early, "order_test_early"); // open: commits last
      long lateSeq = insert(late, "order_test_late"); // autocommit: visible at once
      assertThat(lateSeq).isGreaterThan(earlySeq);

      // the committed row is taken at once, but the position stays below the open one
      awaitRead(() -> log.changedSince(lateSeq - 1, List.of("order_test_late"), null, 0));
      long builtAt = log.seq();
      assertThat(builtAt).isLessThan(earlySeq);

      early.commit();
      awaitRead(() -> log.changedSince(builtAt, List.of("order_test_early"), null, 0));
      awaitRead(() -> log.seq() >= lateSeq);
      // a tile built now has seen both rows
      assertThat(
              log.changedSince(log.seq(), List.of("order_test_early", "order_test_late"), null, 0))
          .isFalse();
    }
  }

  @Test
  void aRolledBackRowNoLongerHoldsThePosition() throws Exception {
    long rolledBack;
    try (Connection c = db.getConnection()) {
      c.setAutoCommit(false);
      rolledBack = insert(c, "order_test_rollback");
      c.rollback();
    }
    awaitRead(() -> log.seq() >= rolledBack);
    assertThat(log.changedSince(rolledBack - 1, List.of("order_test_rollback"), null, 0)).isFalse();
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
