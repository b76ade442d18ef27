package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.server.wms.style.Rule;
import cn.lzxq.city.server.wms.style.Style;
import cn.lzxq.city.server.wms.style.Symbolizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Consecutive feature type styles of one layer drawn from one read of its rows: the first pass
 * draws, the later ones only label (labels are placed at the end of the map, so reading each row
 * once for all of them keeps the drawing order). Only the rules active at the map's scale.
 *
 * @param layer the layer drawn
 * @param passes the active rules of each pass, in drawing order
 */
record PassGroup(LayerPlan layer, List<List<Rule>> passes) {

  PassGroup {
    passes = List.copyOf(passes);
  }

  /** Every rule of the passes. */
  List<Rule> rules() {
    List<Rule> all = new ArrayList<>();
    passes.forEach(all::addAll);
    return all;
  }

  /**
   * The attribute names the rules read, in catalog order (names come from the layer definition
   * only).
   */
  List<String> properties() {
    Set<String> wanted = Style.properties(rules());
    return layer.layer().attributes().stream()
        .map(Attribute::name)
        .filter(wanted::contains)
        .toList();
  }

  /**
   * True when the group only strokes lines and labels, so its drawing can wait until the read that
   * feeds it has ended without changing what is drawn over what.
   */
  boolean linesAndLabelsOnly() {
    return rules().stream()
        .flatMap(r -> r.symbolizers().stream())
        .allMatch(s -> s instanceof Symbolizer.Line || s instanceof Symbolizer.Text);
  }

  /** True when the rules only label. */
  static boolean labelsOnly(List<Rule> rules) {
    return rules.stream()
        .allMatch(r -> r.symbolizers().stream().allMatch(s -> s instanceof Symbolizer.Text));
  }
}
