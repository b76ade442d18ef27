package cn.lzxq.city.data.sample;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The planted base-station defects: sites too close to an existing site (per site_rule
 * min_site_spacing_m of their area type) and towers at or near an EMF-sensitive parcel (inside the
 * site_rule emf_sensitive_protection_m distance).
 */
final class SiteDefects {

  /**
   * Largest offset of a planted site from its block centre along each axis, metres: wider than the
   * regular sites' box, still keeping 200 m to the sites of the neighbouring blocks.
   */
  static final double PLANTED_BOX_M = 55;

  private final SampleModel model;
  private final BaseStationLayout layout;
  private final List<PlantedDefect> designs;
  private final List<BaseStation> sites;

  SiteDefects(SampleModel model, List<PlantedDefect> designs, List<BaseStation> sites) {
    this.model = model;
    this.layout = new BaseStationLayout(model);
    this.designs = designs;
    this.sites = sites;
  }

  void plant() {
    tooClose("S1", "dense_urban", 60);
    tooClose("S2", "urban", 80);
    RoadGrid grid = model.grid();
    RoadGrid.Block e1 = block(grid, DefectPlanter.E1_BLOCK);
    RoadGrid.Block e2 = block(grid, DefectPlanter.E2_BLOCK);
    double[] c1 = centre(e1);
    double[] c2 = centre(e2);
    nearSensitive("E1", e1, c1[0] - 12, c1[1] - 12);
    nearSensitive("E2", e2, c2[0] + 12, c2[1] - 14);
  }

  /**
   * A second site {@code distance} metres from the regular site of the nearest block of an area
   * type that has room.
   */
  private void tooClose(String id, String areaType, double distance) {
    List<RoadGrid.Block> blocks = new ArrayList<>(model.grid().blocks());
    blocks.sort(Comparator.comparingDouble(RoadGrid.Block::distanceFromCentre));
    for (RoadGrid.Block b : blocks) {
      double[] xy = layout.position(b);
      if (xy == null || !BaseStationLayout.areaType(xy[0], xy[1]).equals(areaType)) {
        continue;
      }
      double[] c = centre(b);
      Parcel parcel = parcelAt(b, xy[0], xy[1]);
      for (double[] step :
          new double[][] {
            {xy[0] <= c[0] ? distance : -distance, 0}, {0, xy[1] <= c[1] ? distance : -distance}
          }) {
        double x = xy[0] + step[0];
        double y = xy[1] + step[1];
        if (parcel.contains(x, y, BaseStationLayout.PARCEL_MARGIN_M)
            && Math.abs(x - c[0]) <= PLANTED_BOX_M
            && Math.abs(y - c[1]) <= PLANTED_BOX_M
            && areaType.equals(BaseStationLayout.areaType(x, y))) {
          BaseStation site = layout.site(b, x, y, 2, true);
          sites.add(site);
          BaseStation existing = layout.site(b, xy[0], xy[1], 1, false);
          RuleBook.RuleMatch rule = model.rules().siteRule("min_site_spacing_m", areaType);
          designs.add(
              new PlantedDefect(
                  id,
                  "site_spacing",
                  "base_station",
                  List.of(),
                  List.of(),
                  List.of(existing.siteCode(), site.siteCode()),
                  "site_rule",
                  rule.ruleId(),
                  distance,
                  rule.requiredM(),
                  x,
                  y,
                  "new "
                      + areaType
                      + " site "
                      + distance
                      + " m from the site of block "
                      + b.west().name()
                      + "/"
                      + b.south().name()));
          return;
        }
      }
    }
    throw new IllegalStateException("no " + areaType + " block with room for defect " + id);
  }

  private void nearSensitive(String id, RoadGrid.Block block, double x, double y) {
    BaseStation site = layout.site(block, Xyz.round(x), Xyz.round(y), 1, true);
    sites.add(site);
    Parcel nearest =
        model.parcelLayout().parcels(block).stream()
            .filter(p -> p.use().emfSensitive())
            .min(Comparator.comparingDouble(p -> p.distanceTo(x, y)))
            .orElseThrow();
    RuleBook.RuleMatch rule = model.rules().siteRule("emf_sensitive_protection_m", null);
    double measured = Xyz.round(nearest.distanceTo(x, y));
    designs.add(
        new PlantedDefect(
            id,
            "emf_sensitive_parcel",
            "base_station",
            List.of(),
            List.of(),
            List.of(site.siteCode()),
            "site_rule",
            rule.ruleId(),
            measured,
            rule.requiredM(),
            Xyz.round(x),
            Xyz.round(y),
            "tower "
                + (measured == 0 ? "inside" : measured + " m from")
                + " "
                + nearest.use().code()
                + " parcel "
                + nearest.code()));
  }

  private Parcel parcelAt(RoadGrid.Block b, double x, double y) {
    return model.parcelLayout().parcels(b).stream()
        .filter(p -> p.contains(x, y, 0))
        .findFirst()
        .orElseThrow();
  }

  private static RoadGrid.Block block(RoadGrid grid, int[] colRow) {
    return grid.blocks().stream()
        .filter(b -> b.col() == colRow[0] && b.row() == colRow[1])
        .findFirst()
        .orElseThrow();
  }

  private static double[] centre(RoadGrid.Block b) {
    return new double[] {(b.x0() + b.x1()) / 2, (b.y0() + b.y1()) / 2};
  }
}
