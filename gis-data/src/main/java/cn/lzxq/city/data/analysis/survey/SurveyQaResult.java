package cn.lzxq.city.data.analysis.survey;

import cn.lzxq.city.data.analysis.common.Listing;
import java.time.Instant;
import java.util.List;

/**
 * The answer of a surveying QA run.
 *
 * @param asOf the time of the network read (null = now)
 * @param demVersion the DEM version compared with
 * @param toleranceM the largest accepted difference, metres
 * @param checked survey points compared (points off the DEM are not counted)
 * @param offDem survey points in the scope outside the DEM
 * @param count deviations found
 * @param deviations the points differing by more than the tolerance, largest difference first
 */
public record SurveyQaResult(
    Instant asOf,
    long demVersion,
    double toleranceM,
    int checked,
    int offDem,
    int count,
    List<SurveyDeviation> deviations)
    implements Listing<SurveyDeviation> {

  @Override
  public List<SurveyDeviation> items() {
    return deviations;
  }
}
