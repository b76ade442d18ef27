package cn.lzxq.city.data.analysis.network;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Rounding;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.common.Rules;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.crs.CrsRef;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Connectivity (连通分析) and upstream / downstream traces (上下游追踪) from a segment. Directional traces
 * follow pipe_segment.flow_dir (forward: from start_point to end_point) — drainage records it;
 * segments without a direction are reported, not followed.
 */
public final class NetworkTrace {

  private NetworkTrace() {}

  private record Walk(Set<Long> segments, Set<Long> unknown, boolean complete)
      implements NetworkGraph.Walk {}

  public static TraceResult run(
      Session s,
      Long fid,
      double[] point,
      CrsRef crs,
      String network,
      String direction,
      ResolvedScope time)
      throws SQLException {
    if (!Set.of("connected", "upstream", "downstream").contains(direction)) {
      throw new AnalysisInputException(
          "direction 应为 connected、upstream 或 downstream",
          "direction must be connected, upstream or downstream");
    }
    NetworkStart start = NetworkStart.find(s, fid, point, crs, network, time);
    RuleRef first = Rules.setting(s, "valve_search_radius_m");
    RuleRef max = Rules.setting(s, "valve_search_max_radius_m");
    NetworkGraph.Walked<Walk> walked =
        NetworkGraph.walkGrowing(s, start, time, first, max, g -> walk(g, start.fid(), direction));
    NetworkGraph g = walked.graph();
    Walk w = walked.walk();
    Map<String, GeoJson> geo = NetworkFeatures.of(s, w.segments(), List.of(), time);
    List<NetworkItem> items = new ArrayList<>();
    double length = 0;
    for (long f : w.segments()) {
      NetworkGraph.Edge e = g.byFid.get(f);
      length += e.lengthM();
      items.add(new NetworkItem("segment", f, e.a() + "–" + e.b(), geo.get("segment:" + f)));
    }
    return new TraceResult(
        time.asOf(),
        start.fid(),
        start.network(),
        direction,
        w.complete(),
        g.radiusM,
        items,
        Rounding.round(length, 3),
        List.copyOf(w.unknown()));
  }

  private static Walk walk(NetworkGraph g, long startFid, String direction) {
    NetworkGraph.Edge first = g.byFid.get(startFid);
    Set<Long> segments = new TreeSet<>(List.of(startFid));
    Set<Long> unknown = new TreeSet<>();
    Set<String> seen = new TreeSet<>();
    Deque<String> todo = new ArrayDeque<>();
    switch (direction) {
      case "downstream" -> addIfKnown(todo, first.downstream(), unknown, first);
      case "upstream" -> addIfKnown(todo, first.upstream(), unknown, first);
      default -> todo.addAll(List.of(first.a(), first.b()));
    }
    boolean complete = true;
    while (!todo.isEmpty()) {
      String node = todo.pop();
      if (!seen.add(node)) {
        continue;
      }
      if (!g.inside(node)) {
        complete = false;
        continue;
      }
      for (NetworkGraph.Edge e : g.at(node)) {
        String next = step(e, node, direction);
        if (next == null) {
          if (e.upstream() == null && !direction.equals("connected")) {
            unknown.add(e.fid());
          }
          continue;
        }
        segments.add(e.fid());
        todo.push(next);
      }
    }
    unknown.removeAll(segments);
    return new Walk(segments, unknown, complete);
  }

  /** The node reached through {@code e} from {@code node} in the trace direction, or null. */
  private static String step(NetworkGraph.Edge e, String node, String direction) {
    return switch (direction) {
      case "downstream" -> node.equals(e.upstream()) ? e.downstream() : null;
      case "upstream" -> node.equals(e.downstream()) ? e.upstream() : null;
      default -> e.other(node);
    };
  }

  private static void addIfKnown(
      Deque<String> todo, String node, Set<Long> unknown, NetworkGraph.Edge e) {
    if (node == null) {
      unknown.add(e.fid());
    } else {
      todo.add(node);
    }
  }
}
