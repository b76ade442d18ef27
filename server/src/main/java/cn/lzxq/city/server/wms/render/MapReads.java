package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.server.wms.style.Rule;
import java.util.ArrayList;
import java.util.List;

/**
 * Splits a map into the reads of the database that draw it. Each layer's passes active at the scale
 * form {@link PassGroup}s; consecutive groups of different layers on the same table and geometry
 * column (the six pipe networks of {@code pipe_segment}) share one read when they only stroke lines
 * and label: one index scan instead of one per layer, each row routed to the groups whose filter it
 * matches, and each group's lines held until the read ends and then drawn in layer order, so the
 * map is the same as with one read per layer.
 */
final class MapReads {

  private MapReads() {}

  /**
   * The reads of the map at this scale denominator, in drawing order; each read lists its groups.
   */
  static List<List<PassGroup>> of(List<LayerPlan> layers, double scale) {
    List<List<PassGroup>> reads = new ArrayList<>();
    for (PassGroup g : groups(layers, scale)) {
      List<PassGroup> last = reads.isEmpty() ? null : reads.get(reads.size() - 1);
      if (last != null && shareable(last.get(0), g)) {
        last.add(g);
      } else {
        reads.add(new ArrayList<>(List.of(g)));
      }
    }
    return reads;
  }

  private static List<PassGroup> groups(List<LayerPlan> layers, double scale) {
    List<PassGroup> groups = new ArrayList<>();
    for (LayerPlan layer : layers) {
      List<List<Rule>> group = new ArrayList<>();
      for (List<Rule> pass : layer.style().passes()) {
        List<Rule> active = pass.stream().filter(r -> r.appliesAt(scale)).toList();
        if (active.isEmpty()) {
          continue;
        }
        if (!group.isEmpty() && !PassGroup.labelsOnly(active)) {
          groups.add(new PassGroup(layer, group));
          group = new ArrayList<>();
        }
        group.add(active);
      }
      if (!group.isEmpty()) {
        groups.add(new PassGroup(layer, group));
      }
    }
    return groups;
  }

  private static boolean shareable(PassGroup first, PassGroup next) {
    Layer a = first.layer().layer();
    Layer b = next.layer().layer();
    return a.table().equals(b.table())
        && a.geometryColumn().equals(b.geometryColumn())
        && first.linesAndLabelsOnly()
        && next.linesAndLabelsOnly();
  }
}
