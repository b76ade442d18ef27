package cn.lzxq.city.server.db;

import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.DatabaseConfig;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import com.zaxxer.hikari.SQLExceptionOverride;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Properties;
import java.util.function.BooleanSupplier;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The connection pools. The primary's sits behind the database availability guard ({@link
 * GuardedDataSource}): it starts even when the database is down (health then says so and requests
 * get 503); while the database is unreachable requests fail at once, and the pool reconnects within
 * about one probe period ({@value #PROBE_MS} ms) of its return. With {@code city.database.read-url}
 * a second pool reads from a hot standby ({@link StandbyReads}), and the primary's connections
 * commit with {@code synchronous_commit = remote_apply}, so an acknowledged edit is already visible
 * on a synchronous standby.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  /** How often an unreachable database is probed, ms. */
  static final long PROBE_MS = 250;

  /**
   * The longest a request waits for a pooled connection while the database is reachable (a busy
   * pool), ms; while it is unreachable nobody waits.
   */
  static final long CONNECTION_TIMEOUT_MS = 5_000;

  @Bean(destroyMethod = "close")
  @Primary
  GuardedDataSource dataSource(
      DatabaseProperties props,
      @Value("${spring.datasource.url:}") String springUrl,
      @Value("${spring.datasource.username:}") String springUser,
      @Value("${spring.datasource.password:}") String springPassword) {
    DatabaseConfig config =
        (springUrl.isBlank()
                ? DatabaseConfig.parse(props.url())
                : new DatabaseConfig(springUrl, springUser, springPassword, "public"))
            .withSchema(props.schema());
    DatabaseAvailability availability =
        new DatabaseAvailability(probe(config), Duration.ofMillis(PROBE_MS));
    HikariConfig hikari = CityDatabase.poolConfig(config, props.poolSize());
    hikari.setConnectionTimeout(CONNECTION_TIMEOUT_MS);
    hikari.setValidationTimeout(1_000);
    if (!props.readUrl().isBlank()) {
      hikari.setConnectionInitSql("SET synchronous_commit = remote_apply");
    }
    hikari.setExceptionOverride(
        new SQLExceptionOverride() {
          @java.lang.Override
          public Override adjudicate(SQLException e) {
            availability.failed(e); // a connection Hikari evicts as broken
            return Override.CONTINUE_EVICT;
          }
        });
    return new GuardedDataSource(new HikariDataSource(hikari), availability);
  }

  /**
   * The read path's connections: the standby's when {@code read-url} is set, else the primary's.
   */
  @Bean(destroyMethod = "close")
  StandbyReads standbyReads(GuardedDataSource primary, DatabaseProperties props) {
    if (props.readUrl().isBlank()) {
      return new StandbyReads(primary, null, Duration.ZERO);
    }
    HikariConfig hikari =
        CityDatabase.poolConfig(
            DatabaseConfig.parse(props.readUrl()).withSchema(props.schema()), props.poolSize());
    hikari.setPoolName("city-standby");
    hikari.setConnectionTimeout(500);
    hikari.setReadOnly(true);
    return new StandbyReads(primary, hikari, props.standbyPoll());
  }

  /** Opens one unpooled connection (connect and login within 2 s) and closes it. */
  static BooleanSupplier probe(DatabaseConfig config) {
    Properties p = new Properties();
    p.setProperty("user", config.user() == null ? "" : config.user());
    if (config.password() != null) {
      p.setProperty("password", config.password());
    }
    p.setProperty("connectTimeout", "2");
    p.setProperty("loginTimeout", "2");
    p.setProperty("socketTimeout", "2");
    p.setProperty("ApplicationName", "lzxq-city-probe");
    return () -> {
      try (Connection c = DriverManager.getConnection(config.jdbcUrl(), p)) {
        return c.isValid(2);
      } catch (SQLException e) {
        return false;
      }
    };
  }

  @Bean
  JdbcTemplate jdbcTemplate(GuardedDataSource dataSource) {
    return new JdbcTemplate(dataSource);
  }
}
