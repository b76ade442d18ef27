package cn.lzxq.city.server.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Security settings ({@code city.security.*}); the initial admin comes only from the environment
 * ({@code CITY_ADMIN_USER}, {@code CITY_ADMIN_PASSWORD}), never from defaults.
 *
 * @param publicReads reads (GET/HEAD, WMS/WFS reads, tiles, /api) need no login
 * @param adminUser the initial admin's name, or empty for none
 * @param adminPassword the initial admin's password, or empty for none
 */
@ConfigurationProperties("city.security")
public record SecurityProperties(
    @DefaultValue("true") boolean publicReads,
    @DefaultValue("") String adminUser,
    @DefaultValue("") String adminPassword) {}
