package cn.lzxq.city.server.wms;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits and settings of the WMS ({@code city.wms.*}).
 *
 * @param maxWidth largest WIDTH, pixels
 * @param maxHeight largest HEIGHT, pixels
 * @param maxLayers most layers in one GetMap (LAYERS, or named layers of an SLD)
 * @param maxRenderTime longest a GetMap may take to draw before it is abandoned
 * @param maxConcurrentRenders renders drawn at the same time; further requests wait
 * @param renderMemoryMb image memory all concurrent renders may hold together, MiB (a
 *     WIDTH×HEIGHT×4-byte canvas counts against it)
 * @param canvasPoolMb image memory kept between renders for reuse, MiB (idle canvases, at most
 *     max-concurrent-renders of one size)
 * @param queueTimeout longest a request waits for a render slot before HTTP 503
 * @param infoTolerancePx GetFeatureInfo search radius around I/J, pixels (vendor BUFFER overrides)
 * @param maxFeatureCount largest FEATURE_COUNT
 * @param timeMin start of the TIME extent
 * @param timeMax end of the TIME extent
 * @param capabilitiesTtl how long layer extents and dictionaries are cached
 * @param remoteSldHosts hosts an SLD=URL may be fetched from (none by default: use SLD_BODY)
 */
@ConfigurationProperties("city.wms")
public record WmsProperties(
    @DefaultValue("4096") int maxWidth,
    @DefaultValue("4096") int maxHeight,
    @DefaultValue("32") int maxLayers,
    @DefaultValue("60s") Duration maxRenderTime,
    @DefaultValue("8") int maxConcurrentRenders,
    @DefaultValue("320") int renderMemoryMb,
    @DefaultValue("48") int canvasPoolMb,
    @DefaultValue("30s") Duration queueTimeout,
    @DefaultValue("5") int infoTolerancePx,
    @DefaultValue("50") int maxFeatureCount,
    @DefaultValue("1950-01-01T00:00:00Z") String timeMin,
    @DefaultValue("2100-01-01T00:00:00Z") String timeMax,
    @DefaultValue("60s") Duration capabilitiesTtl,
    @DefaultValue("") List<String> remoteSldHosts) {

  /** Start of the TIME extent. */
  public Instant timeStart() {
    return Instant.parse(timeMin);
  }

  /** End of the TIME extent. */
  public Instant timeEnd() {
    return Instant.parse(timeMax);
  }
}
