package cn.lzxq.city.data.coverage;

import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.db.ValidTime;
import cn.lzxq.city.data.sql.SqlTemplate;
import java.sql.SQLException;
import java.util.Map;

/**
 * The buildings standing now on the coverage grid, for line of sight: each cell whose centre lies
 * in a current, existing building's footprint takes the greatest height of such a building above
 * its ground ({@code sql/coverage/buildings}: the ridge height where known, else the GB 50352
 * height or floors × 3 m). A building narrower than a cell may fall between centres and not
 * obstruct.
 */
final class CoverageBuildings {

  private CoverageBuildings() {}

  /**
   * Building heights above ground of the grid's cells, metres, row-major, 0 where none; null when
   * no building stands on the grid (line of sight then falls back to the model's probability).
   */
  static float[] read(ReadTransaction tx, CoverageGrid grid) throws SQLException {
    float[] out = new float[grid.width() * grid.height()];
    int found =
        tx.queryAll(
                SqlTemplate.render("coverage/buildings", Map.of("valid_now", ValidTime.now("b"))),
                Map.of(
                    "west", grid.west(),
                    "north", grid.north(),
                    "cell", grid.cellM(),
                    "width", grid.width(),
                    "height", grid.height()),
                rs -> {
                  out[rs.getInt("rn") * grid.width() + rs.getInt("col")] =
                      (float) rs.getDouble("height_m");
                  return Boolean.TRUE;
                })
            .size();
    return found == 0 ? null : out;
  }
}
