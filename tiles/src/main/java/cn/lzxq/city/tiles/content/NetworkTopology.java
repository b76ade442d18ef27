package cn.lzxq.city.tiles.content;

import cn.lzxq.city.tiles.geo.Vec3;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Finds network nodes: pipe end points that coincide within {@value #SNAP_METRES} m (snapped on a
 * grid, so the result does not depend on input order beyond the order of the pipes).
 */
final class NetworkTopology {

  /** End points closer than this (metres) are one node. */
  static final double SNAP_METRES = 0.05;

  /**
   * One pipe end at a node.
   *
   * @param pipe index of the pipe in the input
   * @param atStart whether it is the pipe's first vertex (else its last)
   */
  record End(int pipe, boolean atStart) {}

  /**
   * @param position mean of the snapped end points (local ENU)
   * @param ends the pipe ends meeting there
   */
  record Node(Vec3 position, List<End> ends) {}

  private NetworkTopology() {}

  /** The nodes of pipes given as local polylines (each at least two points). */
  static List<Node> nodes(List<List<Vec3>> pipes) {
    Map<String, List<End>> cells = new TreeMap<>();
    Map<String, List<Vec3>> points = new TreeMap<>();
    for (int i = 0; i < pipes.size(); i++) {
      List<Vec3> line = pipes.get(i);
      for (boolean start : new boolean[] {true, false}) {
        Vec3 p = start ? line.get(0) : line.get(line.size() - 1);
        String key =
            Math.round(p.x() / SNAP_METRES)
                + "/"
                + Math.round(p.y() / SNAP_METRES)
                + "/"
                + Math.round(p.z() / SNAP_METRES);
        cells.computeIfAbsent(key, k -> new ArrayList<>()).add(new End(i, start));
        points.computeIfAbsent(key, k -> new ArrayList<>()).add(p);
      }
    }
    List<Node> nodes = new ArrayList<>();
    cells.forEach(
        (key, ends) -> {
          Vec3 sum = Vec3.ZERO;
          for (Vec3 p : points.get(key)) {
            sum = sum.plus(p);
          }
          nodes.add(new Node(sum.times(1.0 / ends.size()), List.copyOf(ends)));
        });
    return nodes;
  }
}
