package cn.lzxq.city.server.db;

import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.DatabaseConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The connection pool. It starts even when the database is down (health then says so and requests
 * get 503); Hikari reconnects by itself when the database returns.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

  @Bean(destroyMethod = "close")
  HikariDataSource dataSource(
      DatabaseProperties props,
      @Value("${spring.datasource.url:}") String springUrl,
      @Value("${spring.datasource.username:}") String springUser,
      @Value("${spring.datasource.password:}") String springPassword) {
    DatabaseConfig config =
        springUrl.isBlank()
            ? DatabaseConfig.parse(props.url())
            : new DatabaseConfig(springUrl, springUser, springPassword, "public");
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
