package cn.lzxq.city.data.sample;

import java.util.SplittableRandom;

/**
 * Seeded random streams keyed by what they are for (a road, a block, a site...), so that every part
 * of the sample is generated from the seed alone, in any order, with the same result.
 */
final class Rand {

  private Rand() {}

  /** A random stream for the seed and the keys. */
  static SplittableRandom of(long seed, long... keys) {
    long h = mix(seed ^ 0x9E3779B97F4A7C15L);
    for (long k : keys) {
      h = mix(h ^ mix(k + 0x632BE59BD9B4E019L));
    }
    return new SplittableRandom(h);
  }

  /** A uniform value in [min, max). */
  static double between(SplittableRandom r, double min, double max) {
    return min + (max - min) * r.nextDouble();
  }

  /** One of the values, uniformly. */
  @SafeVarargs
  static <T> T pick(SplittableRandom r, T... values) {
    return values[r.nextInt(values.length)];
  }

  private static long mix(long z) {
    z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
    z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
    return z ^ (z >>> 33);
  }
}
