package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.network.NetworkTrace;
import cn.lzxq.city.data.analysis.network.ValveIsolation;
import cn.lzxq.city.data.crs.CrsRef;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Valve isolation (爆管分析), connectivity and upstream/downstream traces. */
@RestController
@RequestMapping("/api/analysis")
class NetworkController {

  private final AnalysisRunner runner;
  private final AnswerWriter writer;

  NetworkController(AnalysisRunner runner, AnswerWriter writer) {
    this.runner = runner;
    this.writer = writer;
  }

  @GetMapping("/valve-isolation")
  ResponseEntity<Object> valveIsolation(
      @RequestParam(required = false) Long fid,
      @RequestParam(required = false) String point,
      @RequestParam(required = false) String crs,
      @RequestParam(required = false) String inoperable,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    double[] at = Coordinates.point(point, "point");
    CrsRef c = ScopeParams.crs(crs);
    Set<Long> off =
        inoperable == null || inoperable.isBlank()
            ? Set.of()
            : Arrays.stream(inoperable.split(","))
                .map(x -> (long) ScopeParams.number(x, "inoperable"))
                .collect(Collectors.toSet());
    return writer.write(
        runner.timed(
            "valve-isolation",
            ScopeParams.time(asOf),
            (s, t) -> ValveIsolation.run(s, fid, at, c, off, t)),
        f,
        accept);
  }

  @GetMapping("/trace")
  ResponseEntity<Object> trace(
      @RequestParam(required = false) Long fid,
      @RequestParam(required = false) String point,
      @RequestParam(required = false) String crs,
      @RequestParam(required = false) String network,
      @RequestParam(defaultValue = "connected") String direction,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    double[] at = Coordinates.point(point, "point");
    CrsRef c = ScopeParams.crs(crs);
    return writer.write(
        runner.timed(
            "trace",
            ScopeParams.time(asOf),
            (s, t) -> NetworkTrace.run(s, fid, at, c, ScopeParams.blank(network), direction, t)),
        f,
        accept);
  }
}
