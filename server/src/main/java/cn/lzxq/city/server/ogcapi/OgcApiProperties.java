package cn.lzxq.city.server.ogcapi;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * OGC API Features limits ({@code city.ogcapi.*}).
 *
 * @param defaultLimit items per page without {@code limit}
 * @param maxLimit the largest {@code limit} (larger values are reduced to it)
 */
@ConfigurationProperties("city.ogcapi")
public record OgcApiProperties(
    @DefaultValue("100") long defaultLimit, @DefaultValue("10000") long maxLimit) {}
