package cn.lzxq.city.server.analysis;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits of the analysis API ({@code city.analysis.*}).
 *
 * @param timeLimit default time limit of one analysis
 * @param timeLimits per-analysis time limits (clearance, collision, cover, excavation, …)
 * @param maxScopeKm2 largest scope area (bbox, road red line or project corridor), km²
 * @param maxSectionM longest cross-section line, metres
 * @param maxExcavationM2 largest excavation polygon, m²
 * @param maxProfileSegments most segments in one longitudinal profile
 */
@ConfigurationProperties("city.analysis")
public record AnalysisProperties(
    @DefaultValue("10s") Duration timeLimit,
    Map<String, Duration> timeLimits,
    @DefaultValue("30") double maxScopeKm2,
    @DefaultValue("2000") double maxSectionM,
    @DefaultValue("250000") double maxExcavationM2,
    @DefaultValue("500") int maxProfileSegments) {

  /** The time limit of the named analysis. */
  public Duration limit(String analysis) {
    return timeLimits == null ? timeLimit : timeLimits.getOrDefault(analysis, timeLimit);
  }
}
