package cn.lzxq.city.data.edit;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.sql.SqlTemplate;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Reads the versions of a feature: its history of edits, including who deleted it and when. */
public final class FeatureHistory {

  /**
   * One version.
   *
   * @param versionId the version's id (the OGC API ETag, the FES {@code version})
   * @param validFrom real-world start
   * @param validTo real-world end; null while it is the latest version
   * @param changedBy who wrote the version
   * @param changedAt when it was written (transaction time)
   * @param changeNote the note of the write (e.g. "WFS-T", "OGC API Features")
   * @param closedBy who closed it (the next version's writer or the deleting user); null if open
   * @param closedAt when it was closed (transaction time); null if open
   */
  public record Version(
      long versionId,
      Instant validFrom,
      Instant validTo,
      String changedBy,
      Instant changedAt,
      String changeNote,
      String closedBy,
      Instant closedAt) {}

  private final DataSource dataSource;

  public FeatureHistory(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The feature's versions, oldest first; empty when the layer has no such feature. */
  public List<Version> versions(Layer layer, long fid) throws SQLException {
    String sql =
        SqlTemplate.render(
            "edit/history", Map.of("table", layer.table(), "filter", layer.rowFilter()));
    List<Version> out = new ArrayList<>();
    try (Connection c = dataSource.getConnection();
        PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setLong(1, fid);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          out.add(
              new Version(
                  rs.getLong(1),
                  instant(rs.getTimestamp(2)),
                  instant(rs.getTimestamp(3)),
                  rs.getString(4),
                  instant(rs.getTimestamp(5)),
                  rs.getString(6),
                  rs.getString(7),
                  instant(rs.getTimestamp(8))));
        }
      }
    }
    return out;
  }

  private static Instant instant(Timestamp t) {
    return t == null ? null : t.toInstant();
  }
}
