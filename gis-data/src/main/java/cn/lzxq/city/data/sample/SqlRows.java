package cn.lzxq.city.data.sample;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the seed rows of a table from a Flyway migration script ({@code INSERT INTO t [(cols)]
 * VALUES (...), (...);}), so that Java code can agree with the rules the database is seeded with.
 * Understands SQL literals only: numbers, quoted strings, NULL, true/false and '{..}' arrays.
 */
final class SqlRows {

  private static final Pattern INSERT =
      Pattern.compile(
          "INSERT INTO (\\w+)\\s*(?:\\(([^)]*)\\))?\\s*VALUES", Pattern.CASE_INSENSITIVE);

  private SqlRows() {}

  /** One seeded row: column name to value (String, Double, Boolean, or null). */
  record Row(Map<String, Object> values) {
    String text(String column) {
      return (String) values.get(column);
    }

    Double number(String column) {
      return (Double) values.get(column);
    }

    Integer integer(String column) {
      Double d = number(column);
      return d == null ? null : (int) Math.round(d);
    }
  }

  /** Reads a classpath resource as UTF-8 text. */
  static String resource(String path) {
    try (InputStream in = SqlRows.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + path);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The rows inserted into {@code table}.
   *
   * @param tableColumns the table's columns in declaration order, used when the INSERT names none
   */
  static List<Row> rows(String script, String table, List<String> tableColumns) {
    String sql = stripComments(script);
    List<Row> out = new ArrayList<>();
    Matcher m = INSERT.matcher(sql);
    while (m.find()) {
      if (!m.group(1).equalsIgnoreCase(table)) {
        continue;
      }
      List<String> columns =
          m.group(2) == null
              ? tableColumns
              : Arrays.stream(m.group(2).split(",")).map(String::trim).toList();
      Parser p = new Parser(sql, m.end());
      do {
        List<Object> values = p.tuple();
        if (values.size() != columns.size()) {
          throw new IllegalStateException(
              table + ": " + values.size() + " values for " + columns.size() + " columns");
        }
        Map<String, Object> row = new HashMap<>();
        for (int i = 0; i < values.size(); i++) {
          row.put(columns.get(i), values.get(i));
        }
        out.add(new Row(row));
      } while (p.comma());
    }
    return out;
  }

  private static String stripComments(String sql) {
    StringBuilder out = new StringBuilder();
    boolean quoted = false;
    for (int i = 0; i < sql.length(); i++) {
      char c = sql.charAt(i);
      if (c == '\'') {
        quoted = !quoted;
      } else if (!quoted && c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
        while (i < sql.length() && sql.charAt(i) != '\n') {
          i++;
        }
      }
      out.append(i < sql.length() ? sql.charAt(i) : '\n');
    }
    return out.toString();
  }

  /** A cursor over the VALUES list. */
  private static final class Parser {
    private final String s;
    private int i;

    Parser(String s, int i) {
      this.s = s;
      this.i = i;
    }

    List<Object> tuple() {
      expect('(');
      List<Object> values = new ArrayList<>();
      values.add(literal());
      while (next() == ',') {
        i++;
        values.add(literal());
      }
      expect(')');
      return values;
    }

    boolean comma() {
      if (next() == ',') {
        i++;
        return true;
      }
      return false;
    }

    private Object literal() {
      char c = next();
      if (c == '\'') {
        int end = s.indexOf('\'', i + 1);
        String text = s.substring(i + 1, end);
        i = end + 1;
        return text;
      }
      int start = i;
      while (i < s.length() && ",)".indexOf(s.charAt(i)) < 0) {
        i++;
      }
      String word = s.substring(start, i).trim();
      if (word.equalsIgnoreCase("NULL")) {
        return null;
      }
      if (word.equalsIgnoreCase("true") || word.equalsIgnoreCase("false")) {
        return Boolean.parseBoolean(word.toLowerCase());
      }
      return Double.parseDouble(word);
    }

    private char next() {
      while (Character.isWhitespace(s.charAt(i))) {
        i++;
      }
      return s.charAt(i);
    }

    private void expect(char c) {
      if (next() != c) {
        throw new IllegalStateException(
            "expected '" + c + "' at " + s.substring(i, Math.min(s.length(), i + 40)));
      }
      i++;
    }
  }
}
