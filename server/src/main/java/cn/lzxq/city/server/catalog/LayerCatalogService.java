package cn.lzxq.city.server.catalog;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.layer.LayerStatistics;
import cn.lzxq.city.data.layer.LayerSummary;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.stereotype.Service;

/** Summaries of every layer, read from the database on each call. */
@Service
public class LayerCatalogService {

  private final LayerStatistics statistics;
  private final LayerCatalog catalog;

  LayerCatalogService(DataSource dataSource, LayerCatalog catalog) {
    this.statistics = new LayerStatistics(dataSource);
    this.catalog = catalog;
  }

  /** Every layer with its fields, and for a vector layer its current count and extent. */
  public List<LayerSummary> summaries() {
    List<LayerSummary> out = new ArrayList<>();
    for (Layer layer : catalog.all()) {
      try {
        out.add(layer.isVector() ? statistics.summarize(layer) : LayerSummary.of(layer, 0, null));
      } catch (SQLException e) {
        throw new DataAccessResourceFailureException("layer statistics for " + layer.name(), e);
      }
    }
    return out;
  }
}
