package cn.lzxq.city.server.error;

/**
 * A request body passed the configured limit ({@code city.http.max-request-body}) while it was
 * read: HTTP 413 in the protocol's form.
 */
public final class RequestTooLarge extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public RequestTooLarge(long limitBytes) {
    super("请求体过大 / the request body is larger than the limit of " + limitBytes + " bytes");
  }

  /** The exception in the cause chain of {@code t}, or null. */
  public static RequestTooLarge in(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
      if (c instanceof RequestTooLarge r) {
        return r;
      }
    }
    return null;
  }
}
