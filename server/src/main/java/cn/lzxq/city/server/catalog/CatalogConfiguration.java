package cn.lzxq.city.server.catalog;

import cn.lzxq.city.data.layer.LayerCatalog;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The layers every protocol serves: the city model's catalog. A context that declares its own
 * {@code @Primary} {@link LayerCatalog} serves that one in every protocol instead.
 */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

  @Bean
  LayerCatalog layerCatalog() {
    return LayerCatalog.standard();
  }
}
