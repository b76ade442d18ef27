package cn.lzxq.city.server.support;

import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.test.context.DynamicPropertyRegistry;

/** Points a Spring test at a fresh, migrated scratch schema of the test database. */
public final class ScratchDatabase {

  private ScratchDatabase() {
  }

  /**
   * Creates the schema and registers {@code city.database.*} for the application under test.
   *
   * @return a pool on the schema for the test's own set-up and checks
   */
  public static HikariDataSource register(String name, DynamicPropertyRegistry registry) {
    HikariDataSource pool = TestDatabase.freshSchema(name);
    registry.add("city.database.url", () -> TestDatabase.config().jdbcUrl()
        + "?user=" + TestDatabase.config().user() + "&password=" + TestDatabase.config().password());
    registry.add("city.database.schema", () -> pool.getPoolName().substring("city-".length()));
    registry.add("city.database.native-srid", () -> CityDatabase.DEFAULT_SRID);
    return pool;
  }
}
