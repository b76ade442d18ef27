package cn.lzxq.city.data.analysis.network;

import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The segments and points of one network in a disc around a start, as an adjacency list keyed by
 * surveyed point number. Every node inside the disc has all its segments; a walk that reaches a
 * node outside it ({@link #inside}) must fetch a larger disc.
 */
final class NetworkGraph {

  /**
   * A segment between two surveyed points; flowDir forward = from a to b; pressureClass null
   * outside gas.
   */
  record Edge(long fid, String a, String b, String flowDir, String pressureClass, double lengthM) {

    String other(String node) {
      return node.equals(a) ? b : a;
    }

    /** The node the flow leaves, or null when the direction is unknown. */
    String upstream() {
      return "forward".equals(flowDir) ? a : "backward".equals(flowDir) ? b : null;
    }

    String downstream() {
      String up = upstream();
      return up == null ? null : other(up);
    }
  }

  /**
   * A surveyed point: is it an isolation valve, can it be operated, is it a gas regulator (a
   * pressure-level boundary)?
   */
  record Point(
      long fid, String expNo, String kind, boolean operable, boolean valve, boolean regulator) {}

  /** A walk over one fetched disc: complete when it closed without leaving the disc. */
  interface Walk {
    boolean complete();
  }

  /** The last disc fetched and the walk over it. */
  record Walked<W extends Walk>(NetworkGraph graph, W walk) {}

  /**
   * Walks from {@code start} over discs whose radius starts at {@code first} metres and doubles
   * until the walk is complete or the radius passes {@code max} metres.
   */
  static <W extends Walk> Walked<W> walkGrowing(
      Session s,
      NetworkStart start,
      ResolvedScope time,
      RuleRef first,
      RuleRef max,
      Function<NetworkGraph, W> walker)
      throws SQLException {
    NetworkGraph g;
    W w;
    double radius = first.value();
    do {
      g = fetch(s, start.network(), start.mid(), radius, time);
      w = walker.apply(g);
      radius *= 2;
      s.checkDeadline();
    } while (!w.complete() && radius <= max.value());
    return new Walked<>(g, w);
  }

  final double radiusM;
  final Map<String, List<Edge>> edges = new HashMap<>();
  final Map<Long, Edge> byFid = new HashMap<>();
  final Map<String, Double> nodeDistance = new HashMap<>();
  final Map<String, Point> points = new HashMap<>();

  private NetworkGraph(double radiusM) {
    this.radiusM = radiusM;
  }

  static NetworkGraph fetch(
      Session s, String network, byte[] centre, double radiusM, ResolvedScope time)
      throws SQLException {
    NetworkGraph g = new NetworkGraph(radiusM);
    Map<String, Object> p = time.params();
    p.put("network", network);
    p.put("centre", centre);
    p.put("radius_m", radiusM);
    s.template(
        "network_edges",
        p,
        r -> {
          Edge e =
              new Edge(
                  r.lng("fid"),
                  r.str("start_point"),
                  r.str("end_point"),
                  r.str("flow_dir"),
                  r.str("pressure_class"),
                  r.dbl("length_m"));
          g.byFid.put(e.fid(), e);
          g.edges.computeIfAbsent(e.a(), k -> new ArrayList<>()).add(e);
          g.edges.computeIfAbsent(e.b(), k -> new ArrayList<>()).add(e);
          g.nodeDistance.merge(e.a(), r.dbl("start_dist_m"), Math::min);
          g.nodeDistance.merge(e.b(), r.dbl("end_dist_m"), Math::min);
          return e;
        });
    s.template(
        "network_points",
        p,
        r ->
            g.points.put(
                r.str("exp_no"),
                new Point(
                    r.lng("fid"),
                    r.str("exp_no"),
                    r.str("kind"),
                    r.bool("operable"),
                    r.bool("is_valve"),
                    r.bool("is_regulator"))));
    return g;
  }

  /** True when all the node's segments are loaded (it lies inside the disc). */
  boolean inside(String node) {
    return nodeDistance.getOrDefault(node, Double.MAX_VALUE) <= radiusM;
  }

  List<Edge> at(String node) {
    return edges.getOrDefault(node, List.of());
  }
}
