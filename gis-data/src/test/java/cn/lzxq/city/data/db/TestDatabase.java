package cn.lzxq.city.data.db;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;

/**
 * The real PostGIS that tests run against: {@code TEST_DATABASE_URL}, set by {@code scripts/test}.
 *
 * <p>Each test class works in a scratch schema of its own, created fresh and migrated, so test
 * classes never see each other's rows. When the variable is missing or the database is down the
 * tests fail: they never skip.
 */
public final class TestDatabase {

  /** The environment variable naming the test database. */
  public static final String ENV = "TEST_DATABASE_URL";

  private TestDatabase() {}

  /** The test database; fails with a clear message when it is not configured. */
  public static DatabaseConfig config() {
    String url = System.getenv(ENV);
    if (url == null || url.isBlank()) {
      throw new IllegalStateException(
          ENV
              + " is not set: run the tests with scripts/test, "
              + "which starts the project-local PostGIS and sets it");
    }
    return DatabaseConfig.parse(url);
  }

  /**
   * A pool on a freshly created and migrated schema.
   *
   * @param name a name for the schema, usually the test class's simple name
   */
  public static HikariDataSource freshSchema(String name) {
    String schema = "t_" + name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "_");
    DatabaseConfig config = config().withSchema(schema);
    HikariDataSource pool = CityDatabase.pool(config, 4);
    try (Connection c = pool.getConnection();
        Statement s = c.createStatement()) {
      s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    } catch (SQLException e) {
      pool.close();
      throw new IllegalStateException("test database unreachable at " + config.jdbcUrl(), e);
    }
    CityDatabase.migrate(pool, schema, CityDatabase.DEFAULT_SRID);
    return pool;
  }
}
