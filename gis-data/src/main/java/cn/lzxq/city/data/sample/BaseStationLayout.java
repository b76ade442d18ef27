package cn.lzxq.city.data.sample;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Places the base-station sites: one in every other block (a checkerboard, so neighbouring sites
 * are 230–500 m apart), on a parcel that is not EMF-sensitive, at least {@value #PARCEL_MARGIN_M} m
 * inside it and within {@value #CENTRE_BOX_M} m of the block centre. Towers belong to 中国铁塔 and
 * carry one to three operators with three sectors each; near a planted cellular hole ({@link
 * CellularHoles}) without the hole's operator.
 */
final class BaseStationLayout {

  /**
   * Least distance from a tower to the edge of its parcel, metres (more than the 22 m EMF
   * protection distance).
   */
  static final double PARCEL_MARGIN_M = 30;

  /** Largest offset of a tower from its block centre along each axis, metres. */
  static final double CENTRE_BOX_M = 45;

  /** Area types by distance from the centre, metres. */
  static final double DENSE_URBAN_M = 1_000;

  static final double URBAN_M = 4_000;
  static final double SUBURBAN_M = 12_000;

  private static final String[] OPERATORS = {"CMCC", "CTCC", "CUCC", "CBN"};

  private final SampleModel model;

  BaseStationLayout(SampleModel model) {
    this.model = model;
  }

  /** Every site: the regular ones block by block, then the planted ones. */
  List<BaseStation> sites() {
    List<BaseStation> out = new ArrayList<>();
    for (RoadGrid.Block block : model.grid().blocks()) {
      double[] xy = position(block);
      if (xy != null) {
        out.add(site(block, xy[0], xy[1], 1, false));
      }
    }
    out.addAll(model.defects().sites());
    return out;
  }

  /** The regular site position of a block, or null when it has none. */
  double[] position(RoadGrid.Block block) {
    if (!block.siteBlock()) {
      return null;
    }
    SplittableRandom r = Rand.of(model.seed(), 60, block.col(), block.row());
    double cx = (block.x0() + block.x1()) / 2;
    double cy = (block.y0() + block.y1()) / 2;
    for (Parcel p : model.parcelLayout().parcels(block)) {
      if (p.use().emfSensitive()) {
        continue;
      }
      double xLo = Math.max(p.x0() + PARCEL_MARGIN_M, cx - CENTRE_BOX_M);
      double xHi = Math.min(p.x1() - PARCEL_MARGIN_M, cx + CENTRE_BOX_M);
      double yLo = Math.max(p.y0() + PARCEL_MARGIN_M, cy - CENTRE_BOX_M);
      double yHi = Math.min(p.y1() - PARCEL_MARGIN_M, cy + CENTRE_BOX_M);
      if (xLo <= xHi && yLo <= yHi) {
        return new double[] {
          Xyz.round(Rand.between(r, xLo, xHi)), Xyz.round(Rand.between(r, yLo, yHi))
        };
      }
    }
    return null;
  }

  /** The area type at a point. */
  static String areaType(double x, double y) {
    double d = Math.hypot(x - NewAreaFrame.CENTRE_X, y - NewAreaFrame.CENTRE_Y);
    return d <= DENSE_URBAN_M
        ? "dense_urban"
        : d <= URBAN_M ? "urban" : d <= SUBURBAN_M ? "suburban" : "rural";
  }

  /**
   * A site in a block; {@code n} numbers the sites of a block from 1; planted sites are never
   * 'planned'.
   */
  BaseStation site(RoadGrid.Block block, double x, double y, int n, boolean planted) {
    SplittableRandom r = Rand.of(model.seed(), 61, block.col(), block.row(), n);
    String area = areaType(x, y);
    String[] types =
        switch (area) {
          case "dense_urban" -> new String[] {"景观塔", "单管塔", "灯杆"};
          case "urban" -> new String[] {"单管塔", "单管塔", "三管塔"};
          default -> new String[] {"角钢塔", "三管塔"};
        };
    String type = Rand.pick(r, types);
    double height =
        switch (type) {
          case "灯杆" -> 15 + r.nextInt(6);
          case "景观塔" -> 25 + r.nextInt(11);
          case "角钢塔" -> 40 + r.nextInt(11);
          default -> 30 + 5 * r.nextInt(4);
        };
    double u = r.nextDouble();
    int drawnCount = type.equals("灯杆") ? 1 : u < 0.3 ? 1 : u < 0.75 ? 2 : 3;
    List<String> drawn = new ArrayList<>(List.of(OPERATORS));
    while (drawn.size() > drawnCount) {
      drawn.remove(drawn.size() == 4 && r.nextDouble() < 0.7 ? 3 : r.nextInt(drawn.size()));
    }
    List<String> tenants = CellularHoles.tenants(model.grid(), drawn, List.of(OPERATORS), x, y);
    int tenantCount = tenants.size();
    double distance = Math.hypot(x - NewAreaFrame.CENTRE_X, y - NewAreaFrame.CENTRE_Y);
    boolean planned = !planted && r.nextDouble() < 0.04;
    int year =
        planned
            ? 2027
            : Math.min(
                2025, (distance <= 2_000 ? 2014 : distance <= 6_000 ? 2016 : 2019) + r.nextInt(7));
    LocalDate built = LocalDate.of(year, 3, 1).plusDays(r.nextInt(250));
    String code = String.format("XQ-%s%s-%d", block.west().code(), block.south().code(), n);
    String name = block.west().name() + block.south().name() + (n == 1 ? "东北站" : "新建" + n + "站");
    String address = "兰州新区" + block.west().name() + "与" + block.south().name() + "交叉口东北侧";
    return new BaseStation(
        0,
        code,
        name,
        area,
        address,
        type,
        height,
        tenantCount,
        "sole shared2 shared3".split(" ")[tenantCount - 1],
        tenants,
        "CTTC",
        year,
        planned ? "planned" : "in_use",
        built,
        Xyz.mm(x, y, NewAreaFrame.groundElevation(x, y)));
  }

  /** Three sectors per tenant, the first tenant on the top platform and each next one 3 m lower. */
  List<AntennaSector> sectors(BaseStation site) {
    SplittableRandom r = Rand.of(model.seed(), 62, site.siteCode().hashCode());
    double rotation = Rand.between(r, -10, 10);
    List<AntennaSector> out = new ArrayList<>();
    for (int t = 0; t < site.tenants().size(); t++) {
      String operator = site.tenants().get(t);
      double height = site.towerHeightM() - 1 - 3 * t;
      double offset = Rand.between(r, -5, 5);
      for (int s = 0; s < 3; s++) {
        double azimuth = Math.floorMod(Math.round((rotation + offset + 120 * s) * 10), 3600) / 10.0;
        double mech = Math.round(Rand.between(r, 0, 6));
        double elec = Math.round(Rand.between(r, 3, 6));
        boolean lowBand = operator.equals("CBN");
        double gain = lowBand ? 17.0 : 24.0;
        double[] xy = {
          site.position().x() + 0.6 * Math.sin(Math.toRadians(azimuth)),
          site.position().y() + 0.6 * Math.cos(Math.toRadians(azimuth))
        };
        out.add(
            new AntennaSector(
                0,
                site.siteCode(),
                out.size() + 1,
                operator,
                "NR",
                band(operator),
                frequency(operator),
                azimuth,
                mech,
                elec,
                height,
                65,
                lowBand ? 10 : 6.5,
                gain,
                Math.round((53.0 + gain - 0.5) * 10) / 10.0,
                site.status(),
                site.validFrom(),
                Xyz.mm(xy[0], xy[1], site.position().z() + height)));
      }
    }
    return out;
  }

  private static String band(String operator) {
    return switch (operator) {
      case "CMCC" -> "n41";
      case "CBN" -> "n28";
      default -> "n78";
    };
  }

  private static double frequency(String operator) {
    return switch (operator) {
      case "CMCC" -> 2565.0;
      case "CTCC" -> 3450.0;
      case "CUCC" -> 3550.0;
      default -> 773.0;
    };
  }
}
