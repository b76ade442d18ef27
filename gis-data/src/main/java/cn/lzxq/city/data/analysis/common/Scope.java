package cn.lzxq.city.data.analysis.common;

import java.time.Instant;

/**
 * Where and when an analysis looks: at most one area (a bbox, a road's red line, or a project's
 * corridor), optionally narrowed to one owner (权属单位, organization.code) and one network (JS PS RQ
 * RL DL TX), as of a time (null = now).
 */
public record Scope(
    Bbox bbox, String road, String project, String owner, String network, Instant asOf) {

  /** Everything current (no area, owner or network): for benchmarks and library callers. */
  public static Scope everything(Instant asOf) {
    return new Scope(null, null, null, null, null, asOf);
  }
}
