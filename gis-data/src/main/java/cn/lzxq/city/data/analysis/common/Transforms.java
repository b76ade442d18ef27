package cn.lzxq.city.data.analysis.common;

import cn.lzxq.city.data.crs.CrsRef;
import java.sql.SQLException;

/**
 * Runs a query that transforms request coordinates; PROJ's refusal becomes bad input, not a server
 * error.
 */
final class Transforms {

  private Transforms() {}

  interface Query<T> {
    T run() throws SQLException;
  }

  static <T> T guard(CrsRef crs, Query<T> q) throws SQLException {
    try {
      return q.run();
    } catch (SQLException e) {
      String m = e.getMessage() == null ? "" : e.getMessage();
      if (m.contains("transform") || m.contains("coordinate")) {
        throw new AnalysisInputException(
            "坐标无法从 " + crs.code() + " 转换，请检查坐标轴顺序",
            "coordinates cannot be transformed from " + crs.code() + "; check the axis order");
      }
      throw e;
    }
  }
}
