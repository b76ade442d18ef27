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

  LayerCatalogService(DataSource dataSource) {
    this.statistics = new LayerStatistics(dataSource);
  }

  /** Every layer with its current count and extent. */
  public List<LayerSummary> summaries() {
    List<LayerSummary> out = new ArrayList<>();
    for (Layer layer : LayerCatalog.all()) {
      try {
        out.add(statistics.summarize(layer));
      } catch (SQLException e) {
        throw new DataAccessResourceFailureException("layer statistics for " + layer.name(), e);
      }
    }
    return out;
  }
}
