package cn.lzxq.city.server.tiles3d.grid;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.server.support.ScratchDatabase;
import cn.lzxq.city.server.tiles3d.grid.ImportanceRanking.SizeCount;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The ranking's input ({@code sql/tiles3d/pipe_sizes.sql} on PostGIS) counts a feature once, with
 * its largest version: the history of a pipe edited many times does not crowd the current pipes out
 * of the coarse levels, and a version larger than the current one still bounds the feature.
 */
class PipeSizesHistoryTest {

  private static final int DEEPEST = 6;
  private static final int FEATURES_PER_TILE = 32;
  private static HikariDataSource db;

  @BeforeAll
  static void fixture() throws Exception {
    db = TestDatabase.freshSchema("PipeSizesHistoryTest");
    ScratchDatabase.load(db, "/tiles3d/fixture.sql");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void aPipeEditedAHundredTimesKeepsItsLevelAndCountsOnce() throws SQLException {
    long fid =
        Sql.count(
            db,
            "SELECT fid FROM pipe_segment WHERE network = 'JS' AND valid_to IS NULL "
                + "ORDER BY dn_mm DESC, ST_Length(geom) DESC LIMIT 1");
    double size =
        Sql.count(db, "SELECT dn_mm FROM pipe_segment WHERE valid_to IS NULL AND fid = " + fid);
    double length =
        Double.parseDouble(
            Sql.strings(
                    db,
                    "SELECT round(ST_Length(geom)::numeric, 1) FROM pipe_segment "
                        + "WHERE valid_to IS NULL AND fid = "
                        + fid)
                .get(0));
    List<SizeCount> before = waterSizes();
    long featuresBefore = before.stream().mapToLong(SizeCount::count).sum();
    assertThat(
            ImportanceRanking.of(before, DEEPEST, FEATURES_PER_TILE)
                .levelFor(size, length, DEEPEST))
        .as("the largest water main is at the root")
        .isZero();

    // 100 earlier versions of the same size (more than the root's budget of 32, and than level 1's
    // 128 with the rest), closed before the current version began
    Sql.exec(db, history(fid, "dn_mm", 100, "2000-01-01"));
    List<SizeCount> after = waterSizes();
    assertThat(after.stream().mapToLong(SizeCount::count).sum())
        .as("every feature once")
        .isEqualTo(featuresBefore);
    assertThat(
            ImportanceRanking.of(after, DEEPEST, FEATURES_PER_TILE).levelFor(size, length, DEEPEST))
        .as("its history does not push it off the root")
        .isZero();

    // one earlier version twice as large: the feature is ranked by it (any as-of view of it fits)
    Sql.exec(db, history(fid, "dn_mm * 2", 1, "1999-01-01"));
    assertThat(waterSizes())
        .contains(new SizeCount(size * 2, length, 1))
        .noneMatch(c -> c.sizeMm() == size && c.lengthM() == length && c.count() > 1);
  }

  /**
   * {@code versions} closed one-day versions of {@code fid} from {@code day}, with size {@code dn}.
   */
  private static String history(long fid, String dn, int versions, String day) {
    return "INSERT INTO pipe_segment (fid, valid_from, valid_to, network, subtype, feature_code, "
        + "start_point, end_point, depth_ref, dn_mm, owner, geom) "
        + "SELECT fid, timestamptz '"
        + day
        + "' + k * interval '1 day', timestamptz '"
        + day
        + "' + (k + 1) * interval '1 day', network, subtype, feature_code, start_point, end_point, "
        + "depth_ref, "
        + dn
        + ", owner, geom FROM pipe_segment, generate_series(0, "
        + (versions - 1)
        + ") k WHERE valid_to IS NULL AND fid = "
        + fid;
  }

  /** The rows of the water layer from the statement the grid runs. */
  private static List<SizeCount> waterSizes() throws SQLException {
    List<SizeCount> sizes = new ArrayList<>();
    try (Connection c = db.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(CityGrid.pipeSizesSql(LayerCatalog.standard()))) {
      while (rs.next()) {
        if (rs.getString("layer").equals("pipe_js")) {
          sizes.add(
              new SizeCount(rs.getDouble("size_mm"), rs.getDouble("length_m"), rs.getLong("n")));
        }
      }
    }
    return sizes;
  }
}
