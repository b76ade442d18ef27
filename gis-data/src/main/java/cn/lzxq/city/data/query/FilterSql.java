package cn.lzxq.city.data.query;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.layer.Layer;
import java.util.List;
import java.util.StringJoiner;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.io.WKBWriter;

/**
 * Writes a {@link Filter} tree as a SQL predicate over the layer's table (alias {@code t}),
 * appending every value to the bind parameters. Windows and geometries are transformed into the
 * native CRS, never the table, so the GiST index is used.
 */
final class FilterSql {

  private final Layer layer;
  private final int nativeSrid;
  private final List<Object> params;

  FilterSql(Layer layer, int nativeSrid, List<Object> params) {
    this.layer = layer;
    this.nativeSrid = nativeSrid;
    this.params = params;
  }

  String write(Filter f) {
    // Java 17 has no pattern matching for switch: one instanceof chain over the sealed tree.
    if (f instanceof Filter.All) {
      return "TRUE";
    } else if (f instanceof Filter.And a) {
      return join(a.parts(), " AND ");
    } else if (f instanceof Filter.Or o) {
      return join(o.parts(), " OR ");
    } else if (f instanceof Filter.Not n) {
      return "NOT (" + write(n.part()) + ")";
    } else if (f instanceof Filter.Compare c) {
      return compare(c);
    } else if (f instanceof Filter.Between b) {
      return between(b);
    } else if (f instanceof Filter.Like l) {
      return like(l);
    } else if (f instanceof Filter.IsNull n) {
      return PropertyRef.resolve(layer, n.property()).column() + " IS NULL";
    } else if (f instanceof Filter.In in) {
      return in(in);
    } else if (f instanceof Filter.ResourceIds r) {
      return ids(r);
    } else if (f instanceof Filter.BBox b) {
      return "t."
          + layer.geometryColumn()
          + " && "
          + window(b.envelope(), b.srid(), nativeSrid, params);
    } else if (f instanceof Filter.Spatial s) {
      return spatial(s);
    } else if (f instanceof Filter.Temporal t) {
      return temporal(t);
    }
    throw new IllegalStateException("unhandled filter " + f.getClass().getSimpleName());
  }

  private String join(List<Filter> parts, String op) {
    StringJoiner j = new StringJoiner(op, "(", ")");
    parts.forEach(p -> j.add(write(p)));
    return j.toString();
  }

  private String compare(Filter.Compare c) {
    PropertyRef p = PropertyRef.resolve(layer, c.property());
    String op =
        switch (c.op()) {
          case EQ -> "=";
          case NE -> "<>";
          case LT -> "<";
          case LE -> "<=";
          case GT -> ">";
          case GE -> ">=";
        };
    bind(p.coerce(c.value()));
    return !c.matchCase() && p.textual()
        ? "lower(" + p.column() + ") " + op + " lower(?)"
        : p.column() + " " + op + " ?";
  }

  private String between(Filter.Between b) {
    PropertyRef p = PropertyRef.resolve(layer, b.property());
    bind(p.coerce(b.lower()));
    bind(p.coerce(b.upper()));
    return p.column() + " BETWEEN ? AND ?";
  }

  private String like(Filter.Like l) {
    PropertyRef p = PropertyRef.resolve(layer, l.property());
    bind(l.sqlPattern());
    return p.column() + "::text " + (l.matchCase() ? "LIKE" : "ILIKE") + " ?";
  }

  private String in(Filter.In in) {
    PropertyRef p = PropertyRef.resolve(layer, in.property());
    StringJoiner j = new StringJoiner(", ", p.column() + " IN (", ")");
    in.values()
        .forEach(
            v -> {
              bind(p.coerce(v));
              j.add("?");
            });
    return in.values().isEmpty() ? "FALSE" : j.toString();
  }

  private String ids(Filter.ResourceIds r) {
    if (r.fids().isEmpty()) {
      return "FALSE";
    }
    StringJoiner j = new StringJoiner(", ", "t.fid IN (", ")");
    r.fids()
        .forEach(
            id -> {
              params.add(id);
              j.add("?");
            });
    return j.toString();
  }

