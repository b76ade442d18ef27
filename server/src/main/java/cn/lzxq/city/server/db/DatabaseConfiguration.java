package cn.lzxq.city.server.db;

import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.DatabaseConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The connection pools. The primary's starts even when the database is down (health then says so
 * and requests get 503); Hikari reconnects by itself when the database returns. With {@code
 * city.database.read-url} a second pool reads from a hot standby ({@link StandbyReads}), and the
 * primary's connections commit with {@code synchronous_commit = remote_apply}, so an acknowledged
 * edit is already visible on a synchronous standby.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  @Primary
  HikariDataSource dataSource(
      DatabaseProperties props,
      @Value("${spring.datasource.url:}") String springUrl,
      @Value("${spring.datasource.username:}") String springUser,
      @Value("${spring.datasource.password:}") String springPassword) {
    DatabaseConfig config =
        springUrl.isBlank()
            ? DatabaseConfig.parse(props.url())
            : new DatabaseConfig(springUrl, springUser, springPassword, "public");
    HikariDataSource pool = requestPool(config, props);
    if (!props.readUrl().isBlank()) {
      pool.setConnectionInitSql("SET synchronous_commit = remote_apply");
    }
    return pool;
  }

  /** The read path's connections: the standby's when {@code read-url} is set, else the primary's. */
  @Bean(destroyMethod = "close")
  StandbyReads standbyReads(HikariDataSource primary, DatabaseProperties props) {
    if (props.readUrl().isBlank()) {
      return new StandbyReads(primary, null, Duration.ZERO);
    }
    HikariDataSource standby = requestPool(DatabaseConfig.parse(props.readUrl()), props);
    standby.setPoolName("city-standby");
    standby.setConnectionTimeout(500);
    standby.setReadOnly(true);
    return new StandbyReads(primary, standby, props.standbyPoll());
  }

  private static HikariDataSource requestPool(DatabaseConfig config, DatabaseProperties props) {
    HikariDataSource pool = CityDatabase.pool(config.withSchema(props.schema()), props.poolSize());
    pool.setConnectionTimeout(2_000);
    pool.setValidationTimeout(1_000);
    return pool;
  }

  @Bean
  JdbcTemplate jdbcTemplate(HikariDataSource dataSource) {
    return new JdbcTemplate(dataSource);
  }
}
