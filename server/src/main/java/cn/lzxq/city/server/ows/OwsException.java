package cn.lzxq.city.server.ows;

/**
 * An OGC service exception: the code of the OWS/WMS exception report, the locator (the
 * parameter at fault) and the HTTP status to answer with. WMS writes it as a 1.3.0
 * ServiceExceptionReport, WFS as an OWS 1.1 ExceptionReport.
 */
public class OwsException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public static final String MISSING_PARAMETER_VALUE = "MissingParameterValue";
  public static final String INVALID_PARAMETER_VALUE = "InvalidParameterValue";
  public static final String OPERATION_NOT_SUPPORTED = "OperationNotSupported";
  public static final String OPERATION_PARSING_FAILED = "OperationParsingFailed";
  public static final String NO_APPLICABLE_CODE = "NoApplicableCode";

  private final String code;
  private final String locator;
  private final int httpStatus;

  /** An exception answered with HTTP 400. */
  public OwsException(String code, String locator, String message) {
    this(code, locator, message, 400);
  }

  public OwsException(String code, String locator, String message, int httpStatus) {
    super(message);
    this.code = code;
    this.locator = locator;
    this.httpStatus = httpStatus;
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
