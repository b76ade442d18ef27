package cn.lzxq.city.data.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generator's rule matching ({@link RuleBook}, Java, offline) and the service's ({@code
 * clearance_rule_for()} over the migrated {@code clearance_rule}, with {@code
 * pipe_clearance_type()}) name the same governing rule and value, both directions, for every pair
 * of sections the generator lays (every main variant on every road class, every service, every
 * planted class) and for the rule classes around them (reclaimed water, high-pressure gas, trench
 * and tunnel laying, direct and conduit power and telecom).
 */
class RuleBookAgreementTest {

  private static HikariDataSource db;

  @BeforeAll
  static void migrate() {
    db = TestDatabase.freshSchema("RuleBookAgreementTest");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private static List<PipeSpec> specs() {
    Set<PipeSpec> out = new LinkedHashSet<>();
    for (LineType t : LineType.values()) {
      for (RoadClass rc : RoadClass.values()) {
        out.addAll(t.variants(rc));
      }
    }
    for (Band b : Band.values()) {
      out.addAll(ServiceLine.variants(b));
    }
    out.add(PipeSpec.round("JS", "ZS", null, 200, "direct", "PE"));
    out.add(PipeSpec.round("JS", "JP", null, 150, "direct", "PE"));
    out.add(PipeSpec.round("JS", "JP", null, 300, "tunnel", "QM"));
    for (String pc : List.of("L", "MB", "MA", "SHB", "SHA", "HB", "HA")) {
      out.add(PipeSpec.round("RQ", "TR", pc, 300, "direct", "G"));
      out.add(PipeSpec.round("RQ", "TR", pc, 400, "direct", "G"));
    }
    for (String lc : List.of("direct", "conduit")) {
      out.add(PipeSpec.round("DL", "GD", null, 100, lc, "PE"));
      out.add(PipeSpec.round("TX", "XX", null, 110, lc, "PVC"));
    }
    out.add(PipeSpec.box("RL", "RS", 1200, 800, "trench", "T"));
    out.add(PipeSpec.box("DL", "GD", 800, 600, "trench", "T"));
    return List.copyOf(out);
  }

  @Test
  void theGeneratorsRuleMatchingIsTheDatabases() throws Exception {
    List<PipeSpec> specs = specs();
    RuleBook rules = RuleBook.fromMigration();
    StringBuilder values = new StringBuilder();
    for (int i = 0; i < specs.size(); i++) {
      PipeSpec p = specs.get(i);
      Integer size = p.dnMm() != null ? p.dnMm() : p.widthMm();
      values
          .append(i == 0 ? "" : ",")
          .append('(')
          .append(i)
          .append(',')
          .append(text(p.network()))
          .append(',')
          .append(text(p.subtype()))
          .append(',')
          .append(text(p.pressureClass()))
          .append(',')
          .append(size)
          .append(',')
          .append(text(p.layingClass()))
          .append(')');
    }
    String sql =
        """
        WITH spec (i, network, subtype, pc, size, lc) AS (VALUES %s)
        SELECT a.i AS ai, b.i AS bi, d.dir, r.rule_id, r.min_clearance_m
        FROM spec a CROSS JOIN spec b CROSS JOIN (VALUES ('horizontal'), ('vertical')) d(dir)
        LEFT JOIN LATERAL clearance_rule_for(d.dir, pipe_clearance_type(a.network, a.subtype, a.lc), a.subtype, a.pc,
                                             a.size, a.lc, pipe_clearance_type(b.network, b.subtype, b.lc), b.subtype,
                                             b.pc, b.size, b.lc) r ON true
        """
            .formatted(values);
    List<String> differ = new ArrayList<>();
    int compared = 0;
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        PipeSpec a = specs.get(rs.getInt("ai"));
        PipeSpec b = specs.get(rs.getInt("bi"));
        String dir = rs.getString("dir");
        Integer id = (Integer) rs.getObject("rule_id");
        Optional<RuleBook.RuleMatch> java =
            dir.equals("horizontal") ? rules.horizontal(a, b) : rules.vertical(a, b);
        String database = id == null ? "none" : id + "/" + rs.getDouble("min_clearance_m");
        String generator = java.map(m -> m.ruleId() + "/" + m.requiredM()).orElse("none");
        if (!database.equals(generator)) {
          differ.add(
              dir + " " + a + " – " + b + ": database " + database + ", RuleBook " + generator);
        }
        compared++;
      }
    }
    assertThat(compared).isEqualTo(specs.size() * specs.size() * 2);
    assertThat(differ).as("pairs where RuleBook and clearance_rule_for differ").isEmpty();
  }

  private static String text(String v) {
    return v == null ? "NULL::text" : "'" + v + "'";
  }
}
