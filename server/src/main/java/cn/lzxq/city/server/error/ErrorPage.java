package cn.lzxq.city.server.error;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The container's error page ({@code /error}, replacing Spring Boot's): what reaches it is answered
 * as problem details with the error's own status, with no internal text (an exception that escaped
 * every handler is logged, or answered 503 when the database is away). When the response is already
 * committed (a streamed body failed half-way) it writes nothing, so the container aborts the
 * transfer instead of appending an error document to a 200. A direct request for {@code /error} is
 * a 404.
 */
@RestController
class ErrorPage implements ErrorController {

  @RequestMapping("/error")
  ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
    if (response.isCommitted()) {
      return null;
    }
    Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
    Object thrown = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
    if (thrown instanceof Throwable t) {
      if (Failures.retryLater(t)) {
        Failures.logUnavailable(t, request);
        return ProblemAdvice.retryLater(t);
      }
      Failures.logInternal(t, request);
      return ProblemAdvice.problem(HttpStatus.INTERNAL_SERVER_ERROR, Failures.INTERNAL);
    }
    HttpStatus status = code instanceof Integer i ? HttpStatus.resolve(i) : null;
    if (status == null) {
      return ProblemAdvice.problem(HttpStatus.NOT_FOUND, "no resource /error");
    }
    return ProblemAdvice.problem(status, status.getReasonPhrase());
  }
}
