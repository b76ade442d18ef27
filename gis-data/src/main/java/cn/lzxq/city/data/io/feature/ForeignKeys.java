package cn.lzxq.city.data.io.feature;

import cn.lzxq.city.data.io.qa.QaCode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The foreign keys of a layer table (owner → organization, material → material_code, (network,
 * subtype) → pipe_subtype …) with the referenced codes, read from the catalog so imports check
 * codes before writing and report every unknown one with its row.
 *
 * @param columns the referencing columns
 * @param table the referenced table
 * @param values the referenced key tuples, as text
 */
public record ForeignKeys(List<String> columns, String table, Set<List<String>> values) {

  private static final String SQL =
      """
      SELECT c.conname, a.attname, rc.relname, ra.attname
      FROM pg_constraint c
      JOIN pg_class rc ON rc.oid = c.confrelid
      CROSS JOIN LATERAL unnest(c.conkey, c.confkey) WITH ORDINALITY AS k(col, refcol, ord)
      JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.col
      JOIN pg_attribute ra ON ra.attrelid = c.confrelid AND ra.attnum = k.refcol
      WHERE c.contype = 'f' AND c.conrelid = to_regclass(quote_ident(current_schema()) || '.' || quote_ident(?))
      ORDER BY c.conname, k.ord""";

  /** The foreign keys of a table in the current schema with their referenced values. */
  public static List<ForeignKeys> load(Connection c, String table) throws SQLException {
    Map<String, List<String[]>> byConstraint = new LinkedHashMap<>();
    try (PreparedStatement ps = c.prepareStatement(SQL)) {
      ps.setString(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          byConstraint
              .computeIfAbsent(rs.getString(1), k -> new ArrayList<>())
              .add(new String[] {rs.getString(2), rs.getString(3), rs.getString(4)});
        }
      }
    }
    List<ForeignKeys> out = new ArrayList<>();
    for (List<String[]> parts : byConstraint.values()) {
      String referenced = parts.get(0)[1];
      out.add(
          new ForeignKeys(
              parts.stream().map(p -> p[0]).toList(),
              referenced,
              values(c, referenced, parts.stream().map(p -> p[2]).toList())));
    }
    return out;
  }

  /** Identifiers here come from the catalog, never from input. */
  private static Set<List<String>> values(Connection c, String table, List<String> columns)
      throws SQLException {
    String sql =
        "SELECT "
            + columns.stream().map(col -> quote(col) + "::text").collect(Collectors.joining(", "))
            + " FROM "
            + quote(table);
    Set<List<String>> out = new HashSet<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        List<String> tuple = new ArrayList<>();
        for (int i = 1; i <= columns.size(); i++) {
          tuple.add(rs.getString(i));
        }
        out.add(tuple);
      }
    }
    return out;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  /** The issue code for an unknown value of this key. */
  public QaCode issueCode() {
    return switch (table) {
      case "organization" -> QaCode.UNKNOWN_OWNER;
      case "material_code" -> QaCode.UNKNOWN_MATERIAL;
      case "laying_code" -> QaCode.UNKNOWN_LAYING;
      case "gas_pressure_class" -> QaCode.UNKNOWN_PRESSURE_CLASS;
      case "pipe_subtype" -> QaCode.UNKNOWN_SUBTYPE;
      default -> QaCode.UNKNOWN_CODE;
    };
  }
}
