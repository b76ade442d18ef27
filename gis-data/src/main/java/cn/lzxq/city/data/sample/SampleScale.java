package cn.lzxq.city.data.sample;

import java.util.Locale;

/**
 * How much of Lanzhou New Area the sample covers: a window of the road grid centred on the centre,
 * counted in roads each side of 北斗路 (east-west) and of the central 纬路 (north-south). The whole grid
 * of the New Area is {@value RoadGrid#FULL_HALF_COLUMNS} roads each side east-west and {@value
 * RoadGrid#FULL_HALF_ROWS} north-south (about 25.5 × 48 km at 250 m spacing).
 */
public enum SampleScale {
  /** About 3 × 3 km, at least 20,000 pipe segments; the default for scripts/serve. */
  SMALL(6, 6, 20_000),
  /** About 10 × 10 km, at least 200,000 pipe segments. */
  CITY(20, 20, 200_000),
  /** About 25 × 31 km, at least 2,000,000 pipe segments. */
  LARGE(51, 62, 2_000_000);

  private final int halfColumns;
  private final int halfRows;
  private final long minSegments;

  SampleScale(int halfColumns, int halfRows, long minSegments) {
    this.halfColumns = halfColumns;
    this.halfRows = halfRows;
    this.minSegments = minSegments;
  }

  /** North-south roads each side of 北斗路. */
  public int halfColumns() {
    return halfColumns;
  }

  /** East-west roads each side of the central east-west road. */
  public int halfRows() {
    return halfRows;
  }

  /** The pipe segment count this scale promises at least. */
  public long minSegments() {
    return minSegments;
  }

  /** The lower-case name used on the command line and in the manifest. */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
