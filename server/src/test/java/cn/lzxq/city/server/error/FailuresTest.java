package cn.lzxq.city.server.error;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.error.Failures.Kind;
import cn.lzxq.city.server.ows.OwsException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * The one failure classification, for the exceptions the pool, the availability guard, pgJDBC and
 * Spring actually throw: an unreachable database and a busy pool are both 503 with Retry-After, but
 * each says what it is.
 */
class FailuresTest {

  /** Hikari's timeout when every pooled connection stayed in use (no connection failure). */
  private static final SQLException BUSY_POOL =
      new SQLTransientConnectionException(
          "city-public - Connection is not available, request timed out after 5000ms", null, null);

  /** Hikari's timeout while connections are refused: the refusal is its cause and state. */
  private static final SQLException REFUSED =
      new SQLTransientConnectionException(
          "city-public - Connection is not available, request timed out after 5000ms",
          "08001",
          new SQLException(
              "Connection to 127.0.0.1:55522 refused", "08001", new ConnectException()));

  /** What a hot standby answers when replaying the primary's changes cancels a read. */
  private static final SQLException RECOVERY_CONFLICT =
      new SQLException(
          "ERROR: canceling statement due to conflict with recovery\n"
              + "  Detail: User query might have needed to see row versions that must be removed.",
          "40001");

  @Test
  void eachFailureHasItsKind() {
    assertThat(Failures.classify(BUSY_POOL)).isEqualTo(Kind.BUSY);
    assertThat(Failures.classify(new DataAccessResourceFailureException("layers", BUSY_POOL)))
        .isEqualTo(Kind.BUSY);
    assertThat(Failures.classify(REFUSED)).isEqualTo(Kind.DATABASE_UNAVAILABLE);
    assertThat(
            Failures.classify(
                new SQLTransientConnectionException("the database is unreachable", "08001")))
        .as("the availability guard's answer")
        .isEqualTo(Kind.DATABASE_UNAVAILABLE);
    assertThat(Failures.classify(new SQLException("terminating connection", "57P01")))
        .isEqualTo(Kind.DATABASE_UNAVAILABLE);
    assertThat(Failures.classify(new SQLException("canceling statement", "57014")))
        .isEqualTo(Kind.STATEMENT_TIMEOUT);
    assertThat(Failures.classify(new SQLException("invalid byte sequence", "22021")))
        .isEqualTo(Kind.BAD_TEXT);
    assertThat(Failures.classify(new SQLException("syntax error", "42601")))
        .isEqualTo(Kind.INTERNAL);
    assertThat(Failures.classify(RECOVERY_CONFLICT)).isEqualTo(Kind.CONFLICT);
    assertThat(Failures.classify(new SQLException("deadlock detected", "40P01")))
        .isEqualTo(Kind.CONFLICT);
    assertThat(Failures.retryLater(RECOVERY_CONFLICT)).isTrue();
    assertThat(Failures.retryLater(BUSY_POOL)).isTrue();
    assertThat(Failures.databaseUnavailable(BUSY_POOL)).isFalse();
  }

  @Test
  void aBusyServerAndAnUnreachableDatabaseAreBoth503WithRetryAfterEachNamingItsCause() {
    ResponseEntity<ProblemDetail> busy = ProblemAdvice.retryLater(BUSY_POOL);
    ResponseEntity<ProblemDetail> away = ProblemAdvice.retryLater(REFUSED);
    assertThat(busy.getStatusCode().value()).isEqualTo(503);
    assertThat(busy.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(busy.getBody().getDetail()).contains("server is busy").doesNotContain("unavailable");
    assertThat(away.getStatusCode().value()).isEqualTo(503);
    assertThat(away.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(away.getBody().getDetail()).contains("database is unavailable");

    OwsException ows = OwsException.of(BUSY_POOL, null);
    assertThat(ows.httpStatus()).isEqualTo(503);
    assertThat(ows.code()).isEqualTo(OwsException.NO_APPLICABLE_CODE);
    assertThat(ows.getMessage()).contains("server is busy");
  }

  @Test
  void aReadCancelledByTheStandbysRecoveryIs503WithRetryAfterInEachProtocolNever500() {
    ResponseEntity<ProblemDetail> rest = ProblemAdvice.retryLater(RECOVERY_CONFLICT);
    assertThat(rest.getStatusCode().value()).isEqualTo(503);
    assertThat(rest.getHeaders().getFirst("Retry-After")).isEqualTo("5");
    assertThat(rest.getHeaders().getContentType().toString()).isEqualTo("application/problem+json");
    assertThat(rest.getBody().getDetail())
        .contains("concurrent change")
        .doesNotContain("conflict with recovery");

    OwsException ows =
        OwsException.of(new PessimisticLockingFailureException("read", RECOVERY_CONFLICT), null);
    assertThat(ows.httpStatus()).isEqualTo(503);
    assertThat(ows.unavailable()).as("Retry-After is added to every 503").isTrue();
    assertThat(ows.code()).isEqualTo(OwsException.NO_APPLICABLE_CODE);
    assertThat(ows.getMessage()).contains("concurrent change");
  }
}
