package cn.lzxq.city.data.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * clearance_rule_matrix() and clearance_rule_key() (V9) against clearance_rule_for() (V6), the one
 * rule matcher: for pipes of every network with and without a pressure class, DN and laying class,
 * the matrix row of their keys names the same rule and clearance in both directions.
 */
class ClearanceRuleMatrixTest {

  /** Pipes of every network over values on, between and beyond the rules' keys. */
  private static final String PIPES =
      """
      pipe AS (
        SELECT n.code AS network, st.v AS subtype, pc.v AS pc, dn.v AS dn, lc.v AS lc
        FROM network_type n,
             (VALUES (NULL::text), ('01')) st(v),
             (VALUES (NULL::text), ('L'), ('SHA')) pc(v),
             (VALUES (NULL::integer), (200), (250), (400)) dn(v),
             (VALUES (NULL::text), ('direct'), ('conduit'), ('tunnel')) lc(v)
      ),
      keyed AS (
        SELECT p.*, clearance_rule_key(c.type, c.subtypes, c.pressure_classes, c.dn_bounds, c.laying_classes,
                                       p.subtype, p.pc, p.dn, p.lc) AS key
        FROM pipe p JOIN clearance_rule_class() c ON c.type = p.network
      )""";

  private static HikariDataSource db;

  @BeforeAll
  static void migrate() {
    db = TestDatabase.freshSchema("ClearanceRuleMatrixTest");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void theMatrixGivesTheRuleOfClearanceRuleForForEveryPairOfPipes() throws SQLException {
    String compared =
        "WITH "
            + PIPES
            + """
        , sample AS (
          SELECT a.network AS an, a.subtype AS ast, a.pc AS ap, a.dn AS ad, a.lc AS al, a.key AS ak,
                 b.network AS bn, b.subtype AS bst, b.pc AS bp, b.dn AS bd, b.lc AS bl, b.key AS bk
          FROM keyed a CROSS JOIN keyed b
          WHERE (hashtext(a::text || b::text) & 7) = 0
        )
        SELECT count(*) || ' pairs, ' || count(*) FILTER (WHERE h.rule_id IS DISTINCT FROM mx.horizontal_rule_id
                   OR h.min_clearance_m IS DISTINCT FROM mx.horizontal_m OR v.rule_id IS DISTINCT FROM mx.vertical_rule_id
                   OR v.min_clearance_m IS DISTINCT FROM mx.vertical_m) || ' differ, '
               || count(*) FILTER (WHERE mx.a_key IS NOT NULL) || ' with a rule'
        FROM sample s
        LEFT JOIN clearance_rule_matrix() mx ON mx.a_key = s.ak AND mx.b_key = s.bk
        LEFT JOIN LATERAL clearance_rule_for('horizontal', s.an, s.ast, s.ap, s.ad, s.al, s.bn, s.bst, s.bp, s.bd, s.bl) h ON true
        LEFT JOIN LATERAL clearance_rule_for('vertical', s.an, s.ast, s.ap, s.ad, s.al, s.bn, s.bst, s.bp, s.bd, s.bl) v ON true""";
    String result = Sql.strings(db, compared).get(0);
    assertThat(result).contains(" 0 differ, ").doesNotStartWith("0 pairs");
    assertThat(Long.parseLong(result.split(" differ, ")[1].split(" ")[0])).as(result).isPositive();
  }

  @Test
  void keysFollowTheRuleTableNotTheCode() throws SQLException {
    String keys =
        "WITH "
            + PIPES
            + " SELECT string_agg(DISTINCT key, ',') FROM keyed WHERE network = 'TX' AND dn = 250 AND lc = 'tunnel'";
    assertThat(Sql.strings(db, keys)).containsExactly("TX///0/");
    Sql.exec(
        db,
        """
        INSERT INTO clearance_rule (id, direction, a_type, a_dn_min_mm, a_laying_class, b_type, min_clearance_m, source_clause, confidence)
        VALUES (9901, 'horizontal', 'TX', 240, 'tunnel', 'JS', 2.9, 'test', 'M')""");
    try {
      assertThat(Sql.strings(db, keys)).containsExactly("TX///1/tunnel");
      assertThat(
              Sql.strings(
                  db,
                  """
          SELECT horizontal_rule_id || ':' || horizontal_m FROM clearance_rule_matrix()
          WHERE a_key = 'TX///1/tunnel' AND b_key LIKE 'JS/%' LIMIT 1"""))
          .containsExactly("9901:2.9");
    } finally {
      Sql.exec(db, "DELETE FROM clearance_rule WHERE id = 9901");
    }
  }
}
