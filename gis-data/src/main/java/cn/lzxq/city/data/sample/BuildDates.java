package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.SplittableRandom;

/**
 * When things were built and surveyed: the New Area grew outwards from its core (approved as a
 * national new area in 2012), so a road is built between 2012 (core) and 2024 (outskirts) and its
 * mains in the same or the next year (telecom up to two years later), never after 2025. The
 * pipeline census (普查) surveyed everything in 2025, at least a month after it was built.
 */
final class BuildDates {

  private final long seed;

  BuildDates(long seed) {
    this.seed = seed;
  }

  /** The year a road was built. */
  int roadYear(Road road) {
    double distance = Math.abs(road.index()) * RoadGrid.SPACING_M;
    SplittableRandom r = Rand.of(seed, 31, road.axis().ordinal(), road.index());
    int[] range =
        distance <= 1_500
            ? new int[] {2012, 2013}
            : distance <= 4_000
                ? new int[] {2014, 2016}
                : distance <= 9_000 ? new int[] {2017, 2020} : new int[] {2021, 2024};
    return range[0] + r.nextInt(range[1] - range[0] + 1);
  }

  /** The date a road was opened. */
  LocalDate roadDate(Road road) {
    SplittableRandom r = Rand.of(seed, 32, road.axis().ordinal(), road.index());
    return LocalDate.of(roadYear(road), 4, 1).plusDays(r.nextInt(200));
  }

  /** The date a main was laid under a road. */
  LocalDate lineDate(Road road, CrossSection.LaidLine line) {
    SplittableRandom r =
        Rand.of(seed, 33, road.axis().ordinal(), road.index(), line.type().ordinal(), line.side());
    int lag = line.band() == Band.TX ? r.nextInt(3) : r.nextInt(2);
    int year = Math.min(2025, roadYear(road) + lag);
    return LocalDate.of(year, 3, 15).plusDays(r.nextInt(230));
  }

  /** The date a service connection was laid: after its main and its parcel's approval, by 2025. */
  LocalDate serviceDate(LocalDate mainDate, LocalDate approval, SplittableRandom r) {
    LocalDate after = mainDate.isAfter(approval) ? mainDate : approval;
    LocalDate d = after.plusDays(30 + r.nextInt(700));
    LocalDate last = LocalDate.of(2025, 11, 30);
    return d.isAfter(last) ? (after.isAfter(last) ? after : last) : d;
  }

  /** The census survey date of a feature built on {@code built}. */
  LocalDate surveyDate(LocalDate built, SplittableRandom r) {
    LocalDate census = LocalDate.of(2025, 3, 1).plusDays(r.nextInt(240));
    LocalDate earliest = built.plusDays(30);
    return census.isBefore(earliest) ? earliest : census;
  }
}
