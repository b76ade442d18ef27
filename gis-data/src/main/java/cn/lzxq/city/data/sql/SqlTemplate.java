package cn.lzxq.city.data.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * SQL kept in {@code .sql} resources under {@code /sql/}, with {@code {name}} slots for identifiers
 * and constant predicates from the layer catalog. Values are never put in slots: they go in bind
 * parameters.
 */
public final class SqlTemplate {

  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();
  private static final Pattern SLOT = Pattern.compile("\\{[a-z_]+}");

  private SqlTemplate() {}

  /** The text of {@code /sql/<name>.sql}. */
  public static String load(String name) {
    return CACHE.computeIfAbsent(name, SqlTemplate::read);
  }

  /**
   * The template with its slots filled.
   *
   * @throws IllegalArgumentException when a slot is left unfilled
   */
  public static String render(String name, Map<String, String> slots) {
    String sql = load(name);
    for (Map.Entry<String, String> e : slots.entrySet()) {
      sql = sql.replace("{" + e.getKey() + "}", e.getValue());
    }
    if (SLOT.matcher(sql).find()) {
      throw new IllegalArgumentException("unfilled slot in sql/" + name + ".sql");
    }
    return sql;
  }

  private static String read(String name) {
    try (InputStream in = SqlTemplate.class.getResourceAsStream("/sql/" + name + ".sql")) {
      if (in == null) {
        throw new IllegalArgumentException("no resource /sql/" + name + ".sql");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
