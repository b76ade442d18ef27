package cn.lzxq.city.data.edit;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.PreparedSql;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.TreeSet;

/**
 * What every writer of features (edits and feature locks) does first inside its database
 * transaction: serialise on the matching features and check the user may write them.
 */
final class FeatureGate {

  /** The first key of the advisory locks on features (the second is the fid's hash). */
  private static final int LOCK_SPACE = 0x45444954;

  private final EditSql sql;

  FeatureGate(EditSql sql) {
    this.sql = sql;
  }

  /**
   * Locks every feature the filter matches (transaction-scoped advisory locks, in fid order) until
   * a re-read after locking finds no new match, and returns their fids: afterwards no other editor
   * changes them before this transaction ends, and the statements that follow see the latest
   * committed versions.
   */
  TreeSet<Long> serialise(Connection c, Layer layer, Filter filter) throws SQLException {
    TreeSet<Long> locked = new TreeSet<>();
    while (true) {
      TreeSet<Long> fresh = new TreeSet<>();
      try (PreparedStatement ps = sql.matching(layer, filter).prepare(c);
          ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          if (!locked.contains(rs.getLong(1))) {
            fresh.add(rs.getLong(1));
          }
        }
      }
      if (fresh.isEmpty()) {
        return locked;
      }
      try (PreparedStatement ps =
          c.prepareStatement(
              "SELECT pg_advisory_xact_lock(?, hashint8(f)) FROM "
                  + "(SELECT unnest(CAST(? AS bigint[])) AS f ORDER BY 1) s")) {
        ps.setInt(1, LOCK_SPACE);
        ps.setString(2, EditSql.bigintArray(fresh));
        ps.execute();
      }
      locked.addAll(fresh);
    }
  }

  /**
   * How many current features the filter matches; fails when one of them is a feature the user may
   * not write.
   */
  long census(Connection c, Layer layer, Filter filter, Editor who) throws SQLException {
    PreparedSql census = sql.census(layer, filter, who);
    try (PreparedStatement ps = census.prepare(c);
        ResultSet rs = ps.executeQuery()) {
      rs.next();
      if (rs.getLong(2) > 0) {
        throw forbidden(who, layer);
      }
      return rs.getLong(1);
    }
  }

  static EditException forbidden(Editor who, Layer layer) {
    return new EditException(
        EditException.Reason.FORBIDDEN,
        "user "
            + who.name()
            + " ("
            + who.role().name().toLowerCase()
            + (who.organization() == null ? "" : " of " + who.organization())
            + ") may not edit these features of "
            + layer.name());
  }
}
