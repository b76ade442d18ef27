package cn.lzxq.city.data.layer;

import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.sql.SqlTemplate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the current features of a layer and measures their CRS84 extent, leaving out (with a
 * logged warning) rows whose geometry holds a non-finite coordinate, as every read does. One
 * statement over the whole layer, without a cursor (so PostgreSQL may run it in parallel), in the
 * caller's read transaction and under its statement timeout.
 */
public final class LayerStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(LayerStatistics.class);

  private LayerStatistics() {}

  /** The summary of one vector layer, read now in {@code tx}. */
  public static LayerSummary summarize(ReadTransaction tx, Layer layer) throws SQLException {
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
    return tx.queryAll(sql, Map.of(), rs -> summary(layer, rs)).get(0);
  }

  private static LayerSummary summary(Layer layer, ResultSet rs) throws SQLException {
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
