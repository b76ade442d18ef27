package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.server.tiles3d.HeightMode;

/**
 * Turns heights relative to the ground (metres; negative below ground) into the heights of the
 * requested mode: unchanged in ground-relative mode (ground = ellipsoid height 0), or the ellipsoid
 * height {@code ground + relative + anomaly} in absolute mode, where {@code ground} is the 1985
 * normal height of the ground and {@code anomaly} the configured height anomaly ζ.
 *
 * @param mode height mode
 * @param anomalyM height anomaly ζ in metres (absolute mode only)
 */
public record Heights(HeightMode mode, double anomalyM) {

  /** Cover depth (metres) assumed where a pipe's or valve's surveyed depth is missing. */
  public static final double DEFAULT_DEPTH_M = 1.0;

  /**
   * @param relativeM height above the ground in metres (negative below)
   * @param groundM ground elevation in metres (1985 datum) at the same place
   * @return the height to put in the tile, metres
   */
  public double of(double relativeM, double groundM) {
    return mode == HeightMode.GROUND ? relativeM : groundM + relativeM + anomalyM;
  }
}
