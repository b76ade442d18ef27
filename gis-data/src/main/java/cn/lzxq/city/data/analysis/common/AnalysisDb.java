package cn.lzxq.city.data.analysis.common;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ReadTransaction;
import java.sql.SQLException;
import java.time.Duration;

/**
 * Runs one analysis in a read-only transaction of the {@link ReadExecutor} with PostgreSQL's
 * statement_timeout set to the analysis's time limit; a cancelled statement becomes {@link
 * AnalysisTimeoutException}.
 */
public final class AnalysisDb {

  private final ReadExecutor reads;
  private final int nativeSrid;

  public AnalysisDb(ReadExecutor reads, int nativeSrid) {
    this.reads = reads;
    this.nativeSrid = nativeSrid;
  }

  /** One unit of analysis work. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Session session) throws SQLException;
  }

  /** Runs {@code work} within {@code limit}. */
  public <T> T run(Duration limit, Work<T> work) {
    try (ReadTransaction tx = reads.open(limit)) {
      return work.run(new Session(tx, nativeSrid, limit));
    } catch (SQLException e) {
      if (ReadExecutor.timedOut(e)) {
        throw new AnalysisTimeoutException(limit, e);
      }
      throw new AnalysisSqlException(e);
    }
  }
}
