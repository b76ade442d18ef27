package cn.lzxq.city.tiles.tiling;

/**
 * The geometric error (metres) of each level. Implementations must be strictly decreasing with
 * level so that refinement always progresses.
 */
@FunctionalInterface
public interface GeometricErrorPolicy {

  /** Geometric error in metres of tiles at {@code level}. */
  double errorAt(int level);

  /**
   * The default: the root error halves at each level, from a fraction of the root width (a tile's
   * error is {@code rootWidthMetres / 16 / 2^level}, i.e. about 1/16 of its width).
   */
  static GeometricErrorPolicy halving(double rootWidthMetres) {
    double root = rootWidthMetres / 16;
    return level -> root / Math.pow(2, level);
  }
}
