package cn.lzxq.city.data.analysis.common;

import cn.lzxq.city.data.query.FeatureSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Runs one analysis in a read-only transaction with PostgreSQL's statement_timeout set to the
 * analysis's time limit; a cancelled statement becomes {@link AnalysisTimeoutException}.
 */
public final class AnalysisDb {

  private final DataSource dataSource;
  private final int nativeSrid;

  public AnalysisDb(DataSource dataSource, int nativeSrid) {
    this.dataSource = dataSource;
    this.nativeSrid = nativeSrid;
  }

  /** One unit of analysis work. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Session session) throws SQLException;
  }

  /** Runs {@code work} within {@code limit}. */
  public <T> T run(Duration limit, Work<T> work) {
    try (Connection c = dataSource.getConnection()) {
      c.setAutoCommit(false);
      c.setReadOnly(true);
      try {
        try (Statement s = c.createStatement()) {
          s.execute("SET LOCAL statement_timeout = " + Math.max(1, limit.toMillis()));
        }
        return work.run(new Session(c, nativeSrid, limit));
      } finally {
        c.rollback();
      }
    } catch (SQLException e) {
      if (FeatureSource.timedOut(e)) {
        throw new AnalysisTimeoutException(limit, e);
      }
      throw new AnalysisSqlException(e);
    }
  }
}
