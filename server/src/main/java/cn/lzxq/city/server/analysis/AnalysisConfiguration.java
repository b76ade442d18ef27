package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisDb;
import cn.lzxq.city.server.db.DatabaseProperties;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The analysis runner on the shared connection pool. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalysisProperties.class)
class AnalysisConfiguration {

  @Bean
  AnalysisDb analysisDb(DataSource dataSource, DatabaseProperties db) {
    return new AnalysisDb(dataSource, db.nativeSrid());
  }
}
