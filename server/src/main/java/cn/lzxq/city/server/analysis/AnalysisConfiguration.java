package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisDb;
import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.server.db.DatabaseProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The analysis runner on the shared connection pool. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalysisProperties.class)
class AnalysisConfiguration {

  @Bean
  AnalysisDb analysisDb(ReadExecutor reads, DatabaseProperties db) {
    return new AnalysisDb(reads, db.nativeSrid());
  }
}
