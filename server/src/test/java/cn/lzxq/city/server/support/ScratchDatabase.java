package cn.lzxq.city.server.support;

import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * Points a Spring test context at a fresh, migrated scratch schema of the test database. Call it
 * from the {@code @DynamicPropertySource} of a shared context's base class (one schema per context,
 * e.g. {@code WmsContextTest}), not from each test class; see docs/ARCHITECTURE.md.
 */
public final class ScratchDatabase {

  private ScratchDatabase() {}

  /**
   * Creates the schema and registers {@code city.database.*} for the application under test.
   *
   * @return a pool on the schema for the test's own set-up and checks
   */
  public static HikariDataSource register(String name, DynamicPropertyRegistry registry) {
    HikariDataSource pool = TestDatabase.freshSchema(name);
    registry.add("city.database.url", ScratchDatabase::url);
    registry.add("city.database.schema", () -> schema(pool));
    registry.add("city.database.native-srid", () -> CityDatabase.DEFAULT_SRID);
    return pool;
  }

  /**
   * The test database as a JDBC URL with credentials (what {@code city.database.url} and {@code
   * --database-url} take).
   */
  public static String url() {
    return TestDatabase.config().jdbcUrl()
        + "?user="
        + TestDatabase.config().user()
        + "&password="
        + TestDatabase.config().password();
  }

  /** The schema a pool of {@link #register} works in. */
  public static String schema(HikariDataSource pool) {
    return pool.getPoolName().substring("city-".length());
  }

  /**
   * As {@link #register(String, DynamicPropertyRegistry)}, then runs the SQL fixture on the schema.
   */
  public static HikariDataSource register(
      String name, DynamicPropertyRegistry registry, String fixture)
      throws IOException, SQLException {
    HikariDataSource pool = register(name, registry);
    load(pool, fixture);
    return pool;
  }

  /**
   * Runs the SQL script at classpath path {@code fixture} (e.g. {@code /tiles3d/fixture.sql}) on
   * {@code pool}.
   */
  public static void load(HikariDataSource pool, String fixture) throws IOException, SQLException {
    try (InputStream in = ScratchDatabase.class.getResourceAsStream(fixture)) {
      if (in == null) {
        throw new IllegalArgumentException("no test resource " + fixture);
      }
      Sql.exec(pool, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }
  }
}
