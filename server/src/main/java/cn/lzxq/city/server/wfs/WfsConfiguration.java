package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.edit.FeatureEditor;
import cn.lzxq.city.data.edit.FeatureLocks;
import cn.lzxq.city.data.query.FeatureSource;
import cn.lzxq.city.server.db.LimitsProperties;
import javax.sql.DataSource;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The versioned feature editor WFS-T and OGC API Part 4 share, the WFS feature locks, and the WFS
 * and edit settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WfsProperties.class, EditProperties.class})
class WfsConfiguration {

  @Bean
  FeatureEditor featureEditor(
      DataSource dataSource, FeatureSource source, LimitsProperties limits, EditProperties edit) {
    return new FeatureEditor(
        dataSource,
        source.sql(),
        limits.statementTimeout(),
        edit.geometryCheck(),
        edit.maxConcurrent());
  }

  @Bean
  FeatureLocks featureLocks(
      DataSource dataSource, FeatureSource source, LimitsProperties limits, EditProperties edit) {
    return new FeatureLocks(
        dataSource, source.sql(), limits.statementTimeout(), edit.maxLockedFeatures());
  }
}
