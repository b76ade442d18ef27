package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.zoning.Compliance;
import cn.lzxq.city.data.analysis.zoning.Zoning;
import cn.lzxq.city.data.crs.CrsRef;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Zoning (控规): the parcel at a point, what lies inside a parcel, land-use statistics and zoning
 * compliance of a scope.
 */
@RestController
@RequestMapping("/api/analysis/zoning")
class ZoningController {

  private final AnalysisRunner runner;

  ZoningController(AnalysisRunner runner) {
    this.runner = runner;
  }

  @GetMapping("/parcel")
  ResponseEntity<Object> parcelAt(
      @RequestParam(required = false) String point,
      @RequestParam(required = false) String crs,
      @RequestParam(required = false) String asOf) {
    double[] at = Coordinates.point(point, "point");
    if (at == null) {
      throw new AnalysisInputException("缺少参数 point", "missing parameter point (x,y)");
    }
    CrsRef c = ScopeParams.crs(crs);
    return ResponseEntity.ok(
        runner.timed("zoning", ScopeParams.time(asOf), (s, t) -> Zoning.at(s, at[0], at[1], c, t)));
  }

  @GetMapping("/parcels/{code}/contents")
  ResponseEntity<Object> contents(
      @PathVariable String code, @RequestParam(required = false) String asOf) {
    return ResponseEntity.ok(
        runner.timed("zoning", ScopeParams.time(asOf), (s, t) -> Zoning.contents(s, code, t)));
  }

  /**
   * Buildings above their parcel's height limit and parcels above their floor-area ratio or
   * building coverage, in the scope (bbox, road or project, at most {@code
   * city.analysis.max-scope-km2}).
   */
  @GetMapping("/compliance")
  ResponseEntity<Object> compliance(ScopeRequest q) {
    return ResponseEntity.ok(runner.scoped("zoning", q.scope(), Compliance::check));
  }

  @GetMapping("/statistics")
  ResponseEntity<Object> statistics(ScopeRequest q) {
    return ResponseEntity.ok(runner.scoped("zoning", q.scope(), Zoning::statistics));
  }
}
