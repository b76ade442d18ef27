package cn.lzxq.city.data.db;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQL text with {@code :name} bind parameters turned into JDBC {@code ?} placeholders, with the
 * names in placeholder order (a name may occur several times). Casts ({@code ::int}) and line
 * comments are left alone.
 *
 * @param sql the SQL with {@code ?} placeholders
 * @param names the parameter name of each placeholder, in order
 */
public record NamedSql(String sql, List<String> names) {

  private static final Pattern NAME = Pattern.compile("(?<![:\\w]):([a-z][a-z0-9_]*)");
  private static final Pattern COMMENT = Pattern.compile("--[^\\n]*");

  /** Parsed statement texts of {@link #cached} (a fixed set: templates run over and over). */
  private static final Map<String, NamedSql> CACHE = new ConcurrentHashMap<>();

  /**
   * {@link #parse}, remembered per text: for the fixed statement texts run over and over (a 3D
   * tile's content), never for texts holding values.
   */
  public static NamedSql cached(String text) {
    return CACHE.computeIfAbsent(text, NamedSql::parse);
  }

  /** Parses SQL with named parameters. */
  public static NamedSql parse(String text) {
    String withoutComments = COMMENT.matcher(text).replaceAll("");
    Matcher m = NAME.matcher(withoutComments);
    List<String> names = new ArrayList<>();
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      names.add(m.group(1));
      m.appendReplacement(out, "?");
    }
    m.appendTail(out);
    return new NamedSql(out.toString(), List.copyOf(names));
  }
}
