package cn.lzxq.city.data.analysis.common;

import cn.lzxq.city.data.sql.SqlTemplate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One analysis run: a read-only transaction under a statement timeout, the native SRID, and a
 * deadline that Java-side work (graph walks) checks too.
 */
public final class Session {

  private final Connection connection;
  private final int nativeSrid;
  private final Duration limit;
  private final long deadlineNanos;
  private List<String> plans;

  Session(Connection connection, int nativeSrid, Duration limit) {
    this.connection = connection;
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
  public <T> List<T> template(String name, Map<String, String> slots, Map<String, ?> params, RowMapper<T> mapper)
      throws SQLException {
    return query(SqlTemplate.render("analysis/" + name, slots), params, mapper);
  }

  /**
   * Rows of {@code /sql/analysis/<name>.sql} with slots filled, fetched in one go instead of
   * through a cursor: PostgreSQL runs a statement read through a cursor (JDBC fetch size) in one
   * process, and only without one may it split a long scan across parallel workers. For the
   * whole-city pair checks, whose answers are small.
   */
  public <T> List<T> templateAll(String name, Map<String, String> slots, Map<String, ?> params, RowMapper<T> mapper)
      throws SQLException {
    String sql = SqlTemplate.render("analysis/" + name, slots);
    if (plans != null) {
      plans.add(String.join("\n", run("EXPLAIN " + sql, params, r -> r.str("QUERY PLAN"), 0)));
      return List.of();
    }
    return run(sql, params, mapper, 0);
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
  public <T> List<T> template(String name, Map<String, ?> params, RowMapper<T> mapper) throws SQLException {
    return template(name, Map.of(), params, mapper);
  }

  /** Rows of SQL text with named parameters bound, read through a cursor of 1000 rows. */
  public <T> List<T> query(String sql, Map<String, ?> params, RowMapper<T> mapper) throws SQLException {
    return run(sql, params, mapper, 1_000);
  }

  private <T> List<T> run(String sql, Map<String, ?> params, RowMapper<T> mapper, int fetchSize) throws SQLException {
    NamedSql named = NamedSql.parse(sql);
    try (PreparedStatement ps = connection.prepareStatement(named.sql())) {
      for (int i = 0; i < named.names().size(); i++) {
        String name = named.names().get(i);
        if (!params.containsKey(name)) {
          throw new IllegalArgumentException("no value for :" + name);
        }
        bind(ps, i + 1, params.get(name));
      }
      ps.setFetchSize(fetchSize);
      List<T> out = new ArrayList<>();
      try (ResultSet rs = ps.executeQuery()) {
        Row row = new Row(rs);
        while (rs.next()) {
          out.add(mapper.map(row));
        }
      }
      checkDeadline();
      return out;
    }
  }

  private void bind(PreparedStatement ps, int i, Object v) throws SQLException {
    if (v == null) {
      ps.setNull(i, Types.OTHER);
    } else if (v instanceof Instant t) {
      ps.setObject(i, t.atOffset(ZoneOffset.UTC));
    } else if (v instanceof byte[] b) {
      ps.setBytes(i, b);
    } else if (v instanceof String[] a) {
      ps.setArray(i, connection.createArrayOf("text", a));
    } else if (v instanceof Long[] a) {
      ps.setArray(i, connection.createArrayOf("bigint", a));
    } else {
      ps.setObject(i, v);
    }
  }
}
