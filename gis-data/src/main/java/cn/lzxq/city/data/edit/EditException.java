package cn.lzxq.city.data.edit;

/**
 * An edit that was refused; the whole transaction is rolled back. The locator names the edit (e.g.
 * {@code Update pipe_js}, {@code Insert 2 pipe_js}) when the refusal belongs to one.
 */
public final class EditException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /**
   * Why: the user may not, the feature does not exist, the values or geometry are invalid, the
   * feature is no longer at the version the writer read (a concurrent edit won), another lock holds
   * the feature ({@link FeatureLocks}), or the lock presented is unknown or expired.
   */
  public enum Reason {
    FORBIDDEN,
    NOT_FOUND,
    INVALID,
    CONFLICT,
    LOCKED,
    INVALID_LOCK
  }

  private final Reason reason;
  private final String locator;

  public EditException(Reason reason, String message) {
    this(reason, message, null, null);
  }

  public EditException(Reason reason, String message, Throwable cause) {
    this(reason, message, null, cause);
  }

  private EditException(Reason reason, String message, String locator, Throwable cause) {
    super(message, cause);
    this.reason = reason;
    this.locator = locator;
  }

  public Reason reason() {
    return reason;
  }

  /** The edit refused, or null. */
  public String locator() {
    return locator;
  }

  /** This refusal attributed to an edit (kept when it already names one). */
  EditException at(String editLocator) {
    return locator != null
        ? this
        : new EditException(reason, getMessage(), editLocator, getCause());
  }
}
