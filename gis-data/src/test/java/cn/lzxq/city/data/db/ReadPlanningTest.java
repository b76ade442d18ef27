package cn.lzxq.city.data.db;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.ReadTransaction.Planning;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@link ReadTransaction} plans a statement as its caller asks: {@link Planning#PER_EXECUTION}
 * leaves nothing prepared on the connection (each execution is parsed and planned for its values);
 * {@link Planning#CACHED} prepares the text once on the connection, and from its sixth execution
 * PostgreSQL runs the generic plan instead of planning again. Both answer the same rows.
 */
class ReadPlanningTest {

  private static HikariDataSource db;
  private static ReadExecutor reads;

  @BeforeAll
  static void setUp() throws SQLException {
    db = TestDatabase.freshSchema("ReadPlanningTest");
    reads = new ReadExecutor(db, Duration.ofSeconds(10));
    Sql.exec(
        db,
        """
        CREATE TABLE planned_item (id int PRIMARY KEY, name text);
        INSERT INTO planned_item SELECT i, 'item ' || i FROM generate_series(1, 100) i;
        ANALYZE planned_item;
        """);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /**
   * Runs {@code sql} (one {@code :id} parameter) for ids 1–8 in one transaction: the rows, then how
   * often the connection's prepared statement of that text ran a generic and a custom plan.
   */
  private static List<String> eightRuns(String sql, Planning planning) throws SQLException {
    return reads.read(
        tx -> {
          List<String> out = new ArrayList<>();
          for (int id = 1; id <= 8; id++) {
            tx.forEach(sql, Map.of("id", id), planning, rs -> rs.getString(1), out::add);
          }
          out.addAll(
              tx.query(
                  "SELECT generic_plans || ' generic, ' || custom_plans || ' custom'"
                      + " FROM pg_prepared_statements WHERE NOT from_sql AND statement = :text",
                  Map.of("text", NamedSql.parse(sql).sql().replace("?", "$1")),
                  rs -> rs.getString(1)));
          return out;
        });
  }

  @Test
  void cachedStatementsArePreparedOnceAndRunTheGenericPlan() throws SQLException {
    assertThat(eightRuns("SELECT name FROM planned_item WHERE id = :id", Planning.CACHED))
        .containsExactly(
            "item 1",
            "item 2",
            "item 3",
            "item 4",
            "item 5",
            "item 6",
            "item 7",
            "item 8",
            "3 generic, 5 custom");
  }

  @Test
  void perExecutionStatementsAreNeverPrepared() throws SQLException {
    assertThat(eightRuns("SELECT name FROM planned_item WHERE :id = id", Planning.PER_EXECUTION))
        .containsExactly(
            "item 1", "item 2", "item 3", "item 4", "item 5", "item 6", "item 7", "item 8");
  }
}
