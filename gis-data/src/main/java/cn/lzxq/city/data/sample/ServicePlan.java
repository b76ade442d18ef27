package cn.lzxq.city.data.sample;

import java.util.ArrayList;
import java.util.List;

/**
 * Which service connections leave the mains of an edge: every parcel fronting the edge gets one per
 * band (power, telecom, water, gas, heat, sewer, storm) from the band's main nearest to its side,
 * at successive stations of its side's parity (even stations west or south, odd east or north)
 * within its frontage, as far as its frontage has room.
 */
final class ServicePlan {

  /** The bands in the order a parcel's services take stations. */
  static final Band[] ORDER = {Band.DL, Band.TX, Band.JS, Band.RQ, Band.RL, Band.WS, Band.YS};

  /** Clear distance between a service and the ends of its parcel's frontage, metres. */
  static final double FRONTAGE_MARGIN_M = 4;

  /**
   * One service connection.
   *
   * @param band its band
   * @param main the main it leaves
   * @param parcel the parcel it serves
   * @param station station index on the edge
   * @param along along-road coordinate, metres
   * @param ordinal its number among the edge's services, from 0
   */
  record Service(
      Band band,
      CrossSection.LaidLine main,
      Parcel parcel,
      int station,
      double along,
      int ordinal) {
    /** Length from the main to the parcel's red line, metres. */
    double lengthM() {
      return Math.abs(parcel.frontageSide() * parcel.frontage().halfWidthM() - main.offsetM());
    }
  }

  private final SampleModel model;

  ServicePlan(SampleModel model) {
    this.model = model;
  }

  /** The services of an edge, by station. */
  List<Service> services(RoadGrid.Edge edge) {
    List<Service> out = new ArrayList<>();
    if (model.defects().serviceFree(edge)) {
      return out;
    }
    EdgeFrame frame = EdgeFrame.of(edge);
    CrossSection section = model.section(edge.road());
    for (Parcel parcel : model.frontingParcels(edge)) {
      int side = parcel.frontageSide();
      double[] range = parcel.frontageRange();
      int t = side < 0 ? 0 : 1;
      for (Band band : ORDER) {
        List<CrossSection.LaidLine> mains = section.lines(band);
        CrossSection.LaidLine main = side < 0 ? mains.get(0) : mains.get(mains.size() - 1);
        Service s = null;
        while (t < frame.k() && s == null) {
          double along = frame.station(t);
          if (along > range[1] - FRONTAGE_MARGIN_M) {
            break;
          }
          if (along >= range[0] + FRONTAGE_MARGIN_M) {
            s = new Service(band, main, parcel, t, along, out.size());
          }
          t += 2;
        }
        if (s == null) {
          break;
        }
        if (band.gravity() && s.lengthM() > ServiceLine.MAX_DRAIN_LENGTH_M) {
          t -= 2;
          continue;
        }
        out.add(s);
      }
    }
    out.sort((a, b) -> Integer.compare(a.station(), b.station()));
    return List.copyOf(renumber(out));
  }

  private static List<Service> renumber(List<Service> services) {
    List<Service> out = new ArrayList<>();
    for (Service s : services) {
      out.add(new Service(s.band(), s.main(), s.parcel(), s.station(), s.along(), out.size()));
    }
    return out;
  }
}
