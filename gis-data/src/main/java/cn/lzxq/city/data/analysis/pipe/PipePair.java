package cn.lzxq.city.data.analysis.pipe;

import cn.lzxq.city.data.analysis.common.Row;
import java.sql.SQLException;

/** Reads the two pipes of a pair row (a_ and b_ columns, see {@link PipeRef#read}). */
public final class PipePair {

  private PipePair() {}

  /** The a_ side of the row. */
  public static PipeRef a(Row r) throws SQLException {
    return PipeRef.read(r, "a_");
  }

  /** The b_ side of the row. */
  public static PipeRef b(Row r) throws SQLException {
    return PipeRef.read(r, "b_");
  }
}
