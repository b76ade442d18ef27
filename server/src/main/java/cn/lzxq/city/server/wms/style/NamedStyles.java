package cn.lzxq.city.server.wms.style;

import static cn.lzxq.city.server.wms.style.Palette.hex;
import static cn.lzxq.city.server.wms.style.Palette.withOpacity;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.ortho.DomStore;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.Filter.CompareOp;
import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The named styles of each catalog layer, built from the code dictionaries: CJJ 61 network colours
 * with line width by DN, by material and by age for pipes; GB 50137 colours for zoning parcels;
 * operators for base stations and antenna sectors; road class with road-name labels; project
 * status. The first style of a layer is its default. Sizes are standard pixels.
 */
public final class NamedStyles {

  /** Pipe labels (DN, material) appear below this scale denominator. */
  public static final double PIPE_LABEL_SCALE = 2_000;

  /** Road names appear below this scale denominator. */
  public static final double ROAD_LABEL_SCALE = 25_000;

  /** Pipe points appear below this scale denominator. */
  public static final double POINT_SCALE = 10_000;

  private static final Color HALO = Color.WHITE;
  private static final Color DARK = hex("#333333");

  private final StyleDictionary dictionary;

  public NamedStyles(StyleDictionary dictionary) {
    this.dictionary = dictionary;
  }

  /** The styles of a catalog layer, default first. */
  public List<Style> of(Layer layer) {
    String name = layer.name();
    if (!layer.isVector()) {
      if (layer.table().equals(DomStore.TABLE)) {
        return List.of(image());
      }
      return "WLAN".equals(layer.fixedValues().get("operator"))
          ? List.of(wlanRssi(), wlanSnr())
          : List.of(coverageRsrp(), coverageSinr());
    }
    if (name.startsWith("pipe_") && !name.equals("pipe_point")) {
      String network = name.substring(5).toUpperCase();
      return List.of(pipesByNetwork(network), pipesByMaterial(network), pipesByAge(network));
    }
    return switch (name) {
      case "pipe_point" -> List.of(pipePoints());
      case "base_station" -> List.of(stationsByOperator());
      case "antenna_sector" -> List.of(sectorsByOperator());
      case "zoning_parcel" -> List.of(parcelsByLandUse());
      case "road" -> List.of(roadsByClass());
      case "construction_project" -> List.of(projectsByStatus());
      default -> List.of(plain(layer));
    };
  }

  /** The one style of an image layer (the orthophoto): its pixels as imported, no legend rules. */
  private static Style image() {
    return Style.of("default", "影像", "The image as imported", List.of());
  }

  /**
   * Best-server RSRP of a coverage raster in classes of the value {@code rsrp} (dBm per resource
   * element): the legend, and the colours the raster painter uses. At −110 dBm and above a cell
   * counts as covered by default.
   */
  private static Style coverageRsrp() {
    return Style.of(
        "rsrp",
        "参考信号接收功率 RSRP (dBm)",
        "Best-server RSRP per resource element, dBm",
        classes(
            "rsrp",
            " dBm",
            new double[] {-80, -90, -100, -110, -120},
            new String[] {"#1a9641", "#a6d96a", "#ffffbf", "#fdae61", "#f46d43", "#d7191c"}));
  }

  /**
   * The public WLAN's best RSSI in classes of the value {@code rssi} (dBm over the channel): at −75
   * dBm and above a cell counts as covered by default.
   */
  private static Style wlanRssi() {
    return Style.of(
        "rssi",
        "接收信号强度 RSSI (dBm)",
        "Best access point RSSI, dBm",
        classes(
            "rssi",
            " dBm",
            new double[] {-55, -65, -75, -85},
            new String[] {"#1a9641", "#a6d96a", "#ffffbf", "#fdae61", "#d7191c"}));
  }

  /** The public WLAN's SNR in classes of the value {@code snr} (dB). */
  private static Style wlanSnr() {
    return Style.of(
        "snr",
        "信噪比 SNR (dB)",
        "SNR of the best access point, dB",
        classes(
            "snr",
            " dB",
            new double[] {40, 25, 15, 10},
            new String[] {"#2b83ba", "#abdda4", "#ffffbf", "#fdae61", "#d7191c"}));
  }

  /** Best-server SINR of a coverage raster in classes of the value {@code sinr} (dB). */
  private static Style coverageSinr() {
    return Style.of(
        "sinr",
        "信干噪比 SINR (dB)",
        "SINR of the best server, dB",
        classes(
            "sinr",
            " dB",
            new double[] {20, 10, 3, 0, -3},
            new String[] {"#2b83ba", "#abdda4", "#ffffbf", "#fdae61", "#f46d43", "#d7191c"}));
  }

