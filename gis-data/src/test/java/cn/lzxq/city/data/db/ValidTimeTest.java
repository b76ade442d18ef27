package cn.lzxq.city.data.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The valid-time predicate written in Java ({@link ValidTime}) selects exactly the rows the
 * database function {@code valid_at()} selects at past and future times, on versions that are
 * current, closed, planned, closed in the future and valid for one second; for the present it
 * selects the open versions valid now, which is {@code valid_at(now)} for every row the service
 * writes (an edit or import closes a version at its own time, never later). And {@link
 * ReadExecutor} binds named parameters and cancels a statement at its timeout.
 */
class ValidTimeTest {

  private static HikariDataSource db;
  private static ReadExecutor reads;

  @BeforeAll
  static void setUp() throws SQLException {
    db = TestDatabase.freshSchema("ValidTimeTest");
    reads = new ReadExecutor(db, Duration.ofSeconds(10));
    Sql.exec(
        db,
        """
        CREATE TABLE version (id int, valid_from timestamptz, valid_to timestamptz);
        INSERT INTO version VALUES
          (1, '2010-01-01', NULL),                  -- current since 2010
          (2, '2010-01-01', '2020-01-01'),          -- closed in 2020
          (3, now() + interval '1 day', NULL),      -- planned for tomorrow
          (4, '2010-01-01', now() + interval '1 day'), -- closes tomorrow
          (5, '2020-01-01', '2020-01-01 00:00:01');  -- valid for one second
        """);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static List<Integer> ids(String where, List<Object> params) throws SQLException {
    return reads.read(
        tx -> {
          try (PreparedStatement ps =
                  tx.prepare(
                      "SELECT id FROM version t WHERE " + where + " ORDER BY id", params, 0);
              ResultSet rs = ps.executeQuery()) {
            List<Integer> out = new ArrayList<>();
            while (rs.next()) {
              out.add(rs.getInt(1));
            }
            return out;
          }
        });
  }

  @Test
  void javaPredicateAgreesWithValidAt() throws SQLException {
    assertThat(ids(ValidTime.now("t"), List.of())).containsExactly(1);
    assertThat(ids("valid_at(t.valid_from, t.valid_to, NULL)", List.of()))
        .as("4 closes in the future")
        .containsExactly(1, 4);
    assertThat(ids(ValidTime.now("t") + " OR t.id = 4", List.of()))
        .isEqualTo(ids("valid_at(t.valid_from, t.valid_to, NULL)", List.of()));
    for (String at :
        List.of(
            "2009-12-31T23:59:59Z",
            "2010-01-01T00:00:00Z",
            "2019-12-31T23:59:59Z",
            "2020-01-01T00:00:00Z",
            "2020-01-01T00:00:01Z",
            "2030-01-01T00:00:00Z")) {
      Instant t = Instant.parse(at);
      List<Object> params = new ArrayList<>();
      String java = ValidTime.at("t", t, params);
      assertThat(ids(java, params))
          .as(at)
          .isEqualTo(ids("valid_at(t.valid_from, t.valid_to, ?)", List.of(t)));
    }
    List<Object> params = new ArrayList<>();
    assertThat(ids(ValidTime.at("t", Instant.parse("2020-01-01T00:00:00Z"), params), params))
        .containsExactly(1, 4, 5);
  }

  @Test
  void namedParametersAndTheStatementTimeout() throws SQLException {
    assertThat(
            reads.query(
                "SELECT id FROM version WHERE id = :a OR id = :b OR id = :a ORDER BY id",
                Map.of("a", 2, "b", 5),
                rs -> rs.getInt(1)))
        .containsExactly(2, 5);
    SQLException e =
        assertThrows(
            SQLException.class,
            () ->
                reads.read(
                    Duration.ofMillis(200),
                    tx -> tx.query("SELECT pg_sleep(5)", Map.of(), rs -> 0)));
    assertThat(ReadExecutor.timedOut(e)).isTrue();
  }
}
