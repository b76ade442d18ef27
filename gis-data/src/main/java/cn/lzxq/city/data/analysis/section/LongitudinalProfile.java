package cn.lzxq.city.data.analysis.section;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Rounding;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Longitudinal profile (纵断面) along a pipe run: the segments given by fid (in run order) or by line
 * number (chained from the end that no other segment of the line reaches), with ground, top, invert
 * and depth per node, slope per segment, and the pipes crossing the run.
 */
public final class LongitudinalProfile {

  private LongitudinalProfile() {}

  /** One fetched segment; {@code reversed} when the run goes from its end to its start. */
  private record Seg(
      long fid,
      String network,
      String start,
      String end,
      double length,
      double startCentre,
      double endCentre,
      double halfHeight,
      Double startGround,
      Double endGround) {}

  public static ProfileResult run(
      Session s, List<Long> fids, String lineNo, ResolvedScope time, int maxSegments)
      throws SQLException {
    if ((fids == null || fids.isEmpty()) == (lineNo == null)) {
      throw new AnalysisInputException("需要 fids 或 lineNo 之一", "give either fids or lineNo");
    }
    Map<String, Object> p = time.params();
    p.put("fids", fids == null ? new Long[0] : fids.toArray(Long[]::new));
    p.put("line_no", lineNo);
    Map<Long, Seg> byFid = new LinkedHashMap<>();
    for (Seg seg :
        s.template(
            "profile_segments",
            p,
            r ->
                new Seg(
                    r.lng("fid"),
                    r.str("network"),
                    r.str("start_point"),
                    r.str("end_point"),
                    r.dbl("length_m"),
                    r.dbl("start_centre_m"),
                    r.dbl("end_centre_m"),
                    r.dbl("half_height_m"),
                    r.dbl("start_ground_m"),
                    r.dbl("end_ground_m")))) {
      byFid.put(seg.fid(), seg);
    }
    if (fids != null && !fids.isEmpty() && byFid.size() != fids.stream().distinct().count()) {
      throw new AnalysisInputException("未知管段 fid", "unknown segment fid among " + fids);
    }
    if (byFid.isEmpty()) {
      throw new AnalysisInputException("未知管线编号：" + lineNo, "unknown line number: " + lineNo);
    }
    if (byFid.size() > maxSegments) {
      throw new AnalysisInputException(
          "管段过多：" + byFid.size(), "too many segments: " + byFid.size() + " > " + maxSegments);
    }
    List<Seg> order =
        fids != null && !fids.isEmpty()
            ? fids.stream().map(byFid::get).toList()
            : chain(byFid.values());
    return build(s, order, p, time);
  }

  /**
   * Orders a line's segments: start where no other segment of the line ends, follow end → start.
   */
  private static List<Seg> chain(java.util.Collection<Seg> segs) {
    Map<String, Seg> byStart = new HashMap<>();
    java.util.Set<String> ends = new java.util.HashSet<>();
    for (Seg seg : segs) {
      byStart.put(seg.start(), seg);
      ends.add(seg.end());
    }
    Seg first =
        segs.stream()
            .filter(seg -> !ends.contains(seg.start()))
            .min(Comparator.comparingLong(Seg::fid))
            .orElse(segs.iterator().next());
    List<Seg> out = new ArrayList<>();
    for (Seg at = first; at != null && !out.contains(at); at = byStart.get(at.end())) {
      out.add(at);
    }
    if (out.size() != segs.size()) {
      throw new AnalysisInputException(
          "该管线编号的管段不构成一条连续管线", "the segments of this line number do not form one chain");
    }
    return out;
  }

  private static ProfileResult build(
      Session s, List<Seg> order, Map<String, Object> p, ResolvedScope time) throws SQLException {
    List<ProfilePoint> points = new ArrayList<>();
    List<ProfileSegment> segments = new ArrayList<>();
    Map<Long, double[]> segStart = new HashMap<>();
    double chainage = 0;
    String node = null;
    for (int i = 0; i < order.size(); i++) {
      Seg seg = order.get(i);
      boolean reversed =
          i == 0
              ? order.size() > 1 && connects(seg.start(), order.get(1))
              : !seg.start().equals(node);
      if (i > 0 && !(seg.start().equals(node) || seg.end().equals(node))) {
        throw new AnalysisInputException(
            "管段 " + seg.fid() + " 与前一管段不相连",
            "segment " + seg.fid() + " does not connect to the previous one");
      }
      String from = reversed ? seg.end() : seg.start();
      String to = reversed ? seg.start() : seg.end();
      double c0 = reversed ? seg.endCentre() : seg.startCentre();
      double c1 = reversed ? seg.startCentre() : seg.endCentre();
      Double g0 = reversed ? seg.endGround() : seg.startGround();
      Double g1 = reversed ? seg.startGround() : seg.endGround();
      if (i == 0) {
        points.add(point(from, chainage, g0, c0, seg.halfHeight()));
      }
      segStart.put(seg.fid(), new double[] {chainage, reversed ? 1 : 0, seg.length()});
      chainage += seg.length();
      points.add(point(to, chainage, g1, c1, seg.halfHeight()));
      segments.add(
          new ProfileSegment(
              seg.fid(),
              from,
              to,
              Rounding.round(seg.length(), 3),
              Rounding.round((c0 - c1) / seg.length(), 5)));
      node = to;
    }
    p.put("fids", order.stream().map(Seg::fid).toArray(Long[]::new));
    List<ProfileCrossing> crossings =
        new ArrayList<>(
            s.template(
                "profile_crossings",
                p,
                r -> {
                  double[] st = segStart.get(r.lng("run_fid"));
                  double at = st[1] == 1 ? st[2] - r.dbl("at_m") : r.dbl("at_m");
                  double runTop = r.dbl("run_centre_m") + r.dbl("r_hh");
                  double runBottom = r.dbl("run_centre_m") - r.dbl("r_hh");
                  double top = r.dbl("top_m");
                  double bottom = r.dbl("invert_m");
                  double clearance =
                      (top + bottom) / 2 >= r.dbl("run_centre_m")
                          ? bottom - runTop
                          : runBottom - top;
                  return new ProfileCrossing(
                      r.lng("fid"),
                      r.str("network"),
                      r.integer("size_mm"),
                      r.str("owner"),
                      Rounding.round(st[0] + at, 3),
                      Rounding.round(top, 3),
                      Rounding.round(bottom, 3),
                      Rounding.round(clearance, 3));
                }));
    crossings.sort(
        Comparator.comparingDouble(ProfileCrossing::chainageM)
            .thenComparingLong(ProfileCrossing::fid));
    return new ProfileResult(
        time.asOf(),
        order.get(0).network(),
        Rounding.round(chainage, 3),
        points,
        segments,
        crossings);
  }

  private static boolean connects(String point, Seg next) {
    return point.equals(next.start()) || point.equals(next.end());
  }

  private static ProfilePoint point(
      String no, double chainage, Double ground, double centre, double halfHeight) {
    double top = centre + halfHeight;
    return new ProfilePoint(
        no,
        Rounding.round(chainage, 3),
        ground == null ? null : Rounding.round(ground, 3),
        Rounding.round(top, 3),
        Rounding.round(centre - halfHeight, 3),
        ground == null ? null : Rounding.round(ground - top, 3));
  }
}
