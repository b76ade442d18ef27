package cn.lzxq.city.server.coverage;

import cn.lzxq.city.data.coverage.CoverageRun;
import cn.lzxq.city.data.db.ReadExecutor;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The coverage run of this node. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(CoverageProperties.class)
class CoverageConfiguration {

  @Bean
  CoverageRun coverageRun(ReadExecutor reads, DataSource dataSource, CoverageProperties p) {
    return new CoverageRun(reads, dataSource, p.workerThreads());
  }
}
