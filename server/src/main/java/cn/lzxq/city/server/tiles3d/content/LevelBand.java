package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.tiles.tiling.ImportancePolicy;

/**
 * The sizes (mm) a pipe can have to appear at one level, so the tile query reads only those. Found
 * by probing the importance policy, which must rise (get finer) as the size falls and get coarser
 * as the length grows: a size is in the band when the level for a very long run is at most the
 * level and the level for a very short one at least the level.
 *
 * @param minMm smallest size in the band (mm, inclusive)
 * @param maxMm largest size in the band (mm, inclusive; {@link Integer#MAX_VALUE} = unbounded)
 */
public record LevelBand(int minMm, int maxMm) {

  /** Sizes probed: 1 mm … this (larger sizes count as this one). */
  static final int PROBE_MAX_MM = 20_000;

  /** The band of {@code level}; an empty band has {@code minMm > maxMm}. */
  public static LevelBand of(ImportancePolicy policy, int level, int deepest) {
    int min = Integer.MAX_VALUE;
    int max = Integer.MIN_VALUE;
    for (int s = 1; s <= PROBE_MAX_MM; s++) {
      if (policy.levelFor(s, 1e9, deepest) <= level && policy.levelFor(s, 1e-3, deepest) >= level) {
        min = Math.min(min, s);
        max = s;
      }
    }
    return new LevelBand(min, max == PROBE_MAX_MM ? Integer.MAX_VALUE : max);
  }
}
