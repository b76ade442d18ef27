package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.edit.FeatureEditor;
import cn.lzxq.city.data.query.FeatureSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The versioned feature editor WFS-T and OGC API Part 4 share, and the WFS settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({WfsSettings.class, EditSettings.class})
class WfsConfiguration {

  @Bean
  FeatureEditor featureEditor(DataSource dataSource, FeatureSource source,
      @Value("${city.limits.statement-timeout:30s}") Duration statementTimeout, EditSettings edit) {
    return new FeatureEditor(dataSource, source.sql(), statementTimeout, edit.geometryCheck(), edit.maxConcurrent());
  }
}
