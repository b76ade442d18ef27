package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.coconstruction.SpareDucts;
import cn.lzxq.city.data.analysis.coconstruction.TrenchSharing;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Trench sharing between planned works (共建共享) and existing ducts with spare holes. */
@RestController
@RequestMapping("/api/analysis")
class CoConstructionController {

  private final AnalysisRunner runner;
  private final AnswerWriter writer;

  CoConstructionController(AnalysisRunner runner, AnswerWriter writer) {
    this.runner = runner;
    this.writer = writer;
  }

  @GetMapping("/trench-sharing")
  ResponseEntity<Object> trenchSharing(
      ScopeRequest q,
      @RequestParam(required = false) String distance,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    Double d = distance == null ? null : ScopeParams.number(distance, "distance");
    return writer.write(
        runner.timed("trench-sharing", q.scope(), (s, r) -> TrenchSharing.run(s, r, d)), f, accept);
  }

  @GetMapping("/spare-ducts")
  ResponseEntity<Object> spareDucts(
      ScopeRequest q,
      @RequestParam(required = false) String distance,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    Double d = distance == null ? null : ScopeParams.number(distance, "distance");
    return writer.write(
        runner.scoped("spare-ducts", q.scope(), (s, r) -> SpareDucts.run(s, r, d)), f, accept);
  }
}
