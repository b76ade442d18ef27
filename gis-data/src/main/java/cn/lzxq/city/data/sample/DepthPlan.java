package cn.lzxq.city.data.sample;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The depth of each band, from the rules: the first band (telecom) just below its minimum cover,
 * every further band deep enough that its largest section clears every band above by the vertical
 * clearance_rule value (or {@value #UNRULED_CLEARANCE_M} m where no rule covers the pair) plus a
 * margin, and below its own minimum cover (cover_rule, frost included, under a carriageway).
 * Gravity bands get room for their services to rise towards the parcels. Sections are their outer
 * surface (pipe_wall, {@link PipeWalls}): a drain's wall lies below its surveyed invert.
 *
 * <p>Depths are metres below ground to the surveyed reference: the pipe top for pressure pipes and
 * ducts, the invert for drainage (where every section of the band shares one invert depth).
 */
public final class DepthPlan {

  /** Vertical clearance kept between bands that no rule covers, metres. */
  static final double UNRULED_CLEARANCE_M = 0.15;

  /** Added to every designed vertical clearance and cover, metres. */
  static final double MARGIN_M = 0.05;

  /**
   * Steepest ground slope anywhere (north 11.3 m/km at most), for the rise of drainage services.
   */
  static final double MAX_GROUND_SLOPE = 0.0114;

  private final Map<Band, Double> depth = new EnumMap<>(Band.class);
  private final Map<Band, Double> top = new EnumMap<>(Band.class);
  private final Map<Band, Double> bottom = new EnumMap<>(Band.class);

  /** The plan for the rules. */
  public DepthPlan(RuleBook rules) {
    for (Band band : Band.values()) {
      List<PipeSpec> specs = variants(band);
      double rise = specs.stream().mapToDouble(PipeSpec::topAboveZM).max().orElseThrow();
      double drop = specs.stream().mapToDouble(PipeSpec::bottomBelowZM).max().orElseThrow();
      double top = 0;
      for (PipeSpec p : specs) {
        for (String position : List.of("carriageway", "footway")) {
          top = Math.max(top, rules.cover(p, position).orElseThrow().requiredM() + MARGIN_M);
        }
      }
      for (Band above : Band.values()) {
        if (above.ordinal() < band.ordinal()) {
          top = Math.max(top, bottom.get(above) + verticalClearance(above, band, rules) + MARGIN_M);
        }
      }
      if (band.gravity()) {
        top += serviceRiseM();
      }
      double z = round(top + rise);
      this.top.put(band, z - rise);
      bottom.put(band, z + drop);
      depth.put(band, z);
    }
  }

  /**
   * How far a drainage service can rise above its main's level where it crosses other lines,
   * metres.
   */
  static double serviceRiseM() {
    return (ServiceLine.DRAIN_SLOPE + MAX_GROUND_SLOPE) * ServiceLine.MAX_DRAIN_LENGTH_M;
  }

  /** The surveyed depth of the band's lines (top or invert per the band), metres below ground. */
  public double depthM(Band band) {
    return depth.get(band);
  }

  /** Depth to the highest outer top of the band's sections, metres below ground. */
  double topDepthM(Band band) {
    return top.get(band);
  }

  /** Depth to the lowest outer bottom of the band's sections, metres below ground. */
  double bottomDepthM(Band band) {
    return bottom.get(band);
  }

  /** Every section a band's mains and services can have. */
  static List<PipeSpec> variants(Band band) {
    List<PipeSpec> out = new ArrayList<>(ServiceLine.variants(band));
    for (LineType type : LineType.values()) {
      if (type.band() == band) {
        for (RoadClass rc : RoadClass.values()) {
          out.addAll(type.variants(rc));
        }
      }
    }
    return out;
  }

  /** The largest vertical clearance the rules ask between any sections of two bands. */
  static double verticalClearance(Band a, Band b, RuleBook rules) {
    double worst = 0;
    for (PipeSpec p : variants(a)) {
      for (PipeSpec q : variants(b)) {
        worst =
            Math.max(
                worst,
                rules
                    .vertical(p, q)
                    .map(RuleBook.RuleMatch::requiredM)
                    .orElse(UNRULED_CLEARANCE_M));
      }
    }
    return worst;
  }

  private static double round(double m) {
    return Math.ceil(m * 100 - 1e-9) / 100;
  }
}
