package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.excavation.ExcavationImpact;
import cn.lzxq.city.data.analysis.section.CrossSection;
import cn.lzxq.city.data.analysis.section.CrossSectionResult;
import cn.lzxq.city.data.analysis.section.LongitudinalProfile;
import cn.lzxq.city.data.analysis.section.SectionSvg;
import cn.lzxq.city.data.crs.CrsRef;
import java.util.Arrays;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Excavation impact (开挖分析), cross-section (横断面) and longitudinal profile (纵断面). */
@RestController
@RequestMapping("/api/analysis")
class SiteWorkController {

  static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

  private final AnalysisRunner runner;
  private final AnswerWriter writer;

  SiteWorkController(AnalysisRunner runner, AnswerWriter writer) {
    this.runner = runner;
    this.writer = writer;
  }

  @PostMapping("/excavation")
  ResponseEntity<Object> excavation(
      @RequestBody GeometryRequest body,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    if (body.depth() == null) {
      throw new AnalysisInputException("需要开挖深度 depth（米）", "depth (metres) is required");
    }
    CrsRef crs = body.crsRef();
    double max = runner.props().maxExcavationM2();
    return writer.write(
        runner.timed(
            "excavation",
            body.time(),
            (s, t) ->
                ExcavationImpact.run(
                    s, body.geometry(), crs, body.depth(), body.bufferM(), t, max)),
        f,
        accept);
  }

  @GetMapping("/cross-section")
  ResponseEntity<Object> crossSection(
      @RequestParam(required = false) String line,
      @RequestParam(required = false) String crs,
      @RequestParam(required = false) String asOf,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    return section(Coordinates.lineString(line, "line"), crs, asOf, f, accept);
  }

  @PostMapping("/cross-section")
  ResponseEntity<Object> crossSectionPost(
      @RequestBody GeometryRequest body,
      @RequestParam(required = false) String f,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
    return section(body.geometry(), body.crs(), body.asOf(), f, accept);
  }

  private ResponseEntity<Object> section(
      JsonNode line, String crsText, String asOf, String f, String accept) {
    CrsRef crs = ScopeParams.crs(crsText);
    double max = runner.props().maxSectionM();
    CrossSectionResult r =
        runner.timed(
            "cross-section",
            ScopeParams.time(asOf),
            (s, t) -> CrossSection.run(s, line, crs, t, max));
    boolean svg =
        "svg".equalsIgnoreCase(f)
            || (f == null && accept != null && accept.contains("image/svg+xml"));
    if (svg) {
      return ResponseEntity.ok().contentType(SVG).body(SectionSvg.render(r));
    }
    return writer.write(r, f, accept);
  }

  @GetMapping("/profile")
  ResponseEntity<Object> profile(
      @RequestParam(required = false) String fids,
      @RequestParam(required = false) String lineNo,
      @RequestParam(required = false) String asOf) {
    List<Long> ids =
        fids == null || fids.isBlank()
            ? null
            : Arrays.stream(fids.split(","))
                .map(x -> (long) ScopeParams.number(x, "fids"))
                .toList();
    int max = runner.props().maxProfileSegments();
    return ResponseEntity.ok(
        runner.timed(
            "profile",
            ScopeParams.time(asOf),
            (s, t) -> LongitudinalProfile.run(s, ids, ScopeParams.blank(lineNo), t, max)));
  }
}
