package cn.lzxq.city.data.layer;

import cn.lzxq.city.data.sql.SqlTemplate;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the current features of a layer and measures their CRS84 extent, leaving out (with a
 * logged warning) rows whose geometry holds a non-finite coordinate, as every read does.
 */
public final class LayerStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(LayerStatistics.class);

  private final DataSource dataSource;

  public LayerStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The summary of one layer, read now from the database. */
  public LayerSummary summarize(Layer layer) throws SQLException {
    String sql =
        SqlTemplate.render(
            "layer_stats",
            Map.of(
                "table",
                layer.table(),
                "geom",
                layer.geometryColumn(),
                "filter",
                layer.rowFilter()));
    try (Connection c = dataSource.getConnection();
        Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      rs.next();
      long count = rs.getLong("feature_count");
      if (rs.getLong("skipped") > 0) {
        LOG.warn(
            "{} current rows of layer {} hold non-finite coordinates; they are not served",
            rs.getLong("skipped"),
            layer.name());
      }
      double[] extent =
          count == 0
              ? null
              : new double[] {
                rs.getDouble("min_lon"),
                rs.getDouble("min_lat"),
                rs.getDouble("max_lon"),
                rs.getDouble("max_lat")
              };
      return LayerSummary.of(layer, count, extent);
    }
  }
}
