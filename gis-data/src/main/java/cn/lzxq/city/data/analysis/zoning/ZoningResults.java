package cn.lzxq.city.data.analysis.zoning;

import java.time.Instant;
import java.util.List;

/** Answers of the zoning queries. */
public final class ZoningResults {

  private ZoningResults() {}

  /** The parcel at a point (null parcel: none there). */
  public record ParcelAt(Instant asOf, ParcelInfo parcel) {}

  /** What lies inside a parcel. */
  public record Contents(Instant asOf, ParcelInfo parcel, List<ParcelContent> contents) {}

  /**
   * Zoning compliance of a scope: the parcels and buildings checked and every breach, by kind and
   * code.
   */
  public record Compliance(
      Instant asOf, long parcelsChecked, long buildingsChecked, List<ComplianceFinding> findings) {}

  /** Land-use statistics of a scope; totalAreaM2 in m². */
  public record Statistics(Instant asOf, double totalAreaM2, List<LandUseStat> classes) {}
}
