package cn.lzxq.city.data.analysis.tower;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.GeometryInput;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Row;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.common.Rules;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Tower co-location (铁塔共享): which existing towers within the search radius can host a proposed site
 * (fewer tenants than site_rule max_tenants, tall enough, not already used by the operator,
 * antennas of other operators at least min_vertical_separation_m away), with a verdict: share the
 * nearest that can — no new tower where one can be shared — else a new tower. Plus QA of the
 * proposed position and its EMF distance.
 */
public final class TowerColocation {

  private static final Set<String> AREA_TYPES = Set.of("dense_urban", "urban", "suburban", "rural");

  private TowerColocation() {}

  public static ColocationResult run(Session s, ColocationRequest q, ResolvedScope time)
      throws SQLException {
    byte[] site = GeometryInput.point(s, q.x(), q.y(), q.crs()).ewkb();
    checkOperator(s, q.operator());
    if (!(q.antennaHeightM() > 0 && q.antennaHeightM() <= 150)) {
      throw new AnalysisInputException(
          "天线挂高应在 0–150 m", "antennaHeight must be more than 0 and at most 150 m");
    }
    Map<String, Object> p = time.params();
    p.put("site", site);
    p.put("operator", q.operator());
    List<Object[]> nearest =
        s.template(
            "nearest_site",
            p,
            r -> new Object[] {r.str("site_code"), r.str("area_type"), r.dbl("distance_m")});
    String area =
        q.areaType() != null
            ? q.areaType()
            : nearest.isEmpty() ? "urban" : (String) nearest.get(0)[1];
    if (!AREA_TYPES.contains(area)) {
      throw new AnalysisInputException(
          "areaType 应为 dense_urban、urban、suburban 或 rural", "unknown areaType: " + area);
    }
    RuleRef radius = first(s, "colocation_search_radius_m", area);
    RuleRef maxTenants = first(s, "max_tenants", area);
    RuleRef separation = first(s, "min_vertical_separation_m", area);
    p.put("radius_m", radius.value());
    List<TowerCandidate> candidates =
        s.template("colocation_candidates", p, r -> candidate(r, q, maxTenants, separation));
    List<Check> flags = siteFlags(s, q, area, nearest);
    EmfResult emf =
        q.eirpDbm() != null && q.frequencyMhz() != null
            ? EmfCheck.run(s, site, q.eirpDbm(), q.frequencyMhz(), time)
            : null;
    TowerCandidate share =
        candidates.stream().filter(TowerCandidate::canHost).findFirst().orElse(null);
    List<String> reasons = new ArrayList<>();
    if (share != null) {
      reasons.add(
          String.format(
              "%.0f m 内的现有铁塔 %s 可共享，不应新建铁塔（工信部联通〔2008〕235号） / existing tower %s "
                  + "within %.0f m can host it: no new tower where one can be shared",
              radius.value(), share.siteCode(), share.siteCode(), radius.value()));
    } else if (candidates.isEmpty()) {
      reasons.add(
          String.format(
              "%.0f m 内无现有铁塔 / no existing tower within %.0f m", radius.value(), radius.value()));
    } else {
      reasons.add(
          String.format(
              "%.0f m 内的 %d 座铁塔均不满足共享条件 / none of the %d towers within %.0f m can host it",
              radius.value(), candidates.size(), candidates.size(), radius.value()));
    }
    return new ColocationResult(
        time.asOf(),
        share != null ? "share" : "new_tower",
        share == null ? null : share.siteCode(),
        reasons,
        area,
        radius.value(),
        candidates,
        flags,
        emf);
  }

