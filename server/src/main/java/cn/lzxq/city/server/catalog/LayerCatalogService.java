package cn.lzxq.city.server.catalog;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.layer.LayerMeasure;
import cn.lzxq.city.data.layer.LayerSummary;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * Summaries of every layer: for a vector layer its current count and CRS84 extent from {@link
 * LayerMeasurements}, which reads a layer again only after the change log reports an edit of it. A
 * count scans the whole layer (seconds on the city), so a catalog request costs a poll of the
 * change log and the re-read of the layers edited since the last one, and reflects an edit once the
 * log has read it (its poll interval).
 */
@Service
class LayerCatalogService {

  private final LayerCatalog catalog;
  private final LayerMeasurements measurements;

  LayerCatalogService(LayerCatalog catalog, LayerMeasurements measurements) {
    this.catalog = catalog;
    this.measurements = measurements;
  }

  /** Every layer with its fields, and for a vector layer its current count and extent. */
  List<LayerSummary> summaries() {
    Map<String, LayerMeasure> measured = measurements.current();
    List<LayerSummary> out = new ArrayList<>();
    for (Layer layer : catalog.all()) {
      LayerMeasure m = layer.isVector() ? measured.get(layer.name()) : null;
      out.add(
          m == null
              ? LayerSummary.of(layer, 0, null)
              : LayerSummary.of(layer, m.count(), m.crs84()));
    }
    return out;
  }
}
