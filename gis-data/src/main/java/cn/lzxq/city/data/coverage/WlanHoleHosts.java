package cn.lzxq.city.data.coverage;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.analysis.tower.Check;
import cn.lzxq.city.data.analysis.tower.TowerCandidate;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.io.WKBWriter;

/**
 * Co-construction for a hole of the public WLAN layer ({@code coverage_wlan}): where a new outdoor
 * access point could be mounted to fill it, ranked by the hole area it would cover.
 *
 * <p>The new access point is the network's typical one — the median EIRP of the access points in
 * use, on the band most of them use ({@code sql/analysis/wlan_typical_ap.sql}) — mounted {@value
 * #NEW_AP_M} m up, or at the top of a lower host. The hosts are the existing mounts with power
 * ({@code sql/analysis/wlan_hole_hosts.sql}): base-station sites in use (telecom towers and
 * street-light poles, 灯杆), existing buildings (on the wall: the point of the outline nearest the
 * hole's interior point) and the poles of outdoor access points in use; not power towers (no public
 * access point is serviced under live lines). Its reach is the horizontal distance at which its
 * RSSI falls to the hole's threshold ({@link WlanPathLoss#distanceM} of EIRP − threshold, the mount
 * height over the receiver's taken off in 3D; omnidirectional, on flat ground, at most {@link
 * WlanCoverage#RADIUS_M}). A host is listed when the hole lies within that reach, and hosts rank as
 * {@link HoleHosts} ranks towers: by the hole area (m²) within the reach (the disc intersected with
 * the hole polygon), then by distance from the hole's interior point, then code.
 */
public final class WlanHoleHosts {

  /** Mount height of a new public access point above the ground, metres (a street-pole mount). */
  public static final double NEW_AP_M = 6;

  /** Layer of a building host. */
  public static final String BUILDING = "building";

  /** Layer of an access point's pole as host. */
  public static final String ACCESS_POINT = "wlan_ap";

  private WlanHoleHosts() {}

  /**
   * The ranked mounts of a hole of the WLAN layer (empty when no access point is in use).
   *
   * @param settings the grid's settings (receiver height)
   */
  static List<HoleHosts.Host> rank(
      Session s, ResolvedScope now, CoverageKpi.Hole h, CoverageSettings settings)
      throws SQLException {
    List<double[]> typical =
        s.template(
            "wlan_typical_ap",
            now.params(),
            r -> new double[] {r.dbl("eirp_dbm"), r.dbl("frequency_mhz")});
    if (typical.isEmpty()) {
      return List.of();
    }
    double eirpDbm = typical.get(0)[0];
    double pathM = new WlanPathLoss(typical.get(0)[1]).distanceM(eirpDbm - h.thresholdDbm());
    Point at = h.polygon().getInteriorPoint();
    Map<String, Object> p = now.params();
    p.put("hole", new WKBWriter().write(h.polygon()));
    p.put("srid", s.nativeSrid());
    p.put("x", at.getX());
    p.put("y", at.getY());
    p.put("reach_m", Math.min(pathM, WlanCoverage.RADIUS_M));
    List<HoleHosts.Host> found = new ArrayList<>();
    for (Mount m :
        s.template(
            "wlan_hole_hosts",
            p,
            r ->
                new Mount(
                    r.str("layer"),
                    r.str("code"),
                    r.str("name"),
                    r.str("host_type"),
                    r.dbl("height_m"),
                    r.dbl("x"),
                    r.dbl("y"),
                    r.dbl("distance_m", 2),
                    new GeoJson(r.str("location"))))) {
      double mount = Math.min(NEW_AP_M, m.heightM());
      double rise = mount - settings.receiverHeightM();
      double reach =
          pathM > Math.abs(rise)
              ? Math.min(Math.sqrt(pathM * pathM - rise * rise), WlanCoverage.RADIUS_M)
              : 0;
      double covered = HoleHosts.covered(h, m.x(), m.y(), reach);
      if (covered > 0) {
        found.add(new HoleHosts.Host(0, m.layer(), m.candidate(mount), covered, reach, mount));
      }
    }
    // Every mount can host (its one check passes), so the towers' rank is the area, distance, code.
    return HoleHosts.ranked(found);
  }

  /**
   * A mount the SQL found.
   *
   * @param heightM the height it offers above the ground, metres
   * @param x easting of the mount point, native CRS, metres
   * @param y northing, metres
   * @param distanceM from the hole's interior point, metres
   */
  private record Mount(
      String layer,
      String code,
      String name,
      String hostType,
      double heightM,
      double x,
      double y,
      double distanceM,
      GeoJson location) {

    /** As a candidate of the co-location form: no tenants or parcel, one mount check. */
    TowerCandidate candidate(double mountM) {
      Check check =
          new Check(
              "mount",
              true,
              String.format(
                  "挂高 %.1f m（可用高度 %.1f m）/ mounted %.1f m up (%.1f m offered)",
                  mountM, heightM, mountM, heightM),
              null);
      return new TowerCandidate(
          code,
          name,
          hostType,
          distanceM,
          heightM,
          List.of(),
          null,
          null,
          true,
          List.of(check),
          location);
    }
  }
}
