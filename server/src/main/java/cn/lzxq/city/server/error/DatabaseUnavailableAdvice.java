package cn.lzxq.city.server.error;

import java.net.URI;
import java.sql.SQLTransientConnectionException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * When the database cannot be reached, REST requests get HTTP 503 with JSON problem details
 * and a Retry-After header; service resumes by itself when the database returns.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class DatabaseUnavailableAdvice {

  static final URI TYPE = URI.create("https://lzxq.city/problems/database-unavailable");

  @ExceptionHandler({DataAccessResourceFailureException.class, SQLTransientConnectionException.class})
  ResponseEntity<ProblemDetail> unavailable(Exception e) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).header("Retry-After", "5").body(problem());
  }

  /** The problem document for an unreachable database. */
  static ProblemDetail problem() {
    ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
        "数据库暂时不可用，请稍后重试 / The database is unavailable; try again shortly.");
    p.setType(TYPE);
    p.setTitle("Database unavailable");
    return p;
  }
}
