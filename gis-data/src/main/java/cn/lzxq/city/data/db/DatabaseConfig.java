package cn.lzxq.city.data.db;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Where the PostGIS database is: a JDBC URL with its user and password, and the schema to use.
 *
 * <p>Read from a libpq-style URL ({@code postgresql://user:pass@host:port/db}) or a JDBC URL
 * ({@code jdbc:postgresql://host:port/db?user=..&password=..}); secrets come only from the
 * environment.
 *
 * @param jdbcUrl the JDBC URL without credentials
 * @param user the database user
 * @param password the password, possibly empty
 * @param schema the schema holding the city model ({@code public} in production; a scratch schema
 *     per test class in tests)
 */
public record DatabaseConfig(String jdbcUrl, String user, String password, String schema) {

  /** The environment variable that points the service and the CLI at a database. */
  public static final String DATABASE_URL = "DATABASE_URL";

  /**
   * Parses a libpq URL or a JDBC URL into a config for the {@code public} schema. Several hosts may
   * be named ({@code postgresql://u:p@h1:5432,h2:5432/city?targetServerType=primary}): the driver
   * then connects to the first that answers and is of the wanted type, so a promoted standby needs
   * no restart.
   */
  public static DatabaseConfig parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("database URL is empty");
    }
    String raw = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    Matcher m = URL.matcher(raw);
    if (!m.matches()) {
      throw new IllegalArgumentException("not a PostgreSQL URL: " + redact(url));
    }
    Map<String, String> query = QueryString.parse(m.group("query"));
    String user = query.remove("user");
    String password = query.remove("password");
    if (m.group("userinfo") != null) {
      String[] parts = m.group("userinfo").split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : password;
    }
    String path = m.group("path") == null ? "/" : m.group("path");
    String jdbc = "jdbc:postgresql://" + hosts(m.group("hosts")) + path + QueryString.format(query);
    return new DatabaseConfig(
        jdbc,
        user == null ? System.getProperty("user.name") : user,
        password == null ? "" : password,
        "public");
  }

  private static final Pattern URL =
      Pattern.compile(
          "postgres(?:ql)?://(?:(?<userinfo>[^@/]*)@)?(?<hosts>[^/?]*)(?<path>/[^?]*)?"
              + "(?:\\?(?<query>.*))?");

  /** {@code h1[:p1],h2[:p2]} with every port spelled out (5432 where none is given). */
  private static String hosts(String list) {
    StringBuilder out = new StringBuilder();
    for (String host : (list.isEmpty() ? "localhost" : list).split(",")) {
      int colon = host.lastIndexOf(':');
      boolean hasPort = colon > host.lastIndexOf(']');
      out.append(out.length() == 0 ? "" : ",").append(hasPort ? host : host + ":5432");
    }
    return out.toString();
  }

  /** The config from {@code DATABASE_URL}, or from {@code fallbackUrl} when it is not set. */
  public static DatabaseConfig fromEnvironment(String fallbackUrl) {
    String url = System.getenv(DATABASE_URL);
    return parse(url == null || url.isBlank() ? fallbackUrl : url);
  }

  /** The same database with another schema. */
  public DatabaseConfig withSchema(String newSchema) {
    return new DatabaseConfig(jdbcUrl, user, password, newSchema);
  }

  /** The URL with the password hidden, for messages. */
  public static String redact(String url) {
    return url.replaceAll("(://[^:/@]+:)[^@]*@", "$1***@").replaceAll("(password=)[^&]*", "$1***");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "DatabaseConfig[" + jdbcUrl + ", user=" + user + ", schema=" + schema + "]";
  }
}
