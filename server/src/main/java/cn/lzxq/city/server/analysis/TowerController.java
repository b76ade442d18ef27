package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.tower.ColocationRequest;
import cn.lzxq.city.data.analysis.tower.EmfCheck;
import cn.lzxq.city.data.analysis.tower.SiteQa;
import cn.lzxq.city.data.analysis.tower.TowerColocation;
import cn.lzxq.city.data.crs.CrsRef;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Tower co-location (铁塔共享), base-station network QA and the EMF distance (GB 8702-2014). */
@RestController
@RequestMapping("/api/analysis")
class TowerController {

  private final AnalysisRunner runner;
  private final AnswerWriter writer;

  TowerController(AnalysisRunner runner, AnswerWriter writer) {
    this.runner = runner;
    this.writer = writer;
  }

  @GetMapping("/colocation")
  ResponseEntity<Object> colocation(
      @RequestParam(required = false) String point,
      @RequestParam(required = false) String crs,
      @RequestParam(required = false) String operator,
      @RequestParam(required = false) String antennaHeight,
      @RequestParam(required = false) String band,
      @RequestParam(required = false) String frequency,
      @RequestParam(required = false) String eirp,
      @RequestParam(required = false) String areaType,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    double[] at = required(Coordinates.point(point, "point"), "point");
    if (antennaHeight == null) {
      throw new AnalysisInputException(
          "缺少参数 antennaHeight", "missing parameter antennaHeight (metres)");
    }
    ColocationRequest q =
        new ColocationRequest(
            at[0],
            at[1],
            ScopeParams.crs(crs),
            ScopeParams.blank(operator),
            ScopeParams.number(antennaHeight, "antennaHeight"),
            ScopeParams.blank(band),
            frequency == null ? null : ScopeParams.number(frequency, "frequency"),
            eirp == null ? null : ScopeParams.number(eirp, "eirp"),
            ScopeParams.blank(areaType));
    return writer.write(
        runner.timed("colocation", ScopeParams.time(asOf), (s, t) -> TowerColocation.run(s, q, t)),
        f,
        accept);
  }

  @GetMapping("/site-qa")
  ResponseEntity<Object> siteQa(
      ScopeRequest q,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    return writer.write(runner.scoped("site-qa", q.scope(), SiteQa::run), f, accept);
  }

  @GetMapping("/emf")
  ResponseEntity<Object> emf(
      @RequestParam(required = false) String point,
      @RequestParam(required = false) String crs,
      @RequestParam(required = false) String eirp,
      @RequestParam(required = false) String frequency,
      @RequestParam(required = false) String asOf) {
    double[] at = required(Coordinates.point(point, "point"), "point");
    if (eirp == null || frequency == null) {
      throw new AnalysisInputException(
          "需要 eirp（dBm）和 frequency（MHz）", "eirp (dBm) and frequency (MHz) are required");
    }
    CrsRef c = ScopeParams.crs(crs);
    double e = ScopeParams.number(eirp, "eirp");
    double fr = ScopeParams.number(frequency, "frequency");
    return ResponseEntity.ok(
        runner.timed(
            "emf", ScopeParams.time(asOf), (s, t) -> EmfCheck.at(s, at[0], at[1], c, e, fr, t)));
  }

  private static double[] required(double[] v, String name) {
    if (v == null) {
      throw new AnalysisInputException("缺少参数 " + name, "missing parameter " + name + " (x,y)");
    }
    return v;
  }
}
