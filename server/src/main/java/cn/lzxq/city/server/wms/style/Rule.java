package cn.lzxq.city.server.wms.style;

import cn.lzxq.city.data.query.Filter;
import java.util.List;

/**
 * A style rule: which features (filter, or the SLD ElseFilter), at which scales (the scale
 * denominator in [minScale, maxScale)), drawn with which symbolizers.
 *
 * @param name machine name (GetLegendGraphic RULE)
 * @param title Chinese title shown in legends
 * @param filter attribute filter, evaluated in memory
 * @param elseFilter the rule applies to features no other rule of its feature type style matched
 * @param minScale smallest scale denominator the rule draws at (inclusive)
 * @param maxScale scale denominator from which the rule no longer draws (exclusive)
 * @param symbolizers what is drawn, in order
 */
public record Rule(
    String name,
    String title,
    Filter filter,
    boolean elseFilter,
    double minScale,
    double maxScale,
    List<Symbolizer> symbolizers) {

  public Rule {
    symbolizers = List.copyOf(symbolizers);
  }

  /** A rule for every scale. */
  public static Rule of(String name, String title, Filter filter, Symbolizer... symbolizers) {
    return new Rule(name, title, filter, false, 0, Double.POSITIVE_INFINITY, List.of(symbolizers));
  }

  /** This rule limited to scale denominators below {@code max}. */
  public Rule below(double max) {
    return new Rule(name, title, filter, elseFilter, minScale, max, symbolizers);
  }

  /** True when the rule draws at the scale denominator. */
  public boolean appliesAt(double scale) {
    return scale >= minScale && scale < maxScale;
  }

  /** True when the rule has a label symbolizer. */
  public boolean labels() {
    return symbolizers.stream().anyMatch(s -> s instanceof Symbolizer.Text);
  }
}
