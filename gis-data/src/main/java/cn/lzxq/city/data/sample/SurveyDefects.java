package cn.lzxq.city.data.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Planted surveying errors: every {@value #PERIOD}th survey point (counted in stream order, from
 * {@value #OFFSET}) that belongs to no other defect gets a ground elevation recorded {@link
 * #errorM} above the ground surface (a misread level, as a surveying QA against the DEM must find:
 * more than 0.3 m). Raising, never lowering, the recorded ground keeps the cover of the pipes there
 * at least as large, so no other defect appears or disappears.
 */
final class SurveyDefects {

  /** Points between two planted errors. */
  static final int PERIOD = 1_999;

  /** Stream index of the first candidate. */
  static final int OFFSET = 777;

  private final List<PlantedDefect> planted = new ArrayList<>();
  private int index;

  /** Restarts counting (a new stream of points). */
  void reset() {
    planted.clear();
    index = 0;
  }

  /** The point as recorded: with a planted error when it is its turn. */
  PipePoint apply(PipePoint p) {
    int i = index++;
    if (p.defect() != null || i % PERIOD != OFFSET % PERIOD) {
      return p;
    }
    double error = errorM(planted.size());
    String id = "G" + (planted.size() + 1);
    Xyz at = p.position();
    PipePoint wrong =
        new PipePoint(
            p.fid(),
            p.band(),
            p.subtype(),
            p.expNo(),
            p.kind(),
            p.featureCode(),
            p.depthM(),
            p.wellDepthM(),
            p.rotationDeg(),
            p.operable(),
            p.owner(),
            p.roadName(),
            p.surveyDate(),
            p.validFrom(),
            Xyz.mm(at.x(), at.y(), at.z() + error),
            id);
    planted.add(
        new PlantedDefect(
            id,
            "survey_elevation",
            "pipe_point",
            List.of(p.fid()),
            List.of(p.expNo()),
            List.of(),
            "",
            0,
            error,
            0.3,
            at.x(),
            at.y(),
            String.format(
                Locale.ROOT,
                "ground elevation of %s recorded %.2f m above the ground surface",
                p.expNo(),
                error)));
    return wrong;
  }

  /** The planted errors of the stream so far. */
  List<PlantedDefect> planted() {
    return List.copyOf(planted);
  }

  /** The error of the n-th planted point, metres: 0.45 to 1.35. */
  static double errorM(int n) {
    return 0.45 + 0.15 * (n % 7);
  }
}
