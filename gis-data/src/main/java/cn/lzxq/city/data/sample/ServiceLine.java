package cn.lzxq.city.data.sample;

import java.util.List;

/**
 * Service connections (接户管) from a main to a parcel's red line: the section per band. Gas services
 * keep their main's pressure class; drainage services fall to the main at {@value #DRAIN_SLOPE} and
 * are laid only where they are at most {@value #MAX_DRAIN_LENGTH_M} m long.
 */
final class ServiceLine {

  /** Fall of a drainage service towards its main (GB 50014 connector minimum for DN200 is 0.01). */
  static final double DRAIN_SLOPE = 0.01;

  /**
   * Longest drainage service, metres (a longer one would rise too far over the lines it crosses).
   */
  static final double MAX_DRAIN_LENGTH_M = 14;

  private ServiceLine() {}

  /** The CJJ 61 laying code of a service on a band. */
  static String laying(Band band) {
    return band == Band.DL || band == Band.TX ? "GM" : "ZM";
  }

  /** The section of a service on a band; {@code pressureClass} is its main's (gas only). */
  static PipeSpec spec(Band band, String pressureClass) {
    String lc = LineType.layingClass(laying(band));
    return switch (band) {
      case JS -> PipeSpec.round("JS", "JP", null, 100, lc, "PE");
      case RQ -> PipeSpec.round("RQ", "TR", pressureClass, 90, lc, "PE");
      case RL -> PipeSpec.round("RL", "RS", null, 100, lc, "G");
      case DL -> PipeSpec.round("DL", "GD", null, 150, lc, "PE");
      case TX -> PipeSpec.round("TX", "XX", null, 110, lc, "PVC");
      case YS -> PipeSpec.round("PS", "YS", null, 300, lc, "PVC");
      case WS -> PipeSpec.round("PS", "WS", null, 300, lc, "PVC");
    };
  }

  /** Every section a service on the band can have. */
  static List<PipeSpec> variants(Band band) {
    return band == Band.RQ
        ? List.of(spec(band, "MA"), spec(band, "MB"))
        : List.of(spec(band, null));
  }
}