  /**
   * Rules for classes of a value, highest first: {@code ≥ limits[0]}, {@code [limits[i],
   * limits[i-1])}, and below the last limit.
   */
  private static List<Rule> classes(
      String property, String unit, double[] limits, String[] colors) {
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i <= limits.length; i++) {
      Filter lower =
          i < limits.length ? new Filter.Compare(CompareOp.GE, property, limits[i], true) : null;
      Filter upper = i > 0 ? new Filter.Compare(CompareOp.LT, property, limits[i - 1], true) : null;
      Filter f = lower == null ? upper : upper == null ? lower : Filter.and(List.of(lower, upper));
      String title =
          i == 0
              ? "≥ " + fmt(limits[0]) + unit
              : i == limits.length
                  ? "< " + fmt(limits[i - 1]) + unit
                  : fmt(limits[i]) + " – " + fmt(limits[i - 1]) + unit;
      Color c = withOpacity(hex(colors[i]), 0.7);
      rules.add(Rule.of(property + "_" + i, title, f, new Symbolizer.Polygon(c, null)));
    }
    return rules;
  }

  private static String fmt(double v) {
    return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
  }

  /**
   * The style of a layer without a named one: every feature in one grey symbol of its geometry
   * kind.
   */
  private static Style plain(Layer layer) {
    Color c = hex("#546e7a");
    Symbolizer s =
        switch (layer.geometryKind()) {
          case POINT -> mark("circle", 8, c, null);
          case LINE -> new Symbolizer.Line(Stroke.solid(c, 1.5));
          case POLYGON -> new Symbolizer.Polygon(withOpacity(c, 0.35), Stroke.solid(c, 1));
        };
    return new Style(
        "default",
        layer.titleZh(),
        layer.titleEn() + " in one symbol",
        List.of(List.of(Rule.of("all", layer.titleZh(), Filter.all(), s))));
  }

  private Style pipesByNetwork(String network) {
    Color c = dictionary.networkColor(network);
    List<Rule> rules = new ArrayList<>();
    int[][] classes = {{0, 200}, {200, 400}, {400, 800}, {800, Integer.MAX_VALUE}};
    double[] widths = {1.2, 2, 3, 4.5};
    for (int i = 0; i < classes.length; i++) {
      int lo = classes[i][0];
      int hi = classes[i][1];
      String title =
          hi == Integer.MAX_VALUE ? "DN≥" + lo : lo == 0 ? "DN<" + hi : "DN" + lo + "–" + (hi - 1);
      Filter f =
          Filter.and(
              List.of(
                  new Filter.Compare(CompareOp.GE, "dn_mm", lo, true),
                  new Filter.Compare(CompareOp.LT, "dn_mm", hi, true)));
      rules.add(Rule.of("dn_" + lo, title, f, new Symbolizer.Line(Stroke.solid(c, widths[i]))));
    }
    rules.add(
        elseRule("section", "断面/无管径", new Symbolizer.Line(new Stroke(c, 2, new float[] {6, 3}))));
    return new Style(
        "cjj61",
        "CJJ 61 管线类别配色（按管径线宽）",
        "CJJ 61-2017 Appendix B colour of the network; line width by nominal diameter DN; DN and material labels below 1:"
            + (int) PIPE_LABEL_SCALE,
        List.of(rules, pipeLabels()));
  }

  private List<Rule> pipeLabels() {
    Filter hasDn = new Filter.Not(new Filter.IsNull("dn_mm"));
    Rule dn =
        new Rule(
            "label_dn",
            "管径/材质标注",
            hasDn,
            false,
            0,
            PIPE_LABEL_SCALE,
            List.of(
                label(
                    9,
                    DARK,
                    1,
                    Expression.literal("DN"),
                    Expression.property("dn_mm"),
                    Expression.literal(" "),
                    Expression.property("material"))));
    Rule section =
        new Rule(
            "label_section",
            "断面/材质标注",
            new Filter.IsNull("dn_mm"),
            false,
            0,
            PIPE_LABEL_SCALE,
            List.of(
                label(
                    9,
                    DARK,
                    1,
                    Expression.property("width_mm"),
                    Expression.literal("×"),
                    Expression.property("height_mm"),
                    Expression.literal(" "),
                    Expression.property("material"))));
    return List.of(dn, section);
  }

  private Style pipesByMaterial(String network) {
    List<Rule> rules = new ArrayList<>();
    int i = 0;
    for (StyleDictionary.Material m : dictionary.materials()) {
      if (m.networks().contains(network)) {
        rules.add(
            Rule.of(
                "material_" + m.code(),
                m.nameZh(),
                new Filter.Compare(CompareOp.EQ, "material", m.code(), true),
                new Symbolizer.Line(Stroke.solid(Palette.category(i++), 2))));
      }
    }
    rules.add(
        elseRule(
            "material_unknown", "其他/未知材质", new Symbolizer.Line(Stroke.solid(Palette.OTHER, 1.5))));
    return new Style(
        "material",
        "按材质",
        "Pipes coloured by material (CJJ 61 material codes)",
        List.of(rules, pipeLabels()));
  }

  private Style pipesByAge(String network) {
    String[] titles = {"1990年以前", "1990–1999年", "2000–2009年", "2010–2019年", "2020年以后"};
    int[] bounds = {Integer.MIN_VALUE, 1990, 2000, 2010, 2020, Integer.MAX_VALUE};
    Color[] colors = {
      hex("#7f0000"), hex("#d7301f"), hex("#fc8d59"), hex("#78c679"), hex("#238443")
    };
    List<Rule> rules = new ArrayList<>();
    for (int i = 0; i < titles.length; i++) {
      Filter f =
          Filter.and(
              List.of(
                  new Filter.Compare(CompareOp.GE, "build_year", bounds[i], true),
                  new Filter.Compare(CompareOp.LT, "build_year", bounds[i + 1], true)));
      rules.add(Rule.of("age_" + i, titles[i], f, new Symbolizer.Line(Stroke.solid(colors[i], 2))));
    }
    rules.add(
        elseRule("age_unknown", "年代不详", new Symbolizer.Line(Stroke.solid(Palette.OTHER, 1.5))));
    return new Style(
        "age",
        "按建设年代",
        "Pipes coloured by construction year (network " + network + ")",
        List.of(rules, pipeLabels()));
  }

  private Style pipePoints() {
    List<Rule> rules = new ArrayList<>();
    for (StyleDictionary.Entry n : dictionary.networks()) {
      rules.add(
          new Rule(
              "network_" + n.code(),
              n.nameZh() + "管线点",
              new Filter.Compare(CompareOp.EQ, "network", n.code(), true),
              false,
              0,
              POINT_SCALE,
              List.of(mark("circle", 5, n.color(), null))));
    }
    return Style.of(
        "cjj61",
        "CJJ 61 管线点",
        "Pipe points in the CJJ 61 colour of their network, below 1:" + (int) POINT_SCALE,
        rules);
  }

  private Style stationsByOperator() {
    List<Rule> rules = new ArrayList<>();
    rules.add(
        Rule.of(
            "shared",
            "共享站址",
            new Filter.Compare(CompareOp.NE, "sharing_status", "sole", true),
            mark("square", 9, hex("#7b1fa2"), null)));
    int i = 0;
    for (StyleDictionary.Entry op : dictionary.operators()) {
      Filter f =
          Filter.and(
              List.of(
                  new Filter.Compare(CompareOp.EQ, "sharing_status", "sole", true),
                  new Filter.Like("tenants", "%" + op.code() + "%", true)));
      rules.add(
          Rule.of(
              "operator_" + op.code(),
              op.nameZh() + "独享",
              f,
              mark("circle", 8, operatorColor(op, i++), null)));
    }
    rules.add(elseRule("other", "其他", mark("circle", 7, Palette.OTHER, null)));
    Rule names =
        new Rule(
            "label_name",
            "站址名称",
            Filter.all(),
            false,
            0,
            5_000,
            List.of(
                new Symbolizer.Text(
                    List.of(Expression.property("site_name")), 10, DARK, HALO, 1.5, false, 2)));
    return new Style(
        "operator",
        "按运营商",
        "Base-station sites: shared sites, and single-operator sites by operator",
        List.of(rules, List.of(names)));
  }

  private Style sectorsByOperator() {
    List<Rule> rules = new ArrayList<>();
    int i = 0;
    for (StyleDictionary.Entry op : dictionary.operators()) {
      Color c = withOpacity(operatorColor(op, i++), 0.8);
      rules.add(
          Rule.of(
              "operator_" + op.code(),
              op.nameZh(),
              new Filter.Compare(CompareOp.EQ, "operator", op.code(), true),
              new Symbolizer.Point(
                  "sector",
                  16,
                  c,
                  Stroke.solid(Color.WHITE, 0.5),
                  Expression.property("azimuth_deg"))));
    }
    rules.add(
        elseRule(
            "other",
            "其他运营商",
            new Symbolizer.Point(
                "sector",
                16,
                withOpacity(Palette.OTHER, 0.8),
                null,
                Expression.property("azimuth_deg"))));
    return Style.of(
        "operator",
        "按运营商",
        "Antenna sectors as wedges pointing along the azimuth, coloured by operator",
        rules);
  }

  private static Color operatorColor(StyleDictionary.Entry op, int i) {
    return Palette.OPERATORS.getOrDefault(op.code(), Palette.category(i));
  }

  /**
   * One rule per GB 50137 class: a parcel takes the colour of the most specific class in the
   * dictionary that its code starts with (R21 → R2 → R).
   */
  private Style parcelsByLandUse() {
    List<Rule> rules = new ArrayList<>();
    Stroke outline = Stroke.solid(hex("#666666"), 0.5);
    for (StyleDictionary.LandUse u : dictionary.landUses()) {
      List<Filter> parts = new ArrayList<>();
      parts.add(new Filter.Like("land_use_code", u.code() + "%", true));
      for (StyleDictionary.LandUse child : dictionary.landUses()) {
        if (u.code().equals(child.parent())) {
          parts.add(new Filter.Not(new Filter.Like("land_use_code", child.code() + "%", true)));
        }
      }
      rules.add(
          Rule.of(
              "landuse_" + u.code(),
              u.code() + " " + u.nameZh(),
              Filter.and(parts),
              new Symbolizer.Polygon(withOpacity(u.color(), 0.8), outline)));
    }
    rules.add(
        elseRule(
            "landuse_other",
            "其他用地",
            new Symbolizer.Polygon(withOpacity(Palette.OTHER, 0.5), outline)));
    Rule labels =
        new Rule(
            "label_code",
            "用地代码",
            Filter.all(),
            false,
            0,
            5_000,
            List.of(
                new Symbolizer.Text(
                    List.of(Expression.property("land_use_code")), 10, DARK, HALO, 1.5, false, 1)));
    return new Style(
        "gb50137",
        "GB 50137 用地分类配色",
        "Zoning parcels in the planning colours of their GB 50137-2011 class",
        List.of(rules, List.of(labels)));
  }

  private Style roadsByClass() {
    String[][] classes = {
      {"expressway", "快速路", "#f9a825", "6"},
      {"arterial", "主干路", "#ffcc80", "5"},
      {"secondary", "次干路", "#bdbdbd", "3.5"},
      {"branch", "支路", "#d6d6d6", "2"}
    };
    List<Rule> rules = new ArrayList<>();
    List<Rule> labels = new ArrayList<>();
    for (int i = 0; i < classes.length; i++) {
      String[] k = classes[i];
      Filter f = new Filter.Compare(CompareOp.EQ, "road_class", k[0], true);
      rules.add(
          Rule.of(
              "class_" + k[0],
              k[1],
              f,
              new Symbolizer.Line(Stroke.solid(hex(k[2]), Double.parseDouble(k[3])))));
      labels.add(
          new Rule(
              "label_" + k[0],
              k[1] + "名称",
              f,
              false,
              0,
              ROAD_LABEL_SCALE,
              List.of(
                  new Symbolizer.Text(
                      List.of(Expression.property("name")),
                      11,
                      hex("#212121"),
                      HALO,
                      2,
                      true,
                      10 - i))));
    }
    return new Style(
        "road_class",
        "按道路等级",
        "Road centrelines by class, with road names below 1:" + (int) ROAD_LABEL_SCALE,
        List.of(rules, labels));
  }

  private Style projectsByStatus() {
    String[][] states = {
      {"planned", "计划", "#fbc02d"},
      {"approved", "已批复", "#ef6c00"},
      {"in_progress", "在建", "#d32f2f"},
      {"completed", "已完工", "#757575"},
      {"cancelled", "已取消", "#bdbdbd"}
    };
    List<Rule> rules = new ArrayList<>();
    for (String[] s : states) {
      Color c = hex(s[2]);
      rules.add(
          Rule.of(
              "status_" + s[0],
              s[1],
              new Filter.Compare(CompareOp.EQ, "status", s[0], true),
              new Symbolizer.Polygon(
                  withOpacity(c, 0.35), new Stroke(c, 1.5, new float[] {6, 3}))));
    }
    Rule names =
        new Rule(
            "label_name",
            "项目名称",
            Filter.all(),
            false,
            0,
            10_000,
            List.of(
                new Symbolizer.Text(
                    List.of(Expression.property("name")), 10, DARK, HALO, 1.5, false, 3)));
    return new Style(
        "status",
        "按项目状态",
        "Construction projects by status (planned, approved, in progress…)",
        List.of(rules, List.of(names)));
  }

  private static Rule elseRule(String name, String title, Symbolizer s) {
    return new Rule(name, title, Filter.all(), true, 0, Double.POSITIVE_INFINITY, List.of(s));
  }

  private static Symbolizer.Point mark(String mark, double size, Color fill, Expression rotation) {
    return new Symbolizer.Point(mark, size, fill, Stroke.solid(Color.WHITE, 0.8), rotation);
  }

  private static Symbolizer.Text label(
      double size, Color fill, double priority, Expression... parts) {
    return new Symbolizer.Text(List.of(parts), size, fill, HALO, 1.5, true, priority);
  }
}
