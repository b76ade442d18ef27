package cn.lzxq.city.data.analysis.common;

import java.time.Duration;

/**
 * An analysis ran past its time limit and was cancelled (PostgreSQL statement_timeout or the Java
 * walk).
 */
public class AnalysisTimeoutException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final transient Duration limit;

  public AnalysisTimeoutException(Duration limit, Throwable cause) {
    super(
        "分析超过时限 "
            + limit.toMillis() / 1000.0
            + " 秒，请缩小范围 / The analysis exceeded its time limit of "
            + limit.toMillis() / 1000.0
            + " s; narrow the scope",
        cause);
    this.limit = limit;
  }

  /** The limit that was exceeded. */
  public Duration limit() {
    return limit;
  }
}
