package cn.lzxq.city.server.wfs;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * WFS limits ({@code city.wfs.*}).
 *
 * @param countDefault features returned when a GetFeature has no COUNT (advertised as CountDefault)
 * @param maxCount the largest COUNT accepted
 */
@ConfigurationProperties("city.wfs")
public record WfsProperties(
    @DefaultValue("100000") long countDefault, @DefaultValue("5000000") long maxCount) {}
