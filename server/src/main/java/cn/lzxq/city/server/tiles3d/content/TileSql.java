package cn.lzxq.city.server.tiles3d.content;

import cn.lzxq.city.tiles.gltf.MetadataClass;
import cn.lzxq.city.tiles.gltf.PropertyDef;
import cn.lzxq.city.tiles.content.FeatureClasses;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.Rgba;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/** Small helpers shared by the content sources: bind values, geometry and property columns. */
final class TileSql {

  private TileSql() {
  }

  /** The window binds: west, south, east, north (degrees), native SRID, as-of time. */
  static Object[] window(Region r, int srid, Instant asOf) {
    return new Object[] {Math.toDegrees(r.west()), Math.toDegrees(r.south()), Math.toDegrees(r.east()),
        Math.toDegrees(r.north()), srid, time(asOf)};
  }

  /** An as-of bind value (null = now). */
  static OffsetDateTime time(Instant asOf) {
    return asOf == null ? null : OffsetDateTime.ofInstant(asOf, ZoneOffset.UTC);
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
  static Map<String, Object> properties(ResultSet rs, MetadataClass cls, Map<String, Object> computed) throws SQLException {
    Map<String, Object> values = new LinkedHashMap<>();
    for (PropertyDef p : cls.properties()) {
      if (p.id().equals(FeatureClasses.FEATURE_ID)) {
        continue;
      }
      if (computed.containsKey(p.id())) {
        values.put(p.id(), computed.get(p.id()));
        continue;
      }
      Object v = switch (p.type()) {
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
