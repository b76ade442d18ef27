package cn.lzxq.city.data.analysis.excavation;

import cn.lzxq.city.data.analysis.common.AffectedFeature;
import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.Contact;
import cn.lzxq.city.data.analysis.common.Contacts;
import cn.lzxq.city.data.analysis.common.GeometryInput;
import cn.lzxq.city.data.analysis.common.NativeGeometry;
import cn.lzxq.city.data.analysis.common.PipeSize;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Rounding;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.common.Rules;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.crs.CrsRef;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.JsonNode;

/**
 * Excavation impact (开挖分析): a pit polygon and depth → the pipes and points it reaches with their
 * owners' contacts, the pipes near it (within the protection distance of its edge), the stations
 * and parcels affected, and the earthwork volume. The pit bottom follows the ground, interpolated
 * from the surveyed points along the pit edge and inside it.
 */
public final class ExcavationImpact {

  private ExcavationImpact() {}

  /**
   * @param pit GeoJSON Polygon in {@code crs}
   * @param depthM depth below ground, metres
   * @param bufferM protection distance, metres (null: analysis_setting excavation_protection_m)
   * @param maxAreaM2 the largest pit allowed, m²
   */
  public static ExcavationResult run(
      Session s,
      JsonNode pit,
      CrsRef crs,
      double depthM,
      Double bufferM,
      ResolvedScope time,
      double maxAreaM2)
      throws SQLException {
    if (!(depthM > 0 && depthM <= 30)) {
      throw new AnalysisInputException(
          "开挖深度应在 0–30 m", "depth must be more than 0 and at most 30 m");
    }
    if (bufferM != null && !(bufferM >= 0 && bufferM <= 50)) {
      throw new AnalysisInputException("保护距离应在 0–50 m", "bufferM must be 0–50 m");
    }
    NativeGeometry g = GeometryInput.read(s, pit, crs, Set.of("Polygon", "MultiPolygon"));
    if (g.areaM2() > maxAreaM2) {
      throw new AnalysisInputException(
          String.format("开挖范围过大：%.0f m²，上限 %.0f m²", g.areaM2(), maxAreaM2),
          String.format("pit too large: %.0f m², the limit is %.0f m²", g.areaM2(), maxAreaM2));
    }
    RuleRef protection =
        bufferM == null
            ? Rules.setting(s, "excavation_protection_m")
            : new RuleRef("request", "bufferM", bufferM, "m", "request parameter", "V");
    Map<String, Object> p = time.params();
    p.put("pit", g.ewkb());
    p.put("depth_m", depthM);
    p.put("buffer_m", protection.value());
    Map<String, Double> ground = new HashMap<>();
    List<AffectedFeature> affected = new ArrayList<>();
    for (AffectedFeature f :
        s.template(
            "excavation_context",
            p,
            r ->
                new AffectedFeature(
                    r.str("kind"),
                    r.str("code"),
                    r.str("name"),
                    r.str("extra"),
                    r.dbl("value", 3)))) {
      if (f.kind().startsWith("ground")) {
        ground.put(f.kind(), f.areaM2());
      } else {
        affected.add(f);
      }
    }
    Double groundMin = ground.get("ground_min");
    if (groundMin == null) {
      throw new AnalysisInputException(
          "开挖处无地面高程数据（附近无管线点）", "no ground elevation at the pit (no surveyed point nearby)");
    }
    List<ExcavationHit> hits = new ArrayList<>();
    List<Long> below = new ArrayList<>();
    List<ExcavationNear> near = new ArrayList<>();
    Set<String> owners = new TreeSet<>();
    s.template(
        "excavation_pipes",
        p,
        r -> {
          String label = PipeSize.label(r.integer("size_mm"), r.integer("height_mm"));
          if (!r.bool("inside")) {
            near.add(
                new ExcavationNear(
                    r.lng("fid"),
                    r.str("network"),
                    label,
                    r.str("owner"),
                    r.str("owner_name"),
                    r.dbl("distance_m", 3),
                    r.geoJson("location")));
            owners.add(r.str("owner"));
          } else if (r.bool("hit")) {
            hits.add(
                new ExcavationHit(
                    "pipe",
                    r.lng("fid"),
                    r.str("network"),
                    label,
                    r.str("owner"),
                    r.str("owner_name"),
                    r.dbl("top_m", 3),
                    r.dbl("length_in_pit_m", 3),
                    r.geoJson("location")));
            owners.add(r.str("owner"));
          } else {
            below.add(r.lng("fid"));
          }
          return 1;
        });
    hits.sort(Comparator.comparingLong(ExcavationHit::fid));
    for (ExcavationHit h :
        s.template(
            "excavation_points",
            p,
            r ->
                new ExcavationHit(
                    "point",
                    r.lng("fid"),
                    r.str("network"),
                    r.str("exp_no") + " " + r.str("kind"),
                    r.str("owner"),
                    r.str("owner_name"),
                    null,
                    null,
                    r.geoJson("location")))) {
      hits.add(h);
      owners.add(h.owner());
    }
    List<Contact> notify = Contacts.of(s, owners);
    double area = Rounding.round(g.areaM2(), 3);
    return new ExcavationResult(
        time.asOf(),
        area,
        depthM,
        groundMin,
        ground.get("ground_max"),
        Rounding.round(groundMin - depthM, 3),
        Rounding.round(g.areaM2() * depthM, 3),
        hits,
        below,
        near,
        protection,
        notify,
        affected);
  }
}
