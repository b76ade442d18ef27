package cn.lzxq.city.server.db;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The city database: {@code city.database.*} in application.yml, normally from the environment
 * ({@code DATABASE_URL}, {@code CITY_NATIVE_SRID}).
 *
 * @param url libpq or JDBC URL (the Spring datasource variables win when set)
 * @param schema schema of the city model
 * @param nativeSrid EPSG code of the native CRS used when creating the schema
 * @param poolSize largest number of pooled connections
 * @param migrateOnStart apply pending migrations at start-up when the database is reachable
 * @param readUrl libpq or JDBC URL of a hot standby the read path may use (empty: the primary
 *     only); see {@link StandbyReads}
 * @param standbyPoll how often the primary's WAL position is read to judge the standby's replay
 */
@ConfigurationProperties("city.database")
public record DatabaseProperties(
    String url,
    @DefaultValue("public") String schema,
    @DefaultValue("4544") int nativeSrid,
    @DefaultValue("16") int poolSize,
    @DefaultValue("true") boolean migrateOnStart,
    @DefaultValue("") String readUrl,
    @DefaultValue("200ms") Duration standbyPoll) {}
