package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.query.FeatureSource;
import cn.lzxq.city.server.ows.OwsException;
import java.sql.SQLException;

/**
 * PostgreSQL cancelling a query at the statement timeout ({@code city.limits.statement-timeout},
 * SQLSTATE 57014), and the ExceptionReport a WFS client gets for it: OperationProcessingFailed,
 * HTTP 400 (the request asks for more work than the server allows one request).
 */
final class StatementTimeout {

  private StatementTimeout() {
  }

  static boolean is(SQLException e) {
    return FeatureSource.timedOut(e);
  }

  static OwsException report() {
    return new OwsException("OperationProcessingFailed", "GetFeature",
        "the query ran longer than the statement timeout; narrow the filter or page with COUNT/STARTINDEX", 400);
  }
}
