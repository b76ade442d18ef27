package cn.lzxq.city.data.analysis.section;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.GeometryInput;
import cn.lzxq.city.data.analysis.common.NativeGeometry;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Rounding;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.crs.CrsRef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * Cross-section (横断面): a line → every pipe it crosses, the gaps between them and the ground line.
 */
public final class CrossSection {

  private CrossSection() {}

  /** A crossed pipe before its neighbours are known. */
  private record Raw(SectionPipe pipe, double centreM, double halfWidthM, double halfHeightM) {}

  /**
   * @param line GeoJSON LineString in {@code crs}
   * @param maxLengthM the longest line allowed, metres
   */
  public static CrossSectionResult run(
      Session s, JsonNode line, CrsRef crs, ResolvedScope time, double maxLengthM)
      throws SQLException {
    NativeGeometry g = GeometryInput.read(s, line, crs, Set.of("LineString"));
    if (g.lengthM() > maxLengthM) {
      throw new AnalysisInputException(
          String.format("断面线过长：%.0f m，上限 %.0f m", g.lengthM(), maxLengthM),
          String.format(
              "section line too long: %.0f m, the limit is %.0f m", g.lengthM(), maxLengthM));
    }
    Map<String, Object> p = time.params();
    p.put("line", g.ewkb());
    p.put("step_m", Math.max(1.0, g.lengthM() / 100));
    List<Raw> raw =
        s.template(
            "section_pipes",
            p,
            r ->
                new Raw(
                    new SectionPipe(
                        r.lng("fid"),
                        r.str("network"),
                        r.str("type_zh"),
                        r.str("rgb"),
                        r.integer("size_mm"),
                        r.integer("height_mm"),
                        r.str("material"),
                        r.str("owner"),
                        r.str("owner_name"),
                        r.dbl("chainage_m", 3),
                        r.dbl("top_m", 3),
                        r.dbl("invert_m", 3),
                        r.dbl("ground_m", 3),
                        null,
                        null,
                        null,
                        null,
                        r.geoJson("location")),
                    r.dbl("centre_m"),
                    r.dbl("half_width_m"),
                    r.dbl("half_height_m")));
    List<GroundPoint> ground =
        s.template(
            "section_ground",
            p,
            r -> new GroundPoint(r.dbl("chainage_m", 3), r.dbl("ground_m", 3)));
    return new CrossSectionResult(
        time.asOf(), Rounding.round(g.lengthM(), 3), withNeighbours(raw), ground);
  }

  private static List<SectionPipe> withNeighbours(List<Raw> raw) {
    List<SectionPipe> out = new ArrayList<>();
    for (int i = 0; i < raw.size(); i++) {
      Raw prev = i > 0 ? raw.get(i - 1) : null;
      Raw next = i + 1 < raw.size() ? raw.get(i + 1) : null;
      Raw c = raw.get(i);
      SectionPipe p = c.pipe();
      out.add(
          new SectionPipe(
              p.fid(),
              p.network(),
              p.typeZh(),
              p.rgb(),
              p.sizeMm(),
              p.heightMm(),
              p.material(),
              p.owner(),
              p.ownerName(),
              p.chainageM(),
              p.topM(),
              p.invertM(),
              p.groundM(),
              prev == null ? null : gap(prev, c),
              prev == null ? null : clear(prev, c),
              next == null ? null : gap(c, next),
              next == null ? null : clear(c, next),
              p.geometry()));
    }
    return out;
  }

  /** Δchainage − half widths, metres. */
  private static double gap(Raw a, Raw b) {
    return Rounding.round(
        Math.abs(b.pipe().chainageM() - a.pipe().chainageM()) - a.halfWidthM() - b.halfWidthM(), 3);
  }

  /**
   * Distance between the outlines (round: centre distance − radii) in the section plane, metres.
   */
  private static double clear(Raw a, Raw b) {
    double dx = b.pipe().chainageM() - a.pipe().chainageM();
    double dz = b.centreM() - a.centreM();
    return Rounding.round(
        Math.hypot(dx, dz)
            - Math.max(a.halfWidthM(), a.halfHeightM())
            - Math.max(b.halfWidthM(), b.halfHeightM()),
        3);
  }
}
