package cn.lzxq.city.server.wms.style;

import java.awt.Color;
import java.util.List;
import java.util.Map;

/** Colours the named styles use where no standard defines one. */
public final class Palette {

  /** Distinct colours for categories without a standard colour (materials, unknown operators). */
  public static final List<Color> CATEGORICAL =
      List.of(
          hex("#1f77b4"),
          hex("#ff7f0e"),
          hex("#2ca02c"),
          hex("#d62728"),
          hex("#9467bd"),
          hex("#8c564b"),
          hex("#e377c2"),
          hex("#7f7f7f"),
          hex("#bcbd22"),
          hex("#17becf"),
          hex("#393b79"),
          hex("#637939"),
          hex("#8c6d31"),
          hex("#843c39"),
          hex("#7b4173"),
          hex("#3182bd"));

  /** Brand colours of the mobile operators by organisation code. */
  public static final Map<String, Color> OPERATORS =
      Map.of(
          "CMCC",
          hex("#0085d0"),
          "CUCC",
          hex("#e60012"),
          "CTCC",
          hex("#1f3f99"),
          "CBN",
          hex("#1d953f"));

  /** Grey for "other" and "unknown" rules. */
  public static final Color OTHER = hex("#9e9e9e");

  private Palette() {}

  /** A colour from {@code #rrggbb}. */
  public static Color hex(String rgb) {
    return Color.decode(rgb);
  }

  /** The colour with an opacity in [0, 1]. */
  public static Color withOpacity(Color c, double opacity) {
    return new Color(
        c.getRed(),
        c.getGreen(),
        c.getBlue(),
        (int) Math.round(Math.max(0, Math.min(1, opacity)) * 255));
  }

  /** The i-th categorical colour, cycling. */
  public static Color category(int i) {
    return CATEGORICAL.get(Math.floorMod(i, CATEGORICAL.size()));
  }
}
