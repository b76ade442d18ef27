package cn.lzxq.city.data.analysis.survey;

import cn.lzxq.city.data.analysis.common.GeoJson;
import cn.lzxq.city.data.analysis.common.ResolvedScope;
import cn.lzxq.city.data.analysis.common.Rounding;
import cn.lzxq.city.data.analysis.common.Session;
import cn.lzxq.city.data.terrain.DemGrid;
import cn.lzxq.city.data.terrain.DemVersion;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Surveying QA (测量质检): the recorded ground elevation of every survey point in the scope against the
 * DEM sampled bilinearly at the point; points differing by more than the tolerance are listed. SQL:
 * {@code sql/analysis/survey_qa.sql}.
 */
public final class SurveyQa {

  /**
   * The default tolerance, metres: what a 1:500 survey and a DEM of the city should agree within.
   */
  public static final double DEFAULT_TOLERANCE_M = 0.3;

  private SurveyQa() {}

  /**
   * The points of {@code scope} whose ground elevation differs from {@code dem} by more than {@code
   * toleranceM}.
   */
  public static SurveyQaResult run(
      Session s, ResolvedScope scope, DemVersion dem, DemGrid.Pixels pixels, double toleranceM)
      throws SQLException {
    record Point(
        long fid, String expNo, String road, double ground, double lon, double lat, GeoJson at) {}
    List<Point> points =
        s.template(
            "survey_qa",
            Map.of("scope_cte", ResolvedScope.regionCte(), "scope", scope.predicate("p", false)),
            scope.params(),
            r ->
                new Point(
                    r.lng("fid"),
                    r.str("exp_no"),
                    r.str("road_name"),
                    r.dbl("ground_m"),
                    r.dbl("lon"),
                    r.dbl("lat"),
                    r.geoJson("location")));
    List<SurveyDeviation> out = new ArrayList<>();
    int checked = 0;
    int off = 0;
    for (Point p : points) {
      double h = dem.grid().sample(p.lon(), p.lat(), pixels);
      if (Double.isNaN(h)) {
        off++;
        continue;
      }
      checked++;
      double d = p.ground() - h;
      if (Math.abs(d) > toleranceM) {
        out.add(
            new SurveyDeviation(
                p.fid(),
                p.expNo(),
                p.road(),
                p.ground(),
                Rounding.round(h, 3),
                Rounding.round(d, 3),
                p.at()));
      }
    }
    out.sort(
        Comparator.comparingDouble((SurveyDeviation v) -> -Math.abs(v.differenceM()))
            .thenComparing(SurveyDeviation::expNo));
    return new SurveyQaResult(scope.asOf(), dem.id(), toleranceM, checked, off, out.size(), out);
  }
}
