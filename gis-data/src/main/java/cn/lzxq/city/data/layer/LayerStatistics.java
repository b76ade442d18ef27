package cn.lzxq.city.data.layer;

import cn.lzxq.city.data.sql.SqlTemplate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;

/** Counts the current features of a layer and measures their CRS84 extent. */
public final class LayerStatistics {

  private final DataSource dataSource;

  public LayerStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The summary of one layer, read now from the database. */
  public LayerSummary summarize(Layer layer) throws SQLException {
    String sql = SqlTemplate.render("layer_stats", Map.of(
        "table", layer.table(), "geom", layer.geometryColumn(), "filter", layer.rowFilter()));
    try (Connection c = dataSource.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      long count = rs.getLong("feature_count");
      double[] extent = count == 0 ? null : new double[] {
          rs.getDouble("min_lon"), rs.getDouble("min_lat"), rs.getDouble("max_lon"), rs.getDouble("max_lat")};
      return LayerSummary.of(layer, count, extent);
    }
  }
}
