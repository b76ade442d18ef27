package cn.lzxq.city.server.query;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.query.FeatureSource;
import cn.lzxq.city.data.query.SqlBuilder;
import cn.lzxq.city.server.db.DatabaseProperties;
import cn.lzxq.city.server.db.LimitsProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared read path every protocol uses: the database executor and the feature queries on it.
 */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

  /** The one executor every read path uses, under {@code city.limits.statement-timeout}. */
  @Bean
  ReadExecutor readExecutor(DataSource dataSource, LimitsProperties limits) {
    return new ReadExecutor(dataSource, limits.statementTimeout());
  }

  @Bean
  FeatureSource featureSource(ReadExecutor reads, DatabaseProperties db) {
    return new FeatureSource(reads, new SqlBuilder(db.nativeSrid()));
  }
}
