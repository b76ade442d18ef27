package cn.lzxq.city.data.db;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;

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

  /** Parses a libpq URL or a JDBC URL into a config for the {@code public} schema. */
  public static DatabaseConfig parse(String url) {
    if (url == null || url.isBlank()) {
      throw new IllegalArgumentException("database URL is empty");
    }
    String raw = url.startsWith("jdbc:") ? url.substring("jdbc:".length()) : url;
    URI uri = URI.create(raw.replaceFirst("^postgres:", "postgresql:"));
    if (!"postgresql".equals(uri.getScheme())) {
      throw new IllegalArgumentException("not a PostgreSQL URL: " + redact(url));
    }
    Map<String, String> query = QueryString.parse(uri.getRawQuery());
    String user = query.remove("user");
    String password = query.remove("password");
    if (uri.getRawUserInfo() != null) {
      String[] parts = uri.getRawUserInfo().split(":", 2);
      user = decode(parts[0]);
      password = parts.length > 1 ? decode(parts[1]) : password;
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 5432;
    String host = uri.getHost() == null ? "localhost" : uri.getHost();
    String jdbc =
        "jdbc:postgresql://" + host + ":" + port + uri.getRawPath() + QueryString.format(query);
    return new DatabaseConfig(
        jdbc,
        user == null ? System.getProperty("user.name") : user,
        password == null ? "" : password,
        "public");
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
