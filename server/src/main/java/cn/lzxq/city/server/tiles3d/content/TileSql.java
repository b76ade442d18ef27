package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.sql.SqlTemplate;
import cn.lzxq.city.tiles.content.FeatureClasses;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.gltf.PropertyDef;
import cn.lzxq.city.tiles.gltf.Rgba;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/** Small helpers shared by the content sources: bind values, geometry and property columns. */
final class TileSql {

  private TileSql() {}

  /**
   * The SQL of {@code sql/tiles3d/<template>.sql} for {@code layer}: its {@code {table}} and {@code
   * {filter}} slots filled with the layer's table and row filter (columns qualified by {@code
   * alias}).
   */
  static String sql(String template, Layer layer, String alias) {
    return SqlTemplate.render(
        "tiles3d/" + template, Map.of("table", layer.table(), "filter", layer.rowFilter(alias)));
  }

  /**
   * The window parameters: {@code west}, {@code south}, {@code east}, {@code north} (degrees),
   * {@code srid} (native) and {@code t} (the as-of time, null = now).
   */
  static Map<String, Object> window(Region r, int srid, Instant asOf) {
    Map<String, Object> params = new HashMap<>();
    params.put("west", Math.toDegrees(r.west()));
    params.put("south", Math.toDegrees(r.south()));
    params.put("east", Math.toDegrees(r.east()));
    params.put("north", Math.toDegrees(r.north()));
    params.put("srid", srid);
    params.put("t", asOf);
    return params;
  }

  /** A WKB geometry column (EPSG:4490 longitude/latitude, Z kept). */
  static Geometry geometry(ResultSet rs, String column) throws SQLException {
    try {
      return new WKBReader().read(rs.getBytes(column));
    } catch (ParseException e) {
      throw new SQLException("bad WKB in " + column, e);
    }
  }

  /** A nullable double column. */
  static Double number(ResultSet rs, String column) throws SQLException {
    double v = rs.getDouble(column);
    return rs.wasNull() ? null : v;
  }

  /** The colour of a {@code #rrggbb} column with the given alpha. */
  static Rgba colour(ResultSet rs, String column, double alpha) throws SQLException {
    return Rgba.hex(rs.getString(column), alpha);
  }

  /**
   * The property values of {@code cls} (all but {@code feature_id}): a value in {@code computed}
   * wins, otherwise the column of the same name, typed by the property's type.
   */
  static Map<String, Object> properties(
      ResultSet rs, MetadataClass cls, Map<String, Object> computed) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (PropertyDef p : cls.properties()) {
      if (p.id().equals(FeatureClasses.FEATURE_ID)) {
        continue;
      }
      if (computed.containsKey(p.id())) {
        values.put(p.id(), computed.get(p.id()));
        continue;
      }
      Object v =
          switch (p.type()) {
            case INT32 -> {
              int i = rs.getInt(p.id());
              yield rs.wasNull() ? null : i;
            }
            case INT64 -> {
              long l = rs.getLong(p.id());
              yield rs.wasNull() ? null : l;
            }
            case FLOAT32, FLOAT64 -> number(rs, p.id());
            case BOOLEAN -> {
              boolean b = rs.getBoolean(p.id());
              yield rs.wasNull() ? null : b;
            }
            case STRING -> rs.getString(p.id());
          };
      values.put(p.id(), v);
    }
    return values;
  }
}
