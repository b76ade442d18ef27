package cn.lzxq.city.data.analysis.tower;

import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Row;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * Power towers (高压铁塔, layer {@code power_tower}) that could carry a new sector, beside the telecom
 * towers of {@link TowerColocation}: the 2020 MIIT/SASAC opinions open power towers to base
 * stations. A tower in use within the search radius can host when the antenna hangs at least its
 * voltage class's live-work safety distance below the tower's top ({@code power_tower_mount_rule},
 * V390: GB 26859-2011 Table 1; the top stands in for the lowest live part, since no crossarm
 * heights are stored) and it does not stand in an EMF-sensitive parcel. A power tower has no
 * telecom tenants.
 */
public final class PowerTowerHosts {

  /** Tower type reported for a power tower. */
  public static final String TOWER_TYPE = "高压铁塔";

  private PowerTowerHosts() {}

  /**
   * A power tower judged as a host.
   *
   * @param candidate the verdict, in the co-location analysis's form (site code = tower code, site
   *     name = line name, no tenants)
   * @param x easting of the tower's centre, native CRS, metres
   * @param y northing of the tower's centre, metres
   */
  public record Found(TowerCandidate candidate, double x, double y) {}

  /**
   * The power towers whose centre lies within {@code radiusM} of a site, nearest first.
   *
   * @param siteEwkb the site, native CRS (EWKB)
   * @param radiusM search radius, metres
   * @param antennaHeightM the new antenna's height above ground, metres
   */
  public static List<Found> near(
      Session s, byte[] siteEwkb, double radiusM, double antennaHeightM, ResolvedScope time)
      throws SQLException {
    Map<String, Object> p = time.params();
    p.put("site", siteEwkb);
    p.put("radius_m", radiusM);
    return s.template("colocation_power_towers", p, r -> found(r, antennaHeightM));
  }

  private static Found found(Row r, double antennaHeightM) throws SQLException {
    Check mount = mount(r, antennaHeightM);
    Check zoning = TowerColocation.zoning(r);
    Double height = r.dbl("tower_height_m");
    return new Found(
        new TowerCandidate(
            r.str("tower_code"),
            r.str("line_name"),
            TOWER_TYPE,
            r.dbl("distance_m", 2),
            height == null ? 0 : height,
            List.of(),
            r.str("parcel_code"),
            r.str("land_use_code"),
            mount.ok() && zoning.ok(),
            List.of(mount, zoning),
            r.geoJson("location")),
        r.dbl("x"),
        r.dbl("y"));
  }

  /** The live-clearance check: room for the antenna below the top less the safety distance. */
  private static Check mount(Row r, double antennaHeightM) throws SQLException {
    Double height = r.dbl("tower_height_m");
    Double clearance = r.dbl("live_clearance_m");
    double kv = r.dbl("voltage_kv");
    if (clearance == null || height == null) {
      return new Check(
          "live_clearance",
          false,
          String.format(
              "%.0f kV 铁塔%s，无挂载规则 / %.0f kV tower%s: no mount rule",
              kv,
              height == null ? "无塔高" : "超出规则电压等级",
              kv,
              height == null ? " without a height" : " above the listed voltage classes"),
          null);
    }
    double room = height - clearance;
    return new Check(
        "live_clearance",
        room >= antennaHeightM,
        String.format(
            "塔高 %.1f m，%.0f kV 带电安全距离 %.2f m，可挂至 %.2f m，需挂高 %.1f m / tower %.1f m,"
                + " %.0f kV live clearance %.2f m: room up to %.2f m, antenna needs %.1f m",
            height,
            kv,
            clearance,
            room,
            antennaHeightM,
            height,
            kv,
            clearance,
            room,
            antennaHeightM),
        new RuleRef(
            "power_tower_mount_rule",
            String.valueOf(r.integer("rule_id")),
            clearance,
            "m",
            r.str("source_clause"),
            r.str("confidence")));
  }
}
