package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The high-voltage towers of the sample: a 110 kV line (兰新110kV线, 国网兰州新区供电公司) with one tower at the
 * centre of each green parcel (G: no buildings) of the {@value #TOWERS} blocks without a
 * base-station site nearest the centre that have one, each on a square foundation of {@value
 * #FOUNDATION_M} m. Green parcels lie at least the setback inside their block, so no main, service
 * or kerb comes within the largest tower rule (5 m) of a foundation; only planted pipes do ({@link
 * DefectPlanter}).
 */
final class PowerTowerLayout {

  /** How many towers the line has at most. */
  static final int TOWERS = 6;

  /** Side of a tower's square foundation, metres. */
  static final double FOUNDATION_M = 6;

  private final SampleModel model;

  PowerTowerLayout(SampleModel model) {
    this.model = model;
  }

  /** The towers, nearest the centre first, without fids. */
  List<SamplePowerTower> towers() {
    List<RoadGrid.Block> blocks = new ArrayList<>(model.grid().blocks());
    blocks.sort(Comparator.comparingDouble(RoadGrid.Block::distanceFromCentre));
    List<SamplePowerTower> out = new ArrayList<>();
    for (RoadGrid.Block b : blocks) {
      if (b.siteBlock() || DefectPlanter.fixedLayout(b) != null) {
        continue;
      }
      for (Parcel p : model.parcelLayout().parcels(b)) {
        if (out.size() == TOWERS) {
          return out;
        }
        if (p.use().code().startsWith("G")) {
          double x = Xyz.round((p.x0() + p.x1()) / 2);
          double y = Xyz.round((p.y0() + p.y1()) / 2);
          double h = FOUNDATION_M / 2;
          out.add(
              new SamplePowerTower(
                  0,
                  String.format("LX110-%03d", out.size() + 1),
                  "兰新110kV线",
                  110,
                  36,
                  Band.DL.owner(),
                  LocalDate.of(2015, 5, 1),
                  Corridor.rectangle(x - h, y - h, x + h, y + h)));
          break;
        }
      }
    }
    return out;
  }
}
