package cn.lzxq.city.data.query;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.db.ReadTransaction;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Runs feature queries against PostGIS through the {@link ReadExecutor}: counts, and streams
 * through a cursor. Every statement runs under the executor's statement timeout, so no request runs
 * unbounded.
 */
public final class FeatureSource {

  private static final int FETCH_SIZE = 2_000;

  private final ReadExecutor reads;
  private final SqlBuilder sql;

  public FeatureSource(ReadExecutor reads, SqlBuilder sql) {
    this.reads = reads;
    this.sql = sql;
  }

  /** The SQL builder (and with it the native SRID). */
  public SqlBuilder sql() {
    return sql;
  }

  /** The executor the queries run on. */
  public ReadExecutor reads() {
    return reads;
  }

  /** How many features the query matches, paging ignored. */
  public long count(FeatureQuery q) throws SQLException {
    PreparedSql count = sql.count(q);
    return reads.read(
        tx -> {
          try (PreparedStatement ps = tx.prepare(count.sql(), count.params(), 0);
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /** Opens a streaming cursor over the query's page; the caller closes it. */
  public FeatureCursor stream(FeatureQuery q) throws SQLException {
    PreparedSql select = sql.select(q);
    ReadTransaction tx = reads.open();
    try {
      PreparedStatement ps = tx.prepare(select.sql(), select.params(), FETCH_SIZE);
      return new FeatureCursor(tx, ps, ps.executeQuery(), q);
    } catch (SQLException | RuntimeException e) {
      tx.close();
      throw e;
    }
  }
}
