package cn.lzxq.city.data.db;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Small helpers for tests that check the database with their own SQL. */
public final class Sql {

  private Sql() {}

  /** The first column of every row, as text. */
  public static List<String> strings(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      List<String> out = new ArrayList<>();
      while (rs.next()) {
        out.add(rs.getString(1));
      }
      return out;
    }
  }

  /** The single long value the query returns. */
  public static long count(DataSource db, String sql) throws SQLException {
    return Long.parseLong(strings(db, sql).get(0));
  }

  /** Runs statements that return no rows. */
  public static void exec(DataSource db, String sql) throws SQLException {
    try (Connection c = db.getConnection();
        Statement s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
