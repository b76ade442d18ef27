package cn.lzxq.city.data.analysis;

import java.sql.SQLException;

/** Reads the two pipes of a pair row (a_ and b_ columns). */
final class PipePair {

  private PipePair() {
  }

  static PipeRef a(Row r) throws SQLException {
    return side(r, "a_");
  }

  static PipeRef b(Row r) throws SQLException {
    return side(r, "b_");
  }

  private static PipeRef side(Row r, String p) throws SQLException {
    return new PipeRef(r.lng(p + "fid"), r.str(p + "network"), r.integer(p + "size"), r.str(p + "owner"),
        r.str(p + "owner_name"));
  }
}
