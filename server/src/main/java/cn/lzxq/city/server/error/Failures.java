package cn.lzxq.city.server.error;

import jakarta.servlet.http.HttpServletRequest;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * What a failure means for the client, the one classification every protocol uses: the database
 * unreachable (HTTP 503 with {@value #RETRY_AFTER_SECONDS} s Retry-After), a statement cancelled by
 * a concurrent change (SQL state 40001: a hot standby's recovery conflict on the read path, or a
 * serialization failure; 40P01: a deadlock; 503 with Retry-After too), PostgreSQL's statement
 * timeout (the request asked too much: 400), request text PostgreSQL cannot store (a NUL character:
 * 400), or an internal fault (500, logged with the SQL state and the request's method and path —
 * never the query string or headers, which may carry secrets). Error bodies never carry the
 * exception's text.
 */
public final class Failures {

  /** Seconds a client should wait before retrying while the database is away. */
  public static final String RETRY_AFTER_SECONDS = "5";

  /** The text of every database-unavailable answer. */
  public static final String UNAVAILABLE =
      "数据库暂时不可用，请稍后重试 / The database is unavailable; try again shortly.";

  /** The text of every busy-server answer (no pooled connection came free in time). */
  public static final String BUSY =
      "服务器繁忙，请稍后重试 / The server is busy: no database connection came free in time; try again"
          + " shortly.";

  /** The text of every answer to a statement a concurrent change cancelled. */
  public static final String CONFLICT =
      "数据库中的并发变更中断了请求，请稍后重试 / A concurrent change in the database (a standby replaying"
          + " the primary's edits, or another transaction) interrupted the request; try again shortly.";

  /** The text of every internal-fault answer. */
  public static final String INTERNAL = "服务器内部错误，已记录 / Internal server error; it has been logged.";

  private static final Logger LOG = LoggerFactory.getLogger(Failures.class);

  private Failures() {}

  /** How a failure is answered. */
  public enum Kind {
    DATABASE_UNAVAILABLE,
    BUSY,
    CONFLICT,
    STATEMENT_TIMEOUT,
    BAD_TEXT,
    INTERNAL
  }

  /**
   * The kind of {@code t}, judged along its cause chain: the first SQL state that means something
   * here decides; Hikari's connection timeout without one (no connection failure behind it: every
   * pooled connection was in use) is a busy server; a connection failure without a state is the
   * database unreachable.
   */
  public static Kind classify(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLTransientConnectionException s
          && s.getSQLState() == null
          && s.getCause() == null) {
        return Kind.BUSY;
      }
      Kind byState = c instanceof SQLException s ? ofState(s.getSQLState()) : null;
      if (byState != null) {
        return byState;
      }
    }
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof DataAccessResourceFailureException
          || c instanceof SQLTransientConnectionException
          || c instanceof SQLNonTransientConnectionException
          || c instanceof ConnectException) {
        return Kind.DATABASE_UNAVAILABLE;
      }
    }
    return Kind.INTERNAL;
  }

  /** The kind an SQL state decides, or null when it decides nothing. */
  private static Kind ofState(String state) {
    if (state == null) {
      return null;
    }
    if (state.startsWith("08") || state.matches("57P0[123]")) {
      return Kind
          .DATABASE_UNAVAILABLE; // connection exception, admin/crash shutdown, cannot connect
    }
    if (state.equals("40001") || state.equals("40P01")) {
      return Kind.CONFLICT; // a standby's recovery conflict, a serialization failure, a deadlock
    }
    if (state.equals("57014")) {
      return Kind.STATEMENT_TIMEOUT;
    }
    if (state.equals("22021") || state.equals("22P05")) {
      return Kind.BAD_TEXT; // a NUL or a character the database encoding cannot hold
    }
    return null;
  }

  /** Whether {@code t} means the database cannot be reached. */
  public static boolean databaseUnavailable(Throwable t) {
    return classify(t) == Kind.DATABASE_UNAVAILABLE;
  }

  /**
   * Whether the same request may succeed shortly (503 with Retry-After): the database unreachable,
   * the server busy, or the statement cancelled by a concurrent change.
   */
  public static boolean retryLater(Throwable t) {
    Kind k = classify(t);
    return k == Kind.DATABASE_UNAVAILABLE || k == Kind.BUSY || k == Kind.CONFLICT;
  }

  /** The text of the 503 answer to a failure {@link #retryLater}. */
  public static String retryLaterText(Throwable t) {
    return switch (classify(t)) {
      case BUSY -> BUSY;
      case CONFLICT -> CONFLICT;
      default -> UNAVAILABLE;
    };
  }

  /** Logs an internal fault: method, path, SQL state (when there is one) and the stack trace. */
  public static void logInternal(Throwable t, HttpServletRequest request) {
    String where = request == null ? "?" : request.getMethod() + " " + request.getRequestURI();
    LOG.error("internal error answering {} (SQL state {})", where, sqlState(t), t);
  }

  /**
   * Logs a database outage, a busy pool or a conflict met by a request, once per request, without a
   * stack trace.
   */
  public static void logUnavailable(Throwable t, HttpServletRequest request) {
    String where = request == null ? "?" : request.getMethod() + " " + request.getRequestURI();
    LOG.warn(
        "{} answering {} (SQL state {}): {}",
        switch (classify(t)) {
          case BUSY -> "no database connection free";
          case CONFLICT -> "statement cancelled by a concurrent change";
          default -> "database unavailable";
        },
        where,
        sqlState(t),
        t.getClass().getSimpleName());
  }

  /** The first SQL state in the cause chain, or "-". */
  static String sqlState(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof SQLException s && s.getSQLState() != null) {
        return s.getSQLState();
      }
    }
    return "-";
  }
}
