package cn.lzxq.city.data.query;

import cn.lzxq.city.data.layer.Layer;
import java.time.Instant;
import java.util.List;

/**
 * A neutral read of one layer, built by every protocol (WMS GetMap/GetFeatureInfo, WFS GetFeature,
 * OGC API items, 3D tile content, analyses) and turned into SQL by {@link SqlBuilder}.
 *
 * @param layer the layer
 * @param filter the filter tree (bbox filters included)
 * @param properties the attributes to return; empty for all
 * @param sort the sort order (the feature id always breaks ties, so paging is stable)
 * @param offset features to skip
 * @param limit the most features to return; negative for no limit
 * @param outputSrid SRID of the returned geometries
 * @param asOf the time the city is read at; null for now
 * @param simplifyMetres simplification tolerance in native CRS units (metres); 0 for none
 * @param force2d drop Z from returned geometries (maps)
 * @param withGeometry return the geometry at all
 */
public record FeatureQuery(
    Layer layer,
    Filter filter,
    List<String> properties,
    List<SortKey> sort,
    long offset,
    long limit,
    int outputSrid,
    Instant asOf,
    double simplifyMetres,
    boolean force2d,
    boolean withGeometry) {

  public FeatureQuery {
    properties = List.copyOf(properties);
    sort = List.copyOf(sort);
  }

  /** Every current feature of the layer, all attributes, geometry in {@code outputSrid}. */
  public static FeatureQuery of(Layer layer, int outputSrid) {
    return new FeatureQuery(
        layer, Filter.all(), List.of(), List.of(), 0, -1, outputSrid, null, 0, false, true);
  }

  public FeatureQuery withFilter(Filter f) {
    return new FeatureQuery(
        layer,
        f,
        properties,
        sort,
        offset,
        limit,
        outputSrid,
        asOf,
        simplifyMetres,
        force2d,
        withGeometry);
  }

  public FeatureQuery withProperties(List<String> p) {
    return new FeatureQuery(
        layer,
        filter,
        p,
        sort,
        offset,
        limit,
        outputSrid,
        asOf,
        simplifyMetres,
        force2d,
        withGeometry);
  }

  public FeatureQuery withSort(List<SortKey> s) {
    return new FeatureQuery(
        layer,
        filter,
        properties,
        s,
        offset,
        limit,
        outputSrid,
        asOf,
        simplifyMetres,
        force2d,
        withGeometry);
  }

  public FeatureQuery withPage(long newOffset, long newLimit) {
    return new FeatureQuery(
        layer,
        filter,
        properties,
        sort,
        newOffset,
        newLimit,
        outputSrid,
        asOf,
        simplifyMetres,
        force2d,
        withGeometry);
  }

  public FeatureQuery withAsOf(Instant t) {
    return new FeatureQuery(
        layer,
        filter,
        properties,
        sort,
        offset,
        limit,
        outputSrid,
        t,
        simplifyMetres,
        force2d,
        withGeometry);
  }

  public FeatureQuery withoutGeometry() {
    return new FeatureQuery(
        layer,
        filter,
        properties,
        sort,
        offset,
        limit,
        outputSrid,
        asOf,
        simplifyMetres,
        force2d,
        false);
  }
}
