package cn.lzxq.city.server.error;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The last word on every failure of the REST endpoints (OGC API, 3D Tiles, /api) that no controller
 * answered itself, as JSON problem details (RFC 9457): Spring's own request errors keep their
 * status (400, 404, 405, 406, 415 …); a body over the limit is 413; an unreadable body or a
 * parameter of the wrong type is 400; the database unreachable, a busy pool or a statement
 * cancelled by a concurrent change (a standby's recovery conflict) is 503 with Retry-After; the
 * statement timeout is 400; anything else is logged and answered 500 without its text ({@link
 * Failures}). A failure after the first bytes of a streamed body were sent is rethrown, so the
 * container aborts the transfer ({@code cn.lzxq.city.server.encode.StreamedResponse}).
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
public class ProblemAdvice {

  static final URI UNAVAILABLE_TYPE = URI.create("https://lzxq.city/problems/database-unavailable");
  static final URI BUSY_TYPE = URI.create("https://lzxq.city/problems/server-busy");
  static final URI CONFLICT_TYPE = URI.create("https://lzxq.city/problems/concurrent-change");

  @ExceptionHandler(Exception.class)
  ResponseEntity<ProblemDetail> any(
      Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
    return answer(e, request, response);
  }

  /**
   * The problem answer for {@code e}; rethrows it when the response is already committed.
   *
   * @throws Exception {@code e} itself, when its answer can no longer be sent
   */
  public static ResponseEntity<ProblemDetail> answer(
      Exception e, HttpServletRequest request, HttpServletResponse response) throws Exception {
    if (response.isCommitted()) {
      throw e;
    }
    response.resetBuffer(); // headers such as CORS stay
    response.setHeader("Content-Crs", null);
    RequestTooLarge tooLarge = RequestTooLarge.in(e);
    if (tooLarge != null) {
      return problem(HttpStatus.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
    }
    if (e instanceof ErrorResponse er) {
      return problem(er.getStatusCode(), er.getBody().getDetail());
    }
    if (e instanceof HttpMessageNotReadableException) {
      return problem(
          HttpStatus.BAD_REQUEST, "请求体不可读 / the request body is not readable for this resource");
    }
    if (e instanceof TypeMismatchException t) {
      return problem(
          HttpStatus.BAD_REQUEST,
          "参数格式错误 / a parameter has the wrong format"
              + (t.getPropertyName() == null ? "" : ": " + t.getPropertyName()));
    }
    return switch (Failures.classify(e)) {
      case DATABASE_UNAVAILABLE, BUSY, CONFLICT -> {
        Failures.logUnavailable(e, request);
        yield retryLater(e);
      }
      case STATEMENT_TIMEOUT ->
          problem(
              HttpStatus.BAD_REQUEST,
              "the query ran longer than the statement timeout; narrow the request or page through it");
      case BAD_TEXT ->
          problem(
              HttpStatus.BAD_REQUEST,
              "a text value of the request holds a NUL or an invalid character");
      case INTERNAL -> {
        Failures.logInternal(e, request);
        yield problem(HttpStatus.INTERNAL_SERVER_ERROR, Failures.INTERNAL);
      }
    };
  }

  /**
   * 503 with Retry-After for a failure {@link Failures#retryLater}: the database unreachable, the
   * server busy or the statement cancelled by a concurrent change, each saying which.
   */
  public static ResponseEntity<ProblemDetail> retryLater(Throwable e) {
    Failures.Kind kind = Failures.classify(e);
    if (kind != Failures.Kind.BUSY && kind != Failures.Kind.CONFLICT) {
      return unavailable();
    }
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE, Failures.retryLaterText(e));
    p.setType(kind == Failures.Kind.BUSY ? BUSY_TYPE : CONFLICT_TYPE);
    p.setTitle(kind == Failures.Kind.BUSY ? "Server busy" : "Interrupted by a concurrent change");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", Failures.RETRY_AFTER_SECONDS)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }

  /** 503 with Retry-After: the database cannot be reached. */
  public static ResponseEntity<ProblemDetail> unavailable() {
    ProblemDetail p =
        ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, Failures.UNAVAILABLE);
    p.setType(UNAVAILABLE_TYPE);
    p.setTitle("Database unavailable");
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header("Retry-After", Failures.RETRY_AFTER_SECONDS)
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .body(p);
  }

  /** A problem document with the given status and detail. */
  public static ResponseEntity<ProblemDetail> problem(HttpStatusCode status, String detail) {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
  }
}
