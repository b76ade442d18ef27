package cn.lzxq.city.tiles.tiling;

/**
 * Default importance: the level rises by one for each halving of the size below 1600 mm (DN 1600+
 * at the root, DN 800 one level down, DN 400 two, DN 200 three, …), and a long run (over 500 m) is
 * lifted one level coarser, a short stub (below 20 m) pushed one finer.
 */
public final class SizeLengthImportance implements ImportancePolicy {

  /** Sizes at or above this appear at the root. */
  public static final double ROOT_SIZE_MM = 1600;

  @Override
  public int levelFor(double sizeMm, double lengthMetres, int deepestLevel) {
    double size = Math.max(1, sizeMm);
    int level = (int) Math.ceil(Math.log(ROOT_SIZE_MM / size) / Math.log(2) - 1e-9);
    if (lengthMetres > 500) {
      level--;
    } else if (lengthMetres > 0 && lengthMetres < 20) {
      level++;
    }
    return Math.max(0, Math.min(deepestLevel, level));
  }
}
