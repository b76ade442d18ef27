package cn.lzxq.city.server.web;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * HTTP settings every endpoint shares ({@code city.http.*}).
 *
 * @param maxRequestBody the largest POST/PUT/PATCH body accepted (CITY_MAX_REQUEST_BODY); larger
 *     ones get 413 before they are read (Content-Length) or when the count passes it (chunked
 *     bodies)
 * @param corsOrigins origins browsers may read from (CITY_CORS_ORIGINS, comma-separated); empty:
 *     {@code *} while reads are public, none once they need a login
 */
@ConfigurationProperties("city.http")
public record HttpProperties(
    @DefaultValue("32MB") DataSize maxRequestBody, @DefaultValue("") List<String> corsOrigins) {}
