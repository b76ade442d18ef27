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
 * <p>The ranking is reduced to one (size, length) threshold per level, computed with the grid: a
 * segment's level then depends only on its own size and length (as {@link ImportancePolicy}), so an
 * edit changes the tiles where the segment lies and no others.
 *
 * @param sizesMm per level {@code L} above the deepest: the size threshold
 * @param lengthsM per level: the length threshold among segments of exactly that size
 */
public record ImportanceRanking(List<Double> sizesMm, List<Double> lengthsM)
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
    long taken = 0;
    int i = 0;
    for (int level = 0; level < deepest; level++) {
      double budget = featuresPerTile * Math.pow(4, level);
      double size = Double.POSITIVE_INFINITY;
      double length = Double.POSITIVE_INFINITY;
      while (i < ranked.size() && taken + ranked.get(i).count() <= budget) {
        size = ranked.get(i).sizeMm();
        length = ranked.get(i).lengthM();
        taken += ranked.get(i++).count();
      }
      if (size == Double.POSITIVE_INFINITY && !thresholdSizes.isEmpty()) {
        size = thresholdSizes.get(level - 1);
        length = thresholdLengths.get(level - 1);
      }
      thresholdSizes.add(size);
      thresholdLengths.add(length);
    }
    return new ImportanceRanking(List.copyOf(thresholdSizes), List.copyOf(thresholdLengths));
  }

  @Override
  public int levelFor(double sizeMm, double lengthMetres, int deepestLevel) {
    int levels = Math.min(deepestLevel, sizesMm.size());
    for (int level = 0; level < levels; level++) {
      double size = sizesMm.get(level);
      if (sizeMm > size || (sizeMm == size && lengthMetres >= lengthsM.get(level))) {
        return level;
      }
    }
    return deepestLevel;
  }
}
