package cn.lzxq.city.data.analysis.network;

import cn.lzxq.city.data.analysis.common.AffectedFeature;
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
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Valve isolation (爆管分析) on water, gas and heat networks: from the burst segment, walk the network
 * through every node until an operable valve stops the walk; those valves are the ones to close.
 * Valves that are inoperable (pipe_point.operable false, or listed in the request) are walked
 * through, so the next valves out are found. A gas regulator (调压箱, 调压站) is a boundary between
 * pressure levels: the walk does not pass it into segments of another pressure class, so a burst on
 * one level never closes valves of another; the regulators met are listed. The walk runs in Java
 * over the segments of a disc around the burst, doubled until the walk closes inside it.
 */
public final class ValveIsolation {

  private ValveIsolation() {}

  /** What a walk found. */
  private record Walk(
      Set<Long> segments,
      Set<String> closeAt,
      Set<String> passed,
      Set<String> nodes,
      Set<String> regulators,
      boolean complete)
      implements NetworkGraph.Walk {}

  /**
   * @param burstFid the burst segment, or null with {@code point}
   * @param point x,y of the burst in {@code crs} (nearest segment of JS, RQ or RL within 50 m)
   * @param inoperableFids valve point fids to treat as inoperable
   */
  public static ValveIsolationResult run(
      Session s,
      Long burstFid,
      double[] point,
      CrsRef crs,
      Set<Long> inoperableFids,
      ResolvedScope time)
      throws SQLException {
    NetworkStart start = NetworkStart.find(s, burstFid, point, crs, null, time);
    if (!Set.of("JS", "RQ", "RL").contains(start.network())) {
      throw new AnalysisInputException(
          "爆管分析只适用于给水、燃气、热力管网",
          "valve isolation applies to water, gas and heat networks (JS, RQ, RL)");
    }
    RuleRef first = Rules.setting(s, "valve_search_radius_m");
    RuleRef max = Rules.setting(s, "valve_search_max_radius_m");
    RuleRef service = Rules.setting(s, "parcel_service_distance_m");
    NetworkGraph.Walked<Walk> walked =
        NetworkGraph.walkGrowing(
            s, start, time, first, max, g -> walk(g, start.fid(), inoperableFids));
    return answer(
        s, start, walked.graph(), walked.walk(), service, time, List.of(first, max, service));
  }

  private static Walk walk(NetworkGraph g, long startFid, Set<Long> inoperable) {
    Set<Long> segments = new TreeSet<>(List.of(startFid));
    Set<String> closeAt = new TreeSet<>();
    Set<String> passed = new TreeSet<>();
    Set<String> nodes = new TreeSet<>();
    Set<String> regulators = new TreeSet<>();
    NetworkGraph.Edge burst = g.byFid.get(startFid);
    Deque<String> todo = new ArrayDeque<>(List.of(burst.a(), burst.b()));
    boolean complete = true;
    while (!todo.isEmpty()) {
      String node = todo.pop();
      if (!nodes.add(node)) {
        continue;
      }
      NetworkGraph.Point p = g.points.get(node);
      if (p != null && p.valve()) {
        if (p.operable() && !inoperable.contains(p.fid())) {
          closeAt.add(node);
          continue;
        }
        passed.add(node);
      }
      if (!g.inside(node)) {
        complete = false;
        continue;
      }
      for (NetworkGraph.Edge e : g.at(node)) {
        if (p != null
            && p.regulator()
            && !Objects.equals(e.pressureClass(), burst.pressureClass())) {
          regulators.add(node); // the other pressure level, beyond the regulator
          continue;
        }
        if (segments.add(e.fid()) || !nodes.contains(e.other(node))) {
          todo.push(e.other(node));
        }
      }
    }
    return new Walk(segments, closeAt, passed, nodes, regulators, complete);
  }

  private static ValveIsolationResult answer(
      Session s,
      NetworkStart start,
      NetworkGraph g,
      Walk w,
      RuleRef service,
      ResolvedScope time,
      List<RuleRef> rules)
      throws SQLException {
    List<Long> pointFids = new ArrayList<>();
    for (String n : w.nodes()) {
      if (g.points.containsKey(n)) {
        pointFids.add(g.points.get(n).fid());
      }
    }
    Map<String, GeoJson> geo = NetworkFeatures.of(s, w.segments(), pointFids, time);
    List<NetworkItem> close = new ArrayList<>();
    List<NetworkItem> passed = new ArrayList<>();
    List<NetworkItem> affected = new ArrayList<>();
    List<NetworkItem> regulators = new ArrayList<>();
    Map<String, List<NetworkItem>> byLevel = new TreeMap<>();
    for (String n : w.nodes()) {
      NetworkGraph.Point p = g.points.get(n);
      if (p == null) {
        continue;
      }
      if (w.regulators().contains(n)) {
        regulators.add(
            new NetworkItem(
                "regulator", p.fid(), p.expNo() + " " + p.kind(), geo.get("point:" + p.fid())));
        continue;
      }
      NetworkItem item =
          new NetworkItem(
              w.closeAt().contains(n) ? "valve" : "point",
              p.fid(),
              p.expNo() + " " + p.kind(),
              geo.get("point:" + p.fid()));
      (w.closeAt().contains(n) ? close : w.passed().contains(n) ? passed : affected).add(item);
      if (w.closeAt().contains(n)) {
        byLevel.computeIfAbsent(level(g, w, n), k -> new ArrayList<>()).add(item);
      }
    }
    Map<Long, NetworkItem> segs = new TreeMap<>();
    double length = 0;
    for (long fid : w.segments()) {
      NetworkGraph.Edge e = g.byFid.get(fid);
      length += e.lengthM();
      segs.put(
          fid, new NetworkItem("segment", fid, e.a() + "–" + e.b(), geo.get("segment:" + fid)));
    }
    Map<String, Object> p = time.params();
    p.put("segments", w.segments().toArray(Long[]::new));
    p.put("distance_m", service.value());
    List<AffectedFeature> parcels =
        s.template(
            "served_parcels",
            p,
            r ->
                new AffectedFeature(
                    "parcel",
                    r.str("parcel_code"),
                    r.str("land_use_name"),
                    r.str("land_use_code"),
                    r.dbl("area_m2", 1)));
    Comparator<NetworkItem> byFid = Comparator.comparingLong(NetworkItem::fid);
    close.sort(byFid);
    passed.sort(byFid);
    affected.sort(byFid);
    regulators.sort(byFid);
    byLevel.values().forEach(l -> l.sort(byFid));
    String burstLevel = g.byFid.get(start.fid()).pressureClass();
    return new ValveIsolationResult(
        time.asOf(),
        start.fid(),
        start.network(),
        burstLevel,
        w.complete(),
        g.radiusM,
        close,
        byLevel,
        regulators,
        passed,
        List.copyOf(segs.values()),
        Rounding.round(length, 3),
        affected,
        parcels,
        rules);
  }

  /**
   * The pressure class of the isolated segments at a node ("" outside gas, or when not recorded).
   */
  private static String level(NetworkGraph g, Walk w, String node) {
    return g.at(node).stream()
        .filter(e -> w.segments().contains(e.fid()))
        .map(NetworkGraph.Edge::pressureClass)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse("");
  }
}
