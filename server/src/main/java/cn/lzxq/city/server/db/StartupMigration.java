package cn.lzxq.city.server.db;

import cn.lzxq.city.data.db.CityDatabase;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** Applies pending schema migrations at start-up; a database that is down only logs a warning. */
@Component
class StartupMigration implements ApplicationRunner {

  private static final Logger LOG = LoggerFactory.getLogger(StartupMigration.class);

  private final DataSource dataSource;
  private final DatabaseProperties props;

  StartupMigration(DataSource dataSource, DatabaseProperties props) {
    this.dataSource = dataSource;
    this.props = props;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (!props.migrateOnStart()) {
      return;
    }
    try {
      int applied = CityDatabase.migrate(dataSource, props.schema(), props.nativeSrid());
      LOG.info("database schema {} up to date ({} migration(s) applied)", props.schema(), applied);
    } catch (RuntimeException e) {
      LOG.warn("database not reachable at start-up, schema not checked: {}", e.getMessage());
    }
  }
}
