package cn.lzxq.city.data.analysis.clearance;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.pipe.PipeRef;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Pairs that no clearance rule covers (需人工复核): two pipes within the reach of the largest
 * pipe-to-pipe rule in plan, or crossing, with no row for their clearance types in that direction
 * ({@link Pair}); or a pipe within the largest rule of a feature type of a feature, with no row for
 * its clearance type against that feature type ({@link FeaturePair}).
 *
 * @param count all unchecked pairs
 * @param classes the counts by direction and pair of clearance types, largest first
 * @param pairs the first {@value #LISTED} pairs, by fid
 * @param <P> the kind of pair
 */
public record UncheckedPairs<P extends UncheckedPairs.Unchecked>(
    int count, List<TypeCount> classes, List<P> pairs) {

  /** How many pairs are listed one by one; the counts cover all. */
  public static final int LISTED = 200;

  /** What every unchecked pair names: its direction and the two clearance types. */
  public interface Unchecked {
    String direction();

    String aType();

    String bType();
  }

  /** Unchecked pairs of one direction and pair of clearance types (clearance_type codes). */
  public record TypeCount(String direction, String aType, String bType, int count) {}

  /**
   * One unchecked pair of pipes.
   *
   * @param gapM the wall-to-wall gap, metres (in plan, or at the crossing)
   * @param geometry where (CRS84)
   */
  public record Pair(
      String direction,
      String aType,
      String bType,
      PipeRef a,
      PipeRef b,
      Double gapM,
      GeoJson geometry)
      implements Unchecked {}

  /**
   * One unchecked pipe–feature pair (always horizontal, in plan).
   *
   * @param aType the pipe's clearance type
   * @param gapM plan distance from the pipe's outer wall to the feature, metres
   * @param geometry the feature's point nearest the pipe (CRS84)
   */
  public record FeaturePair(
      String aType, PipeRef pipe, FeatureRef feature, Double gapM, GeoJson geometry)
      implements Unchecked {
    @Override
    public String direction() {
      return "horizontal";
    }

    @Override
    public String bType() {
      return feature.type();
    }
  }

  static <P extends Unchecked> UncheckedPairs<P> of(List<P> all) {
    Map<String, TypeCount> counts = new LinkedHashMap<>();
    for (P p : all) {
      boolean ordered = p.aType().compareTo(p.bType()) <= 0;
      String a = ordered ? p.aType() : p.bType();
      String b = ordered ? p.bType() : p.aType();
      counts.merge(
          p.direction() + "/" + a + "/" + b,
          new TypeCount(p.direction(), a, b, 1),
          (x, y) -> new TypeCount(x.direction(), x.aType(), x.bType(), x.count() + 1));
    }
    List<TypeCount> classes = new ArrayList<>(counts.values());
    classes.sort((x, y) -> Integer.compare(y.count(), x.count()));
    return new UncheckedPairs<>(
        all.size(),
        List.copyOf(classes),
        List.copyOf(all.subList(0, Math.min(LISTED, all.size()))));
  }
}
