package cn.lzxq.city.data.sample;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the generators of one sample share: scale, seed, grid, rules, depth plan, the roads'
 * cross-sections, the parcel layout, build dates and the planted defects.
 */
final class SampleModel {

  private final SampleScale scale;
  private final long seed;
  private final RoadGrid grid;
  private final RuleBook rules;
  private final DepthPlan depths;
  private final Map<String, CrossSection> sections = new HashMap<>();
  private final ParcelLayout parcels;
  private final BuildDates dates;
  private final ServicePlan services;
  private final PointNumbering numbering;
  private final DefectPlanter defects;

  SampleModel(SampleScale scale, long seed) {
    this.scale = scale;
    this.seed = seed;
    this.grid = new RoadGrid(scale);
    this.rules = RuleBook.fromMigration();
    this.depths = new DepthPlan(rules);
    this.parcels = new ParcelLayout(seed);
    this.dates = new BuildDates(seed);
    this.services = new ServicePlan(this);
    this.numbering = new PointNumbering(this);
    this.defects = new DefectPlanter(this);
  }

  SampleScale scale() {
    return scale;
  }

  long seed() {
    return seed;
  }

  RoadGrid grid() {
    return grid;
  }

  RuleBook rules() {
    return rules;
  }

  DepthPlan depthPlan() {
    return depths;
  }

  /** The surveyed depth of a band's mains, metres. */
  double depth(Band band) {
    return depths.depthM(band);
  }

  BuildDates dates() {
    return dates;
  }

  ServicePlan services() {
    return services;
  }

  /**
   * Junction numbers (the formula part of the numbering; passes use their own counters for the
   * rest).
   */
  PointNumbering numbering() {
    return numbering;
  }

  DefectPlanter defects() {
    return defects;
  }

  ParcelLayout parcelLayout() {
    return parcels;
  }

  /** The cross-section of a road. */
  CrossSection section(Road road) {
    return sections.computeIfAbsent(
        road.axis() + ":" + road.index(), k -> CrossSection.plan(road, rules));
  }

  /**
   * The section of a main in the cell of a crossing road: trunks shrink away from the centre,
   * drainage grows downstream (south and west), distribution sections alternate by road.
   */
  PipeSpec mainSpec(Road road, CrossSection.LaidLine line, Road crossing) {
    int rank;
    if (line.type().trunk()) {
      rank = Math.abs(crossing.index());
    } else if (line.band().gravity()) {
      rank = grid.crossing(road).size() - 1 - grid.local(crossing);
    } else {
      rank = Math.floorMod(road.index(), 2);
    }
    return line.type().spec(road.roadClass(), rank);
  }

  /** The parcels that take their services from an edge, both sides. */
  List<Parcel> frontingParcels(RoadGrid.Edge edge) {
    Road road = edge.road();
    int local = grid.local(road);
    int k = edge.k();
    int[][] sides =
        road.axis() == Road.Axis.NS
            ? new int[][] {{local - 1, k}, {local, k}}
            : new int[][] {{k, local - 1}, {k, local}};
    List<Parcel> out = new ArrayList<>();
    for (int[] ij : sides) {
      RoadGrid.Block block = grid.block(ij[0], ij[1]);
      if (block != null) {
        parcels.parcels(block).stream().filter(p -> p.frontage().equals(road)).forEach(out::add);
      }
    }
    return out;
  }
}
