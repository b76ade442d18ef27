package cn.lzxq.city.tiles.tiling;

/**
 * Decides the coarsest level a linear or point feature appears at (ADD refinement): trunk mains and
 * large diameters at coarse levels, service lines at the leaves.
 */
@FunctionalInterface
public interface ImportancePolicy {

  /**
   * @param sizeMm nominal size in millimetres (pipe DN, duct width, tower height × 10, …)
   * @param lengthMetres feature length (0 for point features)
   * @param deepestLevel the deepest available level
   * @return a level in 0 .. deepestLevel
   */
  int levelFor(double sizeMm, double lengthMetres, int deepestLevel);

  /** The default {@link SizeLengthImportance}. */
  static ImportancePolicy defaultPolicy() {
    return new SizeLengthImportance();
  }
}
