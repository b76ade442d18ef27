package cn.lzxq.city.data.analysis.common;

import java.sql.SQLException;

/** A database failure during an analysis (not the caller's fault). */
public class AnalysisSqlException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public AnalysisSqlException(SQLException cause) {
    super(cause.getMessage(), cause);
  }

  /** The SQLSTATE of the failure (08xxx: connection problems). */
  public String sqlState() {
    return ((SQLException) getCause()).getSQLState();
  }
}
