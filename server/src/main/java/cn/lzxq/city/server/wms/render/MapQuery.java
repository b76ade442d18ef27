package cn.lzxq.city.server.wms.render;

import cn.lzxq.city.data.layer.GeometryKind;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.FeatureQuery;
import cn.lzxq.city.data.query.PreparedSql;
import cn.lzxq.city.data.query.SqlBuilder;
import cn.lzxq.city.server.wms.request.MapWindow;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The SQL of one read of a map: the rows of one layer, or of several layers on the same table
 * ({@link MapReads}). PostGIS does the spatial work: the window is transformed into the native CRS
 * ({@link SqlBuilder#window}) so the GiST index answers {@code &&}; lines and polygons are clipped
 * to the window (grown by a margin) and simplified to half a pixel in native metres, forced to 2D,
 * and sent as TWKB rounded to a tenth of a pixel: in the native CRS when the renderer maps native
 * coordinates to pixels itself ({@link ScreenMapping}), else transformed to the request CRS. Only
 * the properties the styles read are selected. The WHERE clause comes from the shared {@link
 * SqlBuilder}: the rows current at the as-of time once, then each layer's selection (row filter,
 * filter) ORed; a read of several layers selects one boolean column per layer telling whether the
 * row belongs to it.
 *
 * <p>Columns: {@code fid}, the properties in the given order, one membership flag per layer when
 * there are several, then the TWKB geometry.
 */
public final class MapQuery {

  /** Margin around the window, in pixels, so strokes and symbols at the edge are whole. */
  public static final double MARGIN_PX = 32;

  private MapQuery() {}

  /**
   * @param layers the layers read, all on the same table and geometry column; each with its own
   *     filter (subtype, CQL_FILTER), without the window
   * @param properties the attributes to select (names from the layers' catalog definitions)
   * @param nativeOut send the geometries in the native CRS (the caller maps them to pixels with a
   *     fitted {@link ScreenMapping}) instead of transforming each in PostGIS
   * @param selective the window holds a small share of the table: read its rows through the spatial
   *     index alone (an {@code OFFSET 0} fence keeps the layers' row filters from being ANDed in as
   *     a second index bitmap)
   */
  public static PreparedSql sql(
      SqlBuilder builder,
      List<LayerPlan> layers,
      List<String> properties,
      MapWindow w,
      Instant asOf,
      boolean nativeOut,
      boolean selective) {
    Layer layer = layers.get(0).layer();
    FeatureQuery rows = query(layers.get(0), asOf, w);
    int srid = w.crs().srid();
    int nativeSrid = builder.nativeSrid();
    List<Object> params = new ArrayList<>();
    StringBuilder sql = new StringBuilder("SELECT t.fid");
    for (String p : properties) {
      sql.append(", t.\"").append(p).append('"');
    }
    if (layers.size() > 1) {
      for (LayerPlan l : layers) {
        sql.append(", (").append(builder.selection(query(l, asOf, w), params)).append(')');
      }
    }
    String g = "ST_Force2D(t." + layer.geometryColumn() + ")";
    if (layer.geometryKind() != GeometryKind.POINT) {
      g =
          "ST_Simplify(CASE WHEN t."
              + layer.geometryColumn()
              + " @ w.b THEN "
              + g
              + " ELSE ST_ClipByBox2D("
              + g
              + ", w.b) END, ?, true)";
      params.add(w.metresPerPixel() / 2);
    }
    if (srid != nativeSrid && !nativeOut) {
      g = "ST_Transform(" + g + ", " + srid + ")";
    }
    sql.append(", ST_AsTWKB(").append(g).append(", ?) AS g");
    params.add(nativeOut ? digits(w.metresPerPixel()) : precision(w));
    sql.append(" FROM (SELECT ")
        .append(builder.window(w.grownBy(MARGIN_PX), srid, params))
        .append(" AS b) w, ");
    if (selective) {
      sql.append("LATERAL (SELECT * FROM ")
          .append(layer.table())
          .append(" s WHERE s.")
          .append(layer.geometryColumn())
          .append(" && w.b OFFSET 0) t");
    } else {
      sql.append(layer.table()).append(" t");
    }
    sql.append(" WHERE t.")
        .append(layer.geometryColumn())
        .append(" && w.b AND ")
        .append(builder.current(rows, params))
        .append(" AND (");
    for (int i = 0; i < layers.size(); i++) {
      sql.append(i == 0 ? "(" : " OR (")
          .append(builder.selection(query(layers.get(i), asOf, w), params))
          .append(')');
    }
    sql.append(')');
    return new PreparedSql(sql.toString(), params);
  }

  /** One layer's rows at the as-of time matching its filter (the window is applied once). */
  private static FeatureQuery query(LayerPlan l, Instant asOf, MapWindow w) {
    return FeatureQuery.of(l.layer(), w.crs().srid()).withAsOf(asOf).withFilter(l.filter());
  }

  /** Decimal digits that keep a tenth of a pixel (TWKB allows -7…7). */
  static int precision(MapWindow w) {
    return digits(w.unitsPerPixel());
  }

  private static int digits(double unitsPerPixel) {
    int digits = (int) Math.ceil(Math.log10(10 / unitsPerPixel));
    return Math.max(-7, Math.min(7, digits));
  }
}
