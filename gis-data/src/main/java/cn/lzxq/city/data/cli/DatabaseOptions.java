package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.DatabaseConfig;
import com.zaxxer.hikari.HikariDataSource;
import picocli.CommandLine.Option;

/** Database options shared by the commands: the URL (or DATABASE_URL), schema and native SRID. */
public final class DatabaseOptions {

  /** The project-local cluster that scripts/db starts. */
  public static final String LOCAL_URL = "postgresql://city:city@127.0.0.1:55432/city";

  @Option(
      names = "--database-url",
      description = "PostgreSQL URL (default: $DATABASE_URL, else the project-local cluster)")
  String url;

  @Option(
      names = "--schema",
      defaultValue = "public",
      description = "schema of the city model (default: ${DEFAULT-VALUE})")
  String schema;

  @Option(
      names = "--srid",
      description = "EPSG code of the native CRS (default: $CITY_NATIVE_SRID, else 4544)")
  Integer srid;

  /** The database to use. */
  public DatabaseConfig config() {
    DatabaseConfig base =
        url != null ? DatabaseConfig.parse(url) : DatabaseConfig.fromEnvironment(LOCAL_URL);
    return base.withSchema(schema);
  }

  /** The native CRS: the option, else CITY_NATIVE_SRID, else EPSG:4544. */
  public int srid() {
    if (srid != null) {
      return srid;
    }
    String env = System.getenv("CITY_NATIVE_SRID");
    return env == null || env.isBlank() ? CityDatabase.DEFAULT_SRID : Integer.parseInt(env.trim());
  }

  /** A small pool for a command. */
  public HikariDataSource open() {
    return CityDatabase.pool(config(), 4);
  }
}
