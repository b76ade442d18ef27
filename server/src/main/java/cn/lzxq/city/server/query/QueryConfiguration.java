package cn.lzxq.city.server.query;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.query.FeatureSource;
import cn.lzxq.city.data.query.SqlBuilder;
import cn.lzxq.city.server.db.DatabaseProperties;
import cn.lzxq.city.server.db.LimitsProperties;
import cn.lzxq.city.server.db.StandbyReads;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The shared read path every protocol uses: the database executor and the feature queries on it.
 */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

  /**
   * The one executor every read path uses, under {@code city.limits.statement-timeout}, on the
   * standby when it is configured and caught up.
   */
  @Bean
  ReadExecutor readExecutor(StandbyReads connections, LimitsProperties limits) {
    return new ReadExecutor(connections, limits.statementTimeout());
  }

  @Bean
  FeatureSource featureSource(ReadExecutor reads, DatabaseProperties db) {
    return new FeatureSource(reads, new SqlBuilder(db.nativeSrid()));
  }
}
