package cn.lzxq.city.server.db;

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
 */
@ConfigurationProperties("city.database")
public record DatabaseProperties(
    String url,
    @DefaultValue("public") String schema,
    @DefaultValue("4544") int nativeSrid,
    @DefaultValue("16") int poolSize,
    @DefaultValue("true") boolean migrateOnStart) {}
