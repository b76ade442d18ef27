package cn.lzxq.city.server.ogcapi;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/** Binds the OGC API settings. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OgcApiProperties.class)
class OgcApiConfiguration {}
