package cn.lzxq.city.data.analysis.common;

import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.sql.SqlTemplate;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One analysis run: a read-only transaction of the {@link cn.lzxq.city.data.db.ReadExecutor} under
 * the analysis's time limit as statement timeout, the native SRID, and a deadline that Java-side
 * work (graph walks) checks too.
 */
public final class Session {

  private final ReadTransaction tx;
  private final int nativeSrid;
  private final Duration limit;
  private final long deadlineNanos;
  private List<String> plans;

  Session(ReadTransaction tx, int nativeSrid, Duration limit) {
    this.tx = tx;
    this.nativeSrid = nativeSrid;
    this.limit = limit;
    this.deadlineNanos = System.nanoTime() + limit.toNanos();
  }

  /** The SRID of the stored geometries. */
  public int nativeSrid() {
    return nativeSrid;
  }

  /** Throws when the run has passed its time limit. */
  public void checkDeadline() {
    if (System.nanoTime() > deadlineNanos) {
      throw new AnalysisTimeoutException(limit, null);
    }
  }

  /** Rows of {@code /sql/analysis/<name>.sql} with slots filled and named parameters bound. */
  public <T> List<T> template(
      String name, Map<String, String> slots, Map<String, ?> params, RowMapper<T> mapper)
      throws SQLException {
    return query(SqlTemplate.render("analysis/" + name, slots), params, mapper);
  }

  /**
   * Rows of {@code /sql/analysis/<name>.sql} with slots filled, fetched in one go instead of
   * through a cursor ({@link ReadTransaction#queryAll}): PostgreSQL may split only such a long scan
   * across parallel workers. For the whole-city pair checks, whose answers are small.
   */
  public <T> List<T> templateAll(
      String name, Map<String, String> slots, Map<String, ?> params, RowMapper<T> mapper)
      throws SQLException {
    String sql = SqlTemplate.render("analysis/" + name, slots);
    if (plans != null) {
      plans.add(String.join("\n", tx.queryAll("EXPLAIN " + sql, params, rs -> rs.getString(1))));
      return List.of();
    }
    return checked(tx.queryAll(sql, params, rs -> mapper.map(new Row(rs))));
  }

  /**
   * From now on {@link #templateAll} answers no rows and adds the statement's plan ({@code
   * EXPLAIN}, text) to the returned list instead: for tests that check how PostgreSQL runs a
   * whole-area scan, through the analysis's own statement and parameters.
   */
  public List<String> explainScans() {
    plans = new ArrayList<>();
    return plans;
  }

  /** Rows of {@code /sql/analysis/<name>.sql} (no slots) with named parameters bound. */
  public <T> List<T> template(String name, Map<String, ?> params, RowMapper<T> mapper)
      throws SQLException {
    return template(name, Map.of(), params, mapper);
  }

  /** Rows of SQL text with named parameters bound, read through a cursor. */
  public <T> List<T> query(String sql, Map<String, ?> params, RowMapper<T> mapper)
      throws SQLException {
    return checked(tx.query(sql, params, rs -> mapper.map(new Row(rs))));
  }

  private <T> List<T> checked(List<T> rows) {
    checkDeadline();
    return rows;
  }
}
