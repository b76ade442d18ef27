package cn.lzxq.city.data.query;

/**
 * A request asked for something the layer does not have or the limits forbid. Each protocol reports
 * it in its own form (OGC exception code {@link #code()} with the parameter {@link #locator()}, or
 * JSON problem details).
 */
public final class QueryException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final String code;
  private final String locator;

  /**
   * @param code an OWS exception code such as InvalidParameterValue
   * @param locator the parameter or property at fault
   */
  public QueryException(String code, String locator, String message) {
    super(message);
    this.code = code;
    this.locator = locator;
  }

  /** The OWS exception code. */
  public String code() {
    return code;
  }

  /** The parameter or property at fault. */
  public String locator() {
    return locator;
  }
}
