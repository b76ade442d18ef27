package cn.lzxq.city.server.catalog;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.layer.LayerMeasure;
import cn.lzxq.city.data.layer.LayerStatistics;
import cn.lzxq.city.server.tilestore.ChangeLog;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;

/**
 * The measures of every vector layer (count, native and CRS84 box: {@link LayerStatistics}), shared
 * by {@code /api/layers} and the WMS capabilities' extents so that one scan per table serves both.
 * Each layer is read once through the one read path (under the statement timeout) and read again
 * only after the change log reports an edit of it; a read of the whole city takes seconds, so two
 * callers that find the same layers stale wait for one read instead of scanning twice.
 */
@Service
public class LayerMeasurements {

  /** A layer's measure and the change-log position it was read at. */
  private record Read(LayerMeasure measure, long seq) {}

  private final ReadExecutor reads;
  private final LayerCatalog catalog;
  private final ChangeLog changes;
  private final Map<String, Read> read = new HashMap<>();

  LayerMeasurements(ReadExecutor reads, LayerCatalog catalog, ChangeLog changes) {
    this.reads = reads;
    this.catalog = catalog;
    this.changes = changes;
  }

  /**
   * Every vector layer's measure by layer name, the layers edited since their last read read again
   * first (in one transaction; the log position is taken before it, so no edit is missed).
   *
   * @throws DataAccessResourceFailureException when a layer had to be read and could not be
   */
  public synchronized Map<String, LayerMeasure> current() {
    changes.poll();
    List<Layer> stale = catalog.all().stream().filter(this::isStale).toList();
    if (!stale.isEmpty()) {
      long seq = changes.seq();
      try {
        Map<String, LayerMeasure> measured = reads.read(tx -> LayerStatistics.measure(tx, stale));
        measured.forEach((name, m) -> read.put(name, new Read(m, seq)));
      } catch (SQLException e) {
        throw new DataAccessResourceFailureException("layer statistics", e);
      }
    }
    Map<String, LayerMeasure> out = new HashMap<>();
    read.forEach((name, r) -> out.put(name, r.measure()));
    return out;
  }

  private boolean isStale(Layer layer) {
    if (!layer.isVector()) {
      return false;
    }
    Read r = read.get(layer.name());
    return r == null || changes.changedSince(r.seq(), List.of(layer.name()), null, 0);
  }
}
