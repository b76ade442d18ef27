package cn.lzxq.city.data.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * Opens connection pools to the city database and brings its schema up to date.
 *
 * <p>The schema is the Flyway migrations under {@code db/migration}; the native CRS (the SRID of
 * every geometry column) is the one setting {@code srid}, passed as a Flyway placeholder.
 */
public final class CityDatabase {

  /** EPSG:4544, CGCS2000 / 3-degree Gauss-Kruger CM 105E: the default native CRS. */
  public static final int DEFAULT_SRID = 4544;

  private CityDatabase() {}

  /**
   * A pooled data source. Connections use {@code config.schema()} first and {@code public} (where
   * PostGIS lives) second on the search path.
   *
   * @param maxPoolSize the largest number of connections
   */
  public static HikariDataSource pool(DatabaseConfig config, int maxPoolSize) {
    return new HikariDataSource(poolConfig(config, maxPoolSize));
  }

  /**
   * The settings of {@link #pool}, for a caller that adjusts them before the pool starts (Hikari
   * seals its configuration once started).
   */
  public static HikariConfig poolConfig(DatabaseConfig config, int maxPoolSize) {
    HikariConfig hikari = new HikariConfig();
    hikari.setJdbcUrl(config.jdbcUrl());
    hikari.setUsername(config.user());
    hikari.setPassword(config.password());
    hikari.setMaximumPoolSize(maxPoolSize);
    hikari.setMinimumIdle(0);
    hikari.setPoolName("city-" + config.schema());
    // Commands and tests wait for a connection as long as a loaded machine needs; the server's
    // request pool (DatabaseConfiguration) keeps its own short wait.
    hikari.setConnectionTimeout(30_000);
    hikari.setInitializationFailTimeout(-1);
    hikari.addDataSourceProperty("currentSchema", searchPath(config.schema()));
    hikari.addDataSourceProperty("ApplicationName", "lzxq-city");
    hikari.addDataSourceProperty("reWriteBatchedInserts", "true");
    return hikari;
  }

  /** The search path for a schema: the schema, then public (PostGIS types and functions). */
  public static String searchPath(String schema) {
    return "public".equals(schema) ? "public" : schema + ",public";
  }

  /**
   * Applies the pending migrations.
   *
   * @param schema the schema to migrate (created when missing)
   * @param srid the EPSG code of the native CRS for new geometry columns
   * @return the number of migrations applied
   */
  public static int migrate(DataSource dataSource, String schema, int srid) {
    Flyway flyway =
        Flyway.configure()
            .dataSource(dataSource)
            .schemas(schema)
            .defaultSchema(schema)
            .createSchemas(true)
            .placeholders(Map.of("srid", Integer.toString(srid)))
            .locations("classpath:db/migration")
            // versions are handed out in ranges per engineer (docs: MIGRATIONS) and land in any
            // order: a lower version that lands after a higher one is applied, not refused
            .outOfOrder(true)
            .load();
    return flyway.migrate().migrationsExecuted;
  }
}
