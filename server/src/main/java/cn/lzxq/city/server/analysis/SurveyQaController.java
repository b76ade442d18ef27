package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.survey.SurveyDeviation;
import cn.lzxq.city.data.analysis.survey.SurveyQa;
import cn.lzxq.city.data.analysis.survey.SurveyQaResult;
import cn.lzxq.city.server.terrain.DemSource;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Surveying QA (测量质检) against the DEM: {@code GET /api/analysis/survey-qa} with the common scope
 * parameters and {@code tolerance} (metres, default 0.3) lists the survey points whose recorded
 * ground elevation differs from the DEM by more than the tolerance, as JSON, GeoJSON ({@code
 * f=geojson}) or CSV ({@code f=csv}: 物探点号, road, surveyed, DEM, difference).
 */
@RestController
@RequestMapping("/api/analysis")
class SurveyQaController {

  private final AnalysisRunner runner;
  private final AnswerWriter writer;
  private final DemSource dems;

  SurveyQaController(AnalysisRunner runner, AnswerWriter writer, DemSource dems) {
    this.runner = runner;
    this.writer = writer;
    this.dems = dems;
  }

  @GetMapping("/survey-qa")
  ResponseEntity<?> surveyQa(
      ScopeRequest q,
      @RequestParam(required = false) String tolerance,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    double tol =
        tolerance == null
            ? SurveyQa.DEFAULT_TOLERANCE_M
            : ScopeParams.number(tolerance, "tolerance");
    if (!(tol > 0 && tol <= 100)) {
      throw new AnalysisInputException(
          "tolerance 须在 0–100 米之间", "tolerance must be above 0 and at most 100 metres");
    }
    DemSource.Dem dem = dems.current();
    if (dem == null) {
      throw new AnalysisInputException(
          "尚未导入 DEM（city import dem）", "no DEM has been imported (city import dem FILE)");
    }
    SurveyQaResult result =
        runner.scoped(
            "survey-qa",
            q.scope(),
            (s, scope) -> SurveyQa.run(s, scope, dem.version(), dem.pixels(), tol));
    if ("csv".equalsIgnoreCase(f)) {
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
          .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=survey-qa.csv")
          .body(csv(result));
    }
    return writer.write(result, f, accept);
  }

  private static String csv(SurveyQaResult r) {
    StringBuilder out =
        new StringBuilder(
            "fid,物探点号 exp_no,道路 road,实测地面高程 surveyed_m,DEM高程 dem_m,差值 difference_m\r\n");
    for (SurveyDeviation d : r.deviations()) {
      out.append(
          String.format(
              Locale.ROOT,
              "%d,%s,%s,%.3f,%.3f,%.3f\r\n",
              d.fid(),
              quote(d.expNo()),
              quote(d.road()),
              d.surveyedM(),
              d.demM(),
              d.differenceM()));
    }
    return out.toString();
  }

  private static String quote(String s) {
    if (s == null) {
      return "";
    }
    return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
  }
}
