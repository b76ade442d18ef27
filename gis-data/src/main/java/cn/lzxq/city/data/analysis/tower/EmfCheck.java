package cn.lzxq.city.data.analysis.tower;

import cn.lzxq.city.data.analysis.common.GeometryInput;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.common.Rules;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * EMF compliance distance of a transmitter at a site, flagged against EMF-sensitive parcels near
 * it.
 */
public final class EmfCheck {

  private EmfCheck() {}

  /**
   * @param site native-CRS point (EWKB)
   */
  public static EmfResult run(
      Session s, byte[] site, double eirpDbm, double frequencyMhz, ResolvedScope time)
      throws SQLException {
    EmfDistance.Result d = EmfDistance.compute(s, eirpDbm, frequencyMhz);
    RuleRef protection = Rules.site(s, "emf_sensitive_protection_m", null, null).get(0);
    Map<String, Object> p = time.params();
    p.put("site", site);
    p.put("distance_m", Math.max(d.distanceM(), protection.value()));
    List<EmfResult.SensitiveParcel> parcels =
        s.template(
            "emf_parcels",
            p,
            r ->
                new EmfResult.SensitiveParcel(
                    r.str("parcel_code"),
                    r.str("land_use_code"),
                    r.str("land_use_name"),
                    r.dbl("distance_m", 2),
                    r.dbl("distance_m") < d.distanceM(),
                    r.dbl("distance_m") < protection.value()));
    List<RuleRef> rules = new ArrayList<>(d.rules());
    rules.add(protection);
    return new EmfResult(
        d.distanceM(), d.eirpW(), d.limitWm2(), d.share(), protection.value(), parcels, rules);
  }

  /** The EMF check of a point given in a request CRS. */
  public static EmfResult at(
      Session s,
      double x,
      double y,
      cn.lzxq.city.data.crs.CrsRef crs,
      double eirpDbm,
      double frequencyMhz,
      ResolvedScope time)
      throws SQLException {
    return run(s, GeometryInput.point(s, x, y, crs).ewkb(), eirpDbm, frequencyMhz, time);
  }
}
