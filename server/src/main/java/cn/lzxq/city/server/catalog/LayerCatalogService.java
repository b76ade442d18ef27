package cn.lzxq.city.server.catalog;

import cn.lzxq.city.data.db.ReadExecutor;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.layer.LayerStatistics;
import cn.lzxq.city.data.layer.LayerSummary;
import cn.lzxq.city.server.tilestore.ChangeLog;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;

/**
 * Summaries of every layer: for a vector layer its current count and CRS84 extent, each read once
 * through the one read path (under the statement timeout) and read again only after the change log
 * reports an edit of that layer. A count scans the whole layer (seconds on the city), so a catalog
 * request costs a poll of the change log and the re-read of the layers edited since the last one,
 * and reflects an edit once the log has read it (its poll interval).
 */
@Service
class LayerCatalogService {

  /** A layer's summary and the change-log position it was read at. */
  private record Read(LayerSummary summary, long seq) {}

  private final ReadExecutor reads;
  private final LayerCatalog catalog;
  private final ChangeLog changes;
  private final Map<String, Read> read = new ConcurrentHashMap<>();

  LayerCatalogService(ReadExecutor reads, LayerCatalog catalog, ChangeLog changes) {
    this.reads = reads;
    this.catalog = catalog;
    this.changes = changes;
  }

  /** Every layer with its fields, and for a vector layer its current count and extent. */
  List<LayerSummary> summaries() {
    changes.poll();
    List<Layer> stale = catalog.all().stream().filter(this::isStale).toList();
    if (!stale.isEmpty()) {
      readAgain(stale);
    }
    List<LayerSummary> out = new ArrayList<>();
    for (Layer layer : catalog.all()) {
      out.add(
          layer.isVector() ? read.get(layer.name()).summary() : LayerSummary.of(layer, 0, null));
    }
    return out;
  }

  private boolean isStale(Layer layer) {
    if (!layer.isVector()) {
      return false;
    }
    Read r = read.get(layer.name());
    return r == null || changes.changedSince(r.seq(), List.of(layer.name()), null, 0);
  }

  /** Reads the layers in one transaction; the position is taken first, so no edit is missed. */
  private void readAgain(List<Layer> layers) {
    long seq = changes.seq();
    try {
      reads.read(
          tx -> {
            for (Layer layer : layers) {
              read.put(layer.name(), new Read(LayerStatistics.summarize(tx, layer), seq));
            }
            return null;
          });
    } catch (SQLException e) {
      throw new DataAccessResourceFailureException("layer statistics", e);
    }
  }
}