  /** One existing tower judged as a host for the request. */
  private static TowerCandidate candidate(
      Row r, ColocationRequest q, RuleRef maxTenants, RuleRef separation)
      throws java.sql.SQLException {
    List<String> tenants = r.strings("tenants");
    double height = r.dbl("tower_height_m");
    List<Check> checks = new ArrayList<>();
    checks.add(
        new Check(
            "tenants",
            tenants.size() < maxTenants.value(),
            String.format(
                "租户 %d 家，上限 %.0f / %d tenants, at most %.0f",
                tenants.size(), maxTenants.value(), tenants.size(), maxTenants.value()),
            maxTenants));
    checks.add(
        new Check(
            "operator",
            !tenants.contains(q.operator()),
            tenants.contains(q.operator())
                ? "该运营商已在此塔 / the operator is already a tenant"
                : "该运营商未在此塔 / the operator is not yet a tenant",
            null));
    checks.add(
        new Check(
            "height",
            height >= q.antennaHeightM(),
            String.format(
                "塔高 %.1f m，需挂高 %.1f m / tower %.1f m, antenna needs %.1f m",
                height, q.antennaHeightM(), height, q.antennaHeightM()),
            null));
    double closest = Double.MAX_VALUE;
    for (String h : r.strings("other_heights")) {
      closest = Math.min(closest, Math.abs(Double.parseDouble(h) - q.antennaHeightM()));
    }
    checks.add(
        new Check(
            "vertical_separation",
            closest >= separation.value(),
            closest == Double.MAX_VALUE
                ? "塔上无其他运营商天线 / no other operator's antenna on the tower"
                : String.format(
                    "与其他运营商天线垂直间距 %.1f m / %.1f m from another operator's antenna",
                    closest, closest),
            separation));
    checks.add(zoning(r));
    return new TowerCandidate(
        r.str("site_code"),
        r.str("site_name"),
        r.str("tower_type"),
        r.dbl("distance_m", 2),
        height,
        tenants,
        r.str("parcel_code"),
        r.str("land_use_code"),
        checks.stream().allMatch(Check::ok),
        checks,
        r.geoJson("location"));
  }

  /** The zoning check of a host: it must not stand in an EMF-sensitive parcel. */
  static Check zoning(Row r) throws SQLException {
    boolean sensitive = Boolean.TRUE.equals(r.bool("sensitive"));
    return new Check(
        "zoning",
        !sensitive,
        sensitive
            ? "塔位于电磁敏感地块 "
                + r.str("parcel_code")
                + " / the tower stands in EMF-sensitive parcel "
                + r.str("parcel_code")
            : "塔所在地块非电磁敏感 / the tower's parcel is not EMF-sensitive",
        null);
  }

  private static List<Check> siteFlags(
      Session s, ColocationRequest q, String area, List<Object[]> nearest) throws SQLException {
    List<Check> flags = new ArrayList<>();
    List<RuleRef> spacing = Rules.site(s, "min_site_spacing_m", area, null);
    if (!nearest.isEmpty() && !spacing.isEmpty()) {
      double d = (Double) nearest.get(0)[2];
      flags.add(
          new Check(
              "site_spacing",
              d >= spacing.get(0).value(),
              String.format(
                  "最近站址 %s 距 %.1f m，最小 %.0f m / nearest site %s at %.1f m, minimum %.0f m",
                  nearest.get(0)[0],
                  d,
                  spacing.get(0).value(),
                  nearest.get(0)[0],
                  d,
                  spacing.get(0).value()),
              spacing.get(0)));
    }
    RuleRef min = first(s, "min_antenna_height_m", area);
    RuleRef max = first(s, "max_antenna_height_m", area);
    flags.add(
        new Check(
            "antenna_height",
            q.antennaHeightM() >= min.value() && q.antennaHeightM() <= max.value(),
            String.format(
                "挂高 %.1f m，宜 %.0f–%.0f m / antenna %.1f m, expected %.0f–%.0f m",
                q.antennaHeightM(),
                min.value(),
                max.value(),
                q.antennaHeightM(),
                min.value(),
                max.value()),
            q.antennaHeightM() < min.value() ? min : max));
    return flags;
  }

  private static RuleRef first(Session s, String key, String area) throws SQLException {
    List<RuleRef> rules = Rules.site(s, key, area, null);
    if (rules.isEmpty()) {
      throw new IllegalStateException("site_rule " + key + " missing for " + area);
    }
    return rules.get(0);
  }

  private static void checkOperator(Session s, String operator) throws SQLException {
    if (operator == null
        || s.query(
                "SELECT 1 FROM organization WHERE code = :c AND kind = 'operator'",
                Map.of("c", operator),
                r -> 1)
            .isEmpty()) {
      throw new AnalysisInputException("未知运营商：" + operator, "unknown operator: " + operator);
    }
  }
}
