package cn.lzxq.city.server.wfs;

import cn.lzxq.city.server.ows.OwsException;

/**
 * The ExceptionReport a WFS client gets when PostgreSQL cancels a query at the statement timeout
 * ({@code city.limits.statement-timeout}, {@link cn.lzxq.city.data.db.ReadExecutor#timedOut}):
 * OperationProcessingFailed, HTTP 400 (the request asks for more work than the server allows one
 * request).
 */
final class StatementTimeout {

  private StatementTimeout() {}

  static OwsException report() {
    return new OwsException(
        "OperationProcessingFailed",
        "GetFeature",
        "the query ran longer than the statement timeout; narrow the filter or page with COUNT/STARTINDEX",
        400);
  }
}
