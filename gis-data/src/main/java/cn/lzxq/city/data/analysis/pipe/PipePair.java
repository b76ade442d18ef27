package cn.lzxq.city.data.analysis.pipe;

import cn.lzxq.city.data.analysis.common.Row;
import java.sql.SQLException;

/** Reads the two pipes of a pair row (a_ and b_ columns). */
public final class PipePair {

  private PipePair() {
  }

  /** The a_ side of the row. */
  public static PipeRef a(Row r) throws SQLException {
    return side(r, "a_");
  }

  /** The b_ side of the row. */
  public static PipeRef b(Row r) throws SQLException {
    return side(r, "b_");
  }

  private static PipeRef side(Row r, String p) throws SQLException {
    return new PipeRef(r.lng(p + "fid"), r.str(p + "network"), r.integer(p + "size"), r.str(p + "owner"),
        r.str(p + "owner_name"));
  }
}
