package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.clearance.ClearanceCheck;
import cn.lzxq.city.data.analysis.collision.CollisionCheck;
import cn.lzxq.city.data.analysis.collision.CoverCheck;
import cn.lzxq.city.data.analysis.common.Scope;
import cn.lzxq.city.data.analysis.pipe.ProposedPipe;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Clearance (净距), collision (碰撞) and cover (覆土) checks of the existing network or a proposed pipe.
 */
@RestController
@RequestMapping("/api/analysis")
class PipeCheckController {

  private final AnalysisRunner runner;
  private final AnswerWriter writer;

  PipeCheckController(AnalysisRunner runner, AnswerWriter writer) {
    this.runner = runner;
    this.writer = writer;
  }

  @GetMapping("/clearance")
  ResponseEntity<Object> clearance(
      ScopeRequest q,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    return writer.write(runner.scoped("clearance", q.scope(), ClearanceCheck::existing), f, accept);
  }

  @PostMapping("/clearance")
  ResponseEntity<Object> clearanceProposed(
      @RequestBody ProposedPipeRequest body,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    ProposedPipe pipe = body.pipe();
    return writer.write(
        runner.timed("clearance", body.time(), (s, t) -> ClearanceCheck.proposed(s, pipe, t)),
        f,
        accept);
  }

  @GetMapping("/collision")
  ResponseEntity<Object> collision(
      ScopeRequest q,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    return writer.write(runner.scoped("collision", q.scope(), CollisionCheck::existing), f, accept);
  }

  @PostMapping("/collision")
  ResponseEntity<Object> collisionProposed(
      @RequestBody ProposedPipeRequest body,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    ProposedPipe pipe = body.pipe();
    return writer.write(
        runner.timed("collision", body.time(), (s, t) -> CollisionCheck.proposed(s, pipe, t)),
        f,
        accept);
  }

  @GetMapping("/cover")
  ResponseEntity<Object> cover(
      ScopeRequest q,
      @RequestParam(required = false) String frostDepth,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    Double frost = frostDepth == null ? null : ScopeParams.number(frostDepth, "frostDepth");
    Scope scope = q.scope();
    return writer.write(
        runner.scoped("cover", scope, (s, r) -> CoverCheck.run(s, r, frost)), f, accept);
  }
}
