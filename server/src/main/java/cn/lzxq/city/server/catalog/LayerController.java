package cn.lzxq.city.server.catalog;

import cn.lzxq.city.data.layer.LayerSummary;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/layers}: the layer catalog with titles, geometry type, count and CRS84 extent.
 */
@RestController
class LayerController {

  private final LayerCatalogService catalog;

  LayerController(LayerCatalogService catalog) {
    this.catalog = catalog;
  }

  @GetMapping(path = "/api/layers", produces = "application/json")
  List<LayerSummary> layers() {
    return catalog.summaries();
  }
}
