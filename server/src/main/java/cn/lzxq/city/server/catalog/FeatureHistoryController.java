package cn.lzxq.city.server.catalog;

import cn.lzxq.city.data.edit.FeatureHistory;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/layers/{layer}/features/{fid}/history}: every version of a feature, oldest first,
 * with who wrote and who closed each (a delete names its author); 404 problem when the layer has no
 * such feature.
 */
@RestController
class FeatureHistoryController {

  private final FeatureHistory history;
  private final LayerCatalog catalog;

  FeatureHistoryController(DataSource dataSource, LayerCatalog catalog) {
    this.history = new FeatureHistory(dataSource);
    this.catalog = catalog;
  }

  @GetMapping(path = "/api/layers/{layer}/features/{fid}/history", produces = "application/json")
  ResponseEntity<?> history(@PathVariable String layer, @PathVariable String fid)
      throws SQLException {
    Optional<Layer> l = catalog.findVector(layer);
    List<FeatureHistory.Version> versions =
        l.isEmpty() || !fid.matches("\\d{1,18}")
            ? List.of()
            : history.versions(l.get(), Long.parseLong(fid));
    if (versions.isEmpty()) {
      ProblemDetail p =
          ProblemDetail.forStatusAndDetail(
              HttpStatus.NOT_FOUND, "no feature " + fid + " in layer " + layer);
      return ResponseEntity.status(404).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }
    return ResponseEntity.ok(versions);
  }
}
