package cn.lzxq.city.server.db;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits every protocol's database work shares ({@code city.limits.*}).
 *
 * @param statementTimeout the longest one SQL statement of a request may run (PostgreSQL {@code
 *     statement_timeout}); a longer one is cancelled and the request answers with its protocol's
 *     own error
 */
@ConfigurationProperties("city.limits")
public record LimitsProperties(@DefaultValue("30s") Duration statementTimeout) {}
