package cn.lzxq.city.server.analysis;

import cn.lzxq.city.data.analysis.common.AnalysisInputException;
import cn.lzxq.city.data.analysis.common.AnalysisSqlException;
import cn.lzxq.city.data.analysis.common.AnalysisTimeoutException;
import cn.lzxq.city.server.error.Failures;
import cn.lzxq.city.server.error.ProblemAdvice;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * Problem details (RFC 9457, application/problem+json) for the analysis API: bad input → 400; an
 * analysis past its time limit → 400 of type analysis-time-limit (the same request would exceed it
 * again: narrow the scope or run it as a job); the database unreachable → 503 with Retry-After.
 */
@RestControllerAdvice(basePackageClasses = AnalysisProblems.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class AnalysisProblems {

  static final URI BAD_INPUT = URI.create("https://lzxq.city/problems/analysis-bad-input");
  static final URI TIME_LIMIT = URI.create("https://lzxq.city/problems/analysis-time-limit");

  /** What a synchronous analysis past its time limit may do instead, appended to the message. */
  static final String JOB_HINT =
      "; or run it as a job: POST /ogcapi/processes/{id}/execution (异步作业 / asynchronous job)";

  @ExceptionHandler(AnalysisInputException.class)
  ResponseEntity<ProblemDetail> badInput(AnalysisInputException e) {
    return problem(HttpStatus.BAD_REQUEST, BAD_INPUT, "Bad analysis request", e.getMessage());
  }

  @ExceptionHandler({
    MissingServletRequestParameterException.class,
    MethodArgumentTypeMismatchException.class,
    HttpMessageNotReadableException.class
  })
  ResponseEntity<ProblemDetail> badParameter(Exception e) {
    String detail =
        e instanceof MissingServletRequestParameterException m
            ? "缺少参数 " + m.getParameterName() + " / missing parameter " + m.getParameterName()
            : e instanceof MethodArgumentTypeMismatchException t
                ? "参数 "
                    + t.getName()
                    + " 格式错误 / parameter "
                    + t.getName()
                    + " has the wrong format: "
                    + t.getValue()
                : "请求体不是有效的 JSON / the request body is not valid JSON for this analysis";
    return problem(HttpStatus.BAD_REQUEST, BAD_INPUT, "Bad analysis request", detail);
  }

  @ExceptionHandler(AnalysisTimeoutException.class)
  ResponseEntity<ProblemDetail> timeLimit(AnalysisTimeoutException e) {
    return problem(
        HttpStatus.BAD_REQUEST,
        TIME_LIMIT,
        "Analysis time limit exceeded",
        e.getMessage() + JOB_HINT);
  }

  /**
   * The database unreachable (any connection failure, 57P01 shutdown included) → 503 with
   * Retry-After, as every other endpoint; anything else goes on to the common handlers.
   */
  @ExceptionHandler(AnalysisSqlException.class)
  ResponseEntity<ProblemDetail> database(AnalysisSqlException e, HttpServletRequest request) {
    if (Failures.retryLater(e)) {
      Failures.logUnavailable(e, request);
      return ProblemAdvice.retryLater(e);
    }
    throw e;
  }

  private static ResponseEntity<ProblemDetail> problem(
      HttpStatus status, URI type, String title, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    p.setType(type);
    p.setTitle(title);
    return ResponseEntity.status(status).body(p);
  }
}
