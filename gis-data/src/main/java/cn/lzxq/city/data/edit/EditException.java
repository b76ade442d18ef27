package cn.lzxq.city.data.edit;

/** An edit that was refused; the whole transaction is rolled back. */
public final class EditException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  /** Why: the user may not, the feature does not exist, or the database refused the values. */
  public enum Reason { FORBIDDEN, NOT_FOUND, INVALID }

  private final Reason reason;

  public EditException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public EditException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
