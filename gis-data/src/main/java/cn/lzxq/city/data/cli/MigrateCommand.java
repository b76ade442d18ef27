package cn.lzxq.city.data.cli;

import cn.lzxq.city.data.db.CityDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** Brings the database schema up to date (Flyway migrations). */
@Command(name = "migrate", description = "create or update the database schema")
final class MigrateCommand implements Callable<Integer> {

  @Mixin DatabaseOptions db;

  @Override
  public Integer call() {
    try (HikariDataSource ds = db.open()) {
      int applied = CityDatabase.migrate(ds, db.config().schema(), db.srid());
      System.err.println(
          "schema "
              + db.config().schema()
              + ": "
              + applied
              + " migration(s) applied, native CRS EPSG:"
              + db.srid());
      return 0;
    }
  }
}
