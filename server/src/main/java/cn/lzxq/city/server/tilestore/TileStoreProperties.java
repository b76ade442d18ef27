package cn.lzxq.city.server.tilestore;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The tile store and change log: {@code city.tile-store.*} in application.yml.
 *
 * @param memoryMb bytes of built tiles kept in memory (LRU over every kind of tile), in MiB
 * @param disk folder of the disk store, or empty for none
 * @param changePoll how often, at most, the change log is read (on request): an edit shows in tiles
 *     within this time. 200 ms keeps an edit made in QGIS visible on the next request, while the
 *     poll (one indexed read of the log's last sequence number) runs at most five times a second
 *     and only while tiles are requested
 */
@ConfigurationProperties("city.tile-store")
public record TileStoreProperties(
    @DefaultValue("256") int memoryMb,
    @DefaultValue("var/tiles-cache") Path disk,
    @DefaultValue("200ms") Duration changePoll) {}
