package cn.lzxq.city.server.coverage;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Radio coverage ({@code city.coverage.*}; docs/ARCHITECTURE.md, "Coverage").
 *
 * @param threads worker threads of a coverage run (0: one per available processor)
 * @param thresholdDbm RSRP at or above which a cell counts as covered by default, dBm
 * @param wlanThresholdDbm RSSI at or above which a cell counts as covered by the public WLAN by
 *     default, dBm (the KPIs take theirs from {@code coverage_target}, network wlan)
 * @param cacheBlocks decoded coverage blocks kept in memory for maps (768 KiB each)
 */
@ConfigurationProperties("city.coverage")
public record CoverageProperties(
    @DefaultValue("0") int threads,
    @DefaultValue("-110") double thresholdDbm,
    @DefaultValue("-75") double wlanThresholdDbm,
    @DefaultValue("32") int cacheBlocks) {

  /** The worker threads to use. */
  public int workerThreads() {
    return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
  }
}
