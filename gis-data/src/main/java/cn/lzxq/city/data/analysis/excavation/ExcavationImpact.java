package cn.lzxq.city.data.analysis.excavation;

import cn.lzxq.city.data.analysis.common.AffectedFeature;
import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.Contact;
import cn.lzxq.city.data.analysis.common.Contacts;
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
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Excavation impact (开挖分析): a pit polygon and depth → the pipes and points it reaches with
 * their owners' contacts, the stations and parcels affected, and the earthwork volume.
 */
public final class ExcavationImpact {

  private ExcavationImpact() {
  }

  /**
   * @param pit        GeoJSON Polygon in {@code crs}
   * @param depthM     depth below ground, metres
   * @param maxAreaM2  the largest pit allowed, m²
   */
  public static ExcavationResult run(Session s, JsonNode pit, CrsRef crs, double depthM, ResolvedScope time,
      double maxAreaM2) throws SQLException {
    if (!(depthM > 0 && depthM <= 30)) {
      throw new AnalysisInputException("开挖深度应在 0–30 m", "depth must be more than 0 and at most 30 m");
    }
    NativeGeometry g = GeometryInput.read(s, pit, crs, Set.of("Polygon", "MultiPolygon"));
    if (g.areaM2() > maxAreaM2) {
      throw new AnalysisInputException(String.format("开挖范围过大：%.0f m²，上限 %.0f m²", g.areaM2(), maxAreaM2),
          String.format("pit too large: %.0f m², the limit is %.0f m²", g.areaM2(), maxAreaM2));
    }
    Map<String, Object> p = time.params();
    p.put("pit", g.ewkb());
    p.put("depth_m", depthM);
    Double ground = null;
    List<AffectedFeature> affected = new ArrayList<>();
    for (AffectedFeature f : s.template("excavation_context", p, r -> new AffectedFeature(r.str("kind"), r.str("code"),
        r.str("name"), r.str("extra"), r.dbl("value", 3)))) {
      if (f.kind().equals("ground")) {
        ground = f.areaM2();
      } else {
        affected.add(f);
      }
    }
    if (ground == null) {
      throw new AnalysisInputException("开挖处无地面高程数据（附近无管线点）", "no ground elevation at the pit (no surveyed point nearby)");
    }
    List<ExcavationHit> hits = new ArrayList<>();
    List<Long> below = new ArrayList<>();
    Set<String> owners = new TreeSet<>();
    for (Object[] row : s.template("excavation_pipes", p, r -> new Object[] {r.bool("hit"), new ExcavationHit("pipe",
        r.lng("fid"), r.str("network"), "DN" + r.integer("size_mm"), r.str("owner"), r.str("owner_name"),
        r.dbl("top_m", 3), r.dbl("length_in_pit_m", 3), r.geoJson("location"))})) {
      ExcavationHit h = (ExcavationHit) row[1];
      if (Boolean.TRUE.equals(row[0])) {
        hits.add(h);
        owners.add(h.owner());
      } else {
        below.add(h.fid());
      }
    }
    for (ExcavationHit h : s.template("excavation_points", p, r -> new ExcavationHit("point", r.lng("fid"),
        r.str("network"), r.str("exp_no") + " " + r.str("kind"), r.str("owner"), r.str("owner_name"), null, null,
        r.geoJson("location")))) {
      hits.add(h);
      owners.add(h.owner());
    }
    List<Contact> notify = Contacts.of(s, owners);
    double area = Rounding.round(g.areaM2(), 3);
    return new ExcavationResult(time.asOf(), area, depthM, ground, ground == null ? null : Rounding.round(ground - depthM, 3),
        Rounding.round(g.areaM2() * depthM, 3), hits, below, notify, affected);
  }
}
