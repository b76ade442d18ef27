package cn.lzxq.city.server.ogcapi;

/** An OGC API error answered as RFC 9457 problem details with this HTTP status. */
class OgcApiException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int status;

  OgcApiException(int status, String message) {
    super(message);
    this.status = status;
  }

  int status() {
    return status;
  }
}
