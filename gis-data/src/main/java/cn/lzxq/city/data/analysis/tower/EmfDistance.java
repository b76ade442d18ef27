package cn.lzxq.city.data.analysis.tower;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.Rounding;
import cn.lzxq.city.data.analysis.common.RuleRef;
import cn.lzxq.city.data.analysis.common.Rules;
import cn.lzxq.city.data.analysis.common.Session;
import java.sql.SQLException;
import java.util.List;

/**
 * EMF compliance distance (GB 8702-2014) of one transmitter: far-field power density S = EIRP_W /
 * (4π d²) must stay under the public limit × the share one project may use, so d = √(EIRP_W / (4π ×
 * limit × share)). The limit and share are site_rule rows.
 */
final class EmfDistance {

  private EmfDistance() {}

  /**
   * The compliance distance and the rules behind it.
   *
   * @param distanceM metres
   * @param eirpW EIRP in watts
   * @param limitWm2 the power-density limit at the frequency, W/m²
   * @param share the fraction of the limit one project may use
   */
  record Result(
      double distanceM, double eirpW, double limitWm2, double share, List<RuleRef> rules) {}

  static Result compute(Session s, double eirpDbm, double frequencyMhz) throws SQLException {
    if (!(frequencyMhz > 30 && frequencyMhz <= 15000)) {
      throw new AnalysisInputException("频率应在 30–15000 MHz", "frequency must be 30–15000 MHz");
    }
    if (!(eirpDbm > -30 && eirpDbm < 100)) {
      throw new AnalysisInputException(
          "EIRP 应在 −30–100 dBm", "EIRP must be between −30 and 100 dBm");
    }
    List<RuleRef> flat = Rules.site(s, "emf_power_density_limit_w_m2", null, frequencyMhz);
    List<RuleRef> perMhz =
        Rules.site(s, "emf_power_density_limit_w_m2_per_mhz", null, frequencyMhz);
    RuleRef limitRule = !flat.isEmpty() ? flat.get(0) : perMhz.get(0);
    double limit = !flat.isEmpty() ? limitRule.value() : limitRule.value() * frequencyMhz;
    RuleRef shareRule = Rules.site(s, "emf_project_share", null, null).get(0);
    return of(eirpDbm, limit, shareRule.value(), List.of(limitRule, shareRule));
  }

  /** The formula alone. */
  static Result of(double eirpDbm, double limitWm2, double share, List<RuleRef> rules) {
    double eirpW = Math.pow(10, (eirpDbm - 30) / 10);
    double d = Math.sqrt(eirpW / (4 * Math.PI * limitWm2 * share));
    return new Result(
        Rounding.round(d, 2), Rounding.round(eirpW, 3), Rounding.round(limitWm2, 6), share, rules);
  }
}
