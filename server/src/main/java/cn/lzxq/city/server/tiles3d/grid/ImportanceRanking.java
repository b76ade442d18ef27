package cn.lzxq.city.server.tiles3d.grid;

import cn.lzxq.city.tiles.tiling.ImportancePolicy;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The levels of one pipe network by rank: its segments ordered by size, then length (largest,
 * longest first; a feature counted once, with the largest size and length of its versions), and
 * levels {@code 0..L} hold the first {@code featuresPerTile × 4^L} of them — on average {@code
 * featuresPerTile} new segments per tile and level — the rest the deepest level. So a city-wide
 * view shows every network's largest pipes, and a bounded number of them, whatever the network's
 * sizes (sewers and duct banks are large, gas pipes small).
 *
 * <p>The ranking is reduced to one (size, length, share) threshold per level, computed with the
 * grid: a segment's level then depends only on its own size, length and id (as {@link
 * ImportancePolicy}), so an edit changes the tiles where the segment lies and no others. A class of
 * one size and length larger than what is left of a level's budget is split by a hash of the
 * feature id ({@link #share}): the level takes that share of the class, spread over the city. (Kept
 * whole, such a class left the coarse levels empty: on the `city` sample 550 water mains of DN 600
 * and 42.0 m, so no network had root content and water and heating began at level 3.)
 *
 * @param sizesMm per level {@code L} above the deepest: the size threshold
 * @param lengthsM per level: the length threshold among segments of exactly that size
 * @param shares per level: the share (0..1] of the threshold's class of that size and length the
 *     levels up to it hold, those whose {@link #share(long)} is below it; 1 = the whole class
 */
public record ImportanceRanking(List<Double> sizesMm, List<Double> lengthsM, List<Double> shares)
    implements ImportancePolicy {

  /**
   * Segments of one size and length.
   *
   * @param sizeMm size (DN or the larger side of a duct), mm
   * @param lengthM length, m
   * @param count number of features (each once, whatever its number of versions)
   */
  public record SizeCount(double sizeMm, double lengthM, long count) {}

  /**
   * @param sizes the network's segments by size and length
   * @param deepest the deepest level of the tree
   * @param featuresPerTile the average budget of new segments per tile and level
   */
  public static ImportanceRanking of(List<SizeCount> sizes, int deepest, int featuresPerTile) {
    List<SizeCount> ranked = new ArrayList<>(sizes);
    ranked.sort(
        Comparator.comparingDouble(SizeCount::sizeMm)
            .thenComparingDouble(SizeCount::lengthM)
            .reversed());
    List<Double> thresholdSizes = new ArrayList<>();
    List<Double> thresholdLengths = new ArrayList<>();
    List<Double> thresholdShares = new ArrayList<>();
    long taken = 0;
    int i = 0;
    double size = Double.POSITIVE_INFINITY;
    double length = Double.POSITIVE_INFINITY;
    for (int level = 0; level < deepest; level++) {
      double budget = featuresPerTile * Math.pow(4, level);
      while (i < ranked.size() && taken + ranked.get(i).count() <= budget) {
        size = ranked.get(i).sizeMm();
        length = ranked.get(i).lengthM();
        taken += ranked.get(i++).count();
      }
      if (i < ranked.size() && taken < budget) {
        SizeCount next = ranked.get(i);
        thresholdSizes.add(next.sizeMm());
        thresholdLengths.add(next.lengthM());
        thresholdShares.add((budget - taken) / next.count());
      } else {
        thresholdSizes.add(size);
        thresholdLengths.add(length);
        thresholdShares.add(1.0);
      }
    }
    return new ImportanceRanking(
        List.copyOf(thresholdSizes), List.copyOf(thresholdLengths), List.copyOf(thresholdShares));
  }

  /**
   * A feature's place in its class, uniform in [0, 1) and spread over the ids (Fibonacci hashing),
   * so the share of a split class a level holds is scattered over the city, not its first ids.
   */
  static double share(long featureId) {
    return (featureId * 0x9E3779B97F4A7C15L >>> 11) * 0x1.0p-53;
  }

  /** The finest level of the class of this size and length. */
  @Override
  public int levelFor(double sizeMm, double lengthMetres, int deepestLevel) {
    return levelFor(sizeMm, lengthMetres, Math.nextDown(1.0), deepestLevel);
  }

  @Override
  public int levelFor(double sizeMm, double lengthMetres, long featureId, int deepestLevel) {
    return levelFor(sizeMm, lengthMetres, share(featureId), deepestLevel);
  }

  private int levelFor(double sizeMm, double lengthMetres, double place, int deepestLevel) {
    int levels = Math.min(deepestLevel, sizesMm.size());
    for (int level = 0; level < levels; level++) {
      double size = sizesMm.get(level);
      if (sizeMm > size
          || sizeMm == size
              && (lengthMetres > lengthsM.get(level)
                  || lengthMetres == lengthsM.get(level) && place < shares.get(level))) {
        return level;
      }
    }
    return deepestLevel;
  }
}
