package cn.lzxq.city.data.layer;

import cn.lzxq.city.data.db.ReadTransaction;
import cn.lzxq.city.data.sql.SqlTemplate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
import java.util.stream.Collectors;
import org.locationtech.jts.geom.Envelope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Measures the current features of vector layers: per layer their count and box (native and CRS84),
 * leaving out (with a logged warning) rows whose geometry holds a non-finite coordinate, as every
 * read does. One statement per table and geometry column (the six pipe networks share one scan of
 * {@code pipe_segment}), each layer's figures aggregated under its row predicate; without a cursor
 * (so PostgreSQL may run it in parallel), in the caller's read transaction and under its statement
 * timeout.
 */
public final class LayerStatistics {

  private static final Logger LOG = LoggerFactory.getLogger(LayerStatistics.class);

  private LayerStatistics() {}

  /** The measures of the vector layers {@code layers}, read now in {@code tx}, by layer name. */
  public static Map<String, LayerMeasure> measure(ReadTransaction tx, List<Layer> layers)
      throws SQLException {
    Map<String, List<Layer>> byColumn =
        layers.stream()
            .collect(
                Collectors.groupingBy(
                    l -> l.table() + "." + l.geometryColumn(),
                    LinkedHashMap::new,
                    Collectors.toList()));
    Map<String, LayerMeasure> out = new HashMap<>();
    for (List<Layer> sharing : byColumn.values()) {
      for (Measured m : tx.queryAll(statement(sharing), Map.of(), LayerStatistics::measured)) {
        Layer layer = sharing.get(m.layer());
        if (m.skipped() > 0) {
          LOG.warn(
              "{} current rows of layer {} hold non-finite coordinates; they are not served",
              m.skipped(),
              layer.name());
        }
        out.put(layer.name(), m.measure());
      }
    }
    return out;
  }

  /** One row of the statement: the layer's index in its group, what was skipped and measured. */
  private record Measured(int layer, long skipped, LayerMeasure measure) {}

  private static String statement(List<Layer> sharing) {
    Layer first = sharing.get(0);
    StringJoiner measures = new StringJoiner(",\n");
    StringJoiner rows = new StringJoiner(", ");
    for (int i = 0; i < sharing.size(); i++) {
      measures.add(
          SqlTemplate.render(
              "layer_stats_layer",
              Map.of(
                  "filter", sharing.get(i).rowFilter("t"),
                  "geom", first.geometryColumn(),
                  "i", Integer.toString(i))));
      rows.add("(" + i + ", a.n" + i + ", a.skipped" + i + ", a.box" + i + ")");
    }
    return SqlTemplate.render(
        "layer_stats",
        Map.of(
            "measures", measures.toString(),
            "rows", rows.toString(),
            "table", first.table(),
            "geom", first.geometryColumn()));
  }

  private static Measured measured(ResultSet rs) throws SQLException {
    long count = rs.getLong("feature_count");
    LayerMeasure measure =
        count == 0
            ? new LayerMeasure(0, null, null)
            : new LayerMeasure(
                count,
                new Envelope(
                    rs.getDouble("min_x"),
                    rs.getDouble("max_x"),
                    rs.getDouble("min_y"),
                    rs.getDouble("max_y")),
                new double[] {
                  rs.getDouble("min_lon"),
                  rs.getDouble("min_lat"),
                  rs.getDouble("max_lon"),
                  rs.getDouble("max_lat")
                });
    return new Measured(rs.getInt("layer"), rs.getLong("skipped"), measure);
  }
}
