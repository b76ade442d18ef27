package cn.lzxq.city.server.ows;

import cn.lzxq.city.data.query.QueryException;
import cn.lzxq.city.server.error.Failures;
import cn.lzxq.city.server.error.RequestTooLarge;
import jakarta.servlet.http.HttpServletRequest;

/**
 * An OGC service exception: the code of the OWS/WMS exception report, the locator (the parameter at
 * fault) and the HTTP status to answer with. WMS writes it as a 1.3.0 ServiceExceptionReport, WFS
 * as an OWS 1.1 ExceptionReport. One status rule for every service (OWS Common 2.0 Table 28, WFS
 * 2.0.2 NotFound): {@link #statusOf(String)}.
 */
public class OwsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String MISSING_PARAMETER_VALUE = "MissingParameterValue";
  public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
  public static final String OPERATION_NOT_SUPPORTED = "OperationNotSupported";
  public static final String OPERATION_PARSING_FAILED = "OperationParsingFailed";
  public static final String NO_APPLICABLE_CODE = "NoApplicableCode";
  public static final String OPTION_NOT_SUPPORTED = "OptionNotSupported";
  public static final String NOT_FOUND = "NotFound";

  private final String code;
  private final String locator;
  private final int httpStatus;

  /** An exception answered with the HTTP status of its code ({@link #statusOf(String)}). */
  public OwsException(String code, String locator, String message) {
    this(code, locator, message, statusOf(code));
  }

  /**
   * The HTTP status of an exception code: OperationNotSupported and OptionNotSupported 501,
   * NotFound 404, NoApplicableCode 500, every other code (MissingParameterValue,
   * InvalidParameterValue, OperationParsingFailed, ...) 400.
   */
  public static int statusOf(String code) {
    return switch (code) {
      case OPERATION_NOT_SUPPORTED, OPTION_NOT_SUPPORTED -> 501;
      case NOT_FOUND -> 404;
      case NO_APPLICABLE_CODE -> 500;
      default -> 400;
    };
  }

  public OwsException(String code, String locator, String message, int httpStatus) {
    super(message);
    this.code = code;
    this.locator = locator;
    this.httpStatus = httpStatus;
  }

  /**
   * The exception report for any failure of an OWS request ({@link Failures}): itself, a {@link
   * QueryException} with its code (400), a body over the limit 413, the database unreachable as
   * NoApplicableCode 503 (the caller adds Retry-After), a busy pool likewise with its own text, the
   * statement timeout as OperationProcessingFailed 400, and anything else, logged, as
   * NoApplicableCode 500 without its text.
   */
  public static OwsException of(Throwable t, HttpServletRequest request) {
    if (t instanceof OwsException o) {
      return o;
    }
    if (t instanceof QueryException q) {
      return new OwsException(q.code(), q.locator(), q.getMessage());
    }
    RequestTooLarge tooLarge = RequestTooLarge.in(t);
    if (tooLarge != null) {
      return new OwsException(NO_APPLICABLE_CODE, null, tooLarge.getMessage(), 413);
    }
    return switch (Failures.classify(t)) {
      case DATABASE_UNAVAILABLE -> {
        Failures.logUnavailable(t, request);
        yield new OwsException(NO_APPLICABLE_CODE, null, Failures.UNAVAILABLE, 503);
      }
      case BUSY, CONFLICT -> {
        Failures.logUnavailable(t, request);
        yield new OwsException(NO_APPLICABLE_CODE, null, Failures.retryLaterText(t), 503);
      }
      case STATEMENT_TIMEOUT ->
          new OwsException(
              "OperationProcessingFailed",
              null,
              "the query ran longer than the statement timeout; narrow the request or page through it",
              400);
      case BAD_TEXT ->
          new OwsException(
              INVALID_PARAMETER_VALUE,
              null,
              "a text value of the request holds a NUL or an invalid character");
      case INTERNAL -> {
        Failures.logInternal(t, request);
        yield new OwsException(NO_APPLICABLE_CODE, null, Failures.INTERNAL, 500);
      }
    };
  }

  /**
   * Whether the answer is a 503 (it carries a Retry-After header): the database unreachable, or
   * WMS's render queue full — each with its own message.
   */
  public boolean unavailable() {
    return httpStatus == 503;
  }

  public String code() {
    return code;
  }

  public String locator() {
    return locator;
  }

  public int httpStatus() {
    return httpStatus;
  }
}
