package cn.lzxq.city.server.query;

import cn.lzxq.city.data.query.FeatureSource;
import cn.lzxq.city.data.query.SqlBuilder;
import cn.lzxq.city.server.db.DatabaseProperties;
import cn.lzxq.city.server.db.LimitsProperties;
import javax.sql.DataSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The shared feature query path every protocol uses. */
@Configuration(proxyBeanMethods = false)
class QueryConfiguration {

  @Bean
  FeatureSource featureSource(DataSource dataSource, DatabaseProperties db, LimitsProperties limits) {
    return new FeatureSource(dataSource, new SqlBuilder(db.nativeSrid()), limits.statementTimeout());
  }
}