  /**
   * Appends a literal; PostgreSQL text cannot hold NUL, so a NUL in a literal is the client's
   * error.
   */
  private void bind(Object value) {
    if (value instanceof String text && text.indexOf('\0') >= 0) {
      throw new QueryException(
          "InvalidParameterValue", "Filter", "a literal of the filter holds a NUL character");
    }
    params.add(value);
  }

  /**
   * The envelope as a polygon in the native CRS, densified first when it is transformed (16
   * segments a side); a box of another CRS not known to lie inside the service area's reach ({@link
   * ServiceArea#reachCovers}) is first clipped to it ({@link ServiceArea#sqlReach}), so a
   * whole-world box never leaves the native projection's domain. Its corners are appended to {@code
   * params}.
   */
  static String window(Envelope e, int srid, int nativeSrid, List<Object> params) {
    params.add(e.getMinX());
    params.add(e.getMinY());
    params.add(e.getMaxX());
    params.add(e.getMaxY());
    String env = "ST_MakeEnvelope(?, ?, ?, ?, " + srid + ")";
    if (srid == nativeSrid) {
      return env;
    }
    if (ServiceArea.LANZHOU_NEW_AREA.reachCovers(e, srid)) {
      params.add(Math.max(Math.max(e.getWidth(), e.getHeight()), 1e-9) / 16);
      return "ST_Transform(ST_Segmentize(" + env + ", ?), " + nativeSrid + ")";
    }
    return toNative(env, srid, nativeSrid);
  }

  /**
   * A request-CRS geometry expression clipped to the service area's reach, densified and
   * transformed to native.
   */
  private static String toNative(String geometry, int srid, int nativeSrid) {
    return "(SELECT ST_Transform(ST_Segmentize(c, greatest(ST_XMax(c) - ST_XMin(c), ST_YMax(c) - ST_YMin(c), 1e-9) / 16), "
        + nativeSrid
        + ") FROM (SELECT ST_Intersection("
        + geometry
        + ", "
        + ServiceArea.LANZHOU_NEW_AREA.sqlReach(srid)
        + ") AS c) k)";
  }

  private String spatial(Filter.Spatial s) {
    String geom = "t." + layer.geometryColumn();
    params.add(new WKBWriter(2, true).write(s.geometry()));
    int srid = s.geometry().getSRID();
    String other =
        srid == nativeSrid || srid == 0
            ? "ST_Transform(ST_GeomFromEWKB(?), " + nativeSrid + ")"
            : toNative("ST_GeomFromEWKB(?)", srid, nativeSrid);
    return switch (s.op()) {
      case INTERSECTS -> "ST_Intersects(" + geom + ", " + other + ")";
      case DISJOINT -> "NOT ST_Intersects(" + geom + ", " + other + ")";
      case CONTAINS -> "ST_Contains(" + geom + ", " + other + ")";
      case WITHIN -> "ST_Within(" + geom + ", " + other + ")";
      case TOUCHES -> "ST_Touches(" + geom + ", " + other + ")";
      case CROSSES -> "ST_Crosses(" + geom + ", " + other + ")";
      case OVERLAPS -> "ST_Overlaps(" + geom + ", " + other + ")";
      case EQUALS -> "ST_Equals(ST_Force2D(" + geom + "), " + other + ")";
      case DWITHIN -> distance(geom, other, s, false);
      case BEYOND -> distance(geom, other, s, true);
    };
  }

  private String distance(String geom, String other, Filter.Spatial s, boolean beyond) {
    params.add(s.distanceMetres());
    String within = "ST_DWithin(" + geom + ", " + other + ", ?)";
    return beyond ? "NOT " + within : within;
  }

  private String temporal(Filter.Temporal t) {
    PropertyRef p = PropertyRef.resolve(layer, t.property());
    bind(p.coerce(t.begin()));
    return switch (t.op()) {
      case AFTER -> p.column() + " > ?";
      case BEFORE -> p.column() + " < ?";
      case TEQUALS -> p.column() + " = ?";
      case DURING -> {
        bind(p.coerce(t.end()));
        yield p.column() + " > ? AND " + p.column() + " < ?";
      }
    };
  }
}
