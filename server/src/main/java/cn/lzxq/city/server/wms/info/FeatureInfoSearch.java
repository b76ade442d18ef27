package cn.lzxq.city.server.wms.info;

import cn.lzxq.city.data.query.Feature;
import cn.lzxq.city.data.query.FeatureCursor;
import cn.lzxq.city.data.query.FeatureQuery;
import cn.lzxq.city.data.query.FeatureSource;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.server.wms.layer.WmsLayer;
import cn.lzxq.city.server.wms.request.MapWindow;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.Point;

/**
 * Finds the features under a pixel: PostGIS selects candidates whose box meets the pixel grown by
 * the tolerance (through the spatial index); they are then ranked by their distance to the pixel
 * centre in pixels (0 inside a polygon) and those within the tolerance kept, nearest first.
 */
public final class FeatureInfoSearch {

  /** Most candidate rows read per layer before ranking. */
  private static final int MAX_CANDIDATES = 500;

  private final FeatureSource source;

  public FeatureInfoSearch(FeatureSource source) {
    this.source = source;
  }

  /**
   * @param filter layer filter (subtype, CQL_FILTER) without the window
   * @param i pixel column
   * @param j pixel row
   */
  public LayerHits search(
      WmsLayer layer,
      Filter filter,
      MapWindow w,
      Instant asOf,
      int i,
      int j,
      int tolerancePx,
      int featureCount)
      throws SQLException {
    double[] at = w.toWorld(i, j);
    double ux = w.bbox().getWidth() / w.width();
    double uy = w.bbox().getHeight() / w.height();
    Envelope box =
        new Envelope(
            at[0] - (tolerancePx + 0.5) * ux,
            at[0] + (tolerancePx + 0.5) * ux,
            at[1] - (tolerancePx + 0.5) * uy,
            at[1] + (tolerancePx + 0.5) * uy);
    FeatureQuery q =
        FeatureQuery.of(layer.source(), w.crs().srid())
            .withAsOf(asOf)
            .withFilter(Filter.and(List.of(new Filter.BBox(box, w.crs().srid()), filter)))
            .withPage(0, MAX_CANDIDATES);
    Point click = new GeometryFactory().createPoint(new Coordinate(at[0], at[1]));
    record Ranked(Feature feature, double pixels) {}
    List<Ranked> ranked = new ArrayList<>();
    try (FeatureCursor cursor = source.stream(q)) {
      while (cursor.next()) {
        Feature f = cursor.current();
        if (f.geometry() != null) {
          double d = f.geometry().distance(click) / Math.min(ux, uy);
          if (d <= tolerancePx + 0.5) {
            ranked.add(new Ranked(f, d));
          }
        }
      }
      List<Feature> nearest =
          ranked.stream()
              .sorted(Comparator.comparingDouble(Ranked::pixels))
              .limit(featureCount)
              .map(Ranked::feature)
              .toList();
      return new LayerHits(layer, cursor.attributes(), nearest);
    }
  }
}
