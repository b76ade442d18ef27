package cn.lzxq.city.data.query.cql;

import cn.lzxq.city.data.crs.AxisSwap;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.io.geojson.GeoJsonGeometry;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.FilterLimits;
import cn.lzxq.city.data.query.QueryException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Parses CQL2 JSON (OGC 21-065, {@code {"op": …, "args": […]}}) into the shared {@link Filter}
 * tree: the same operators as {@link Cql2Text}. Geometries are GeoJSON objects or {@code {"bbox":
 * […]}} in the filter CRS and its axis order (CRS84 by default).
 */
public final class Cql2Json {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final CrsRef filterCrs;
  private final FilterLimits limits;
  private int nodes;

  private Cql2Json(CrsRef filterCrs, FilterLimits limits) {
    this.filterCrs = filterCrs;
    this.limits = limits;
  }

  /** Parses CQL2 JSON text. */
  public static Filter parse(String text, CrsRef filterCrs, FilterLimits limits) {
    limits.checkLength(text, "filter");
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JacksonException e) {
      throw new QueryException(
          "InvalidParameterValue",
          "filter",
          "the filter is not valid JSON: " + e.getOriginalMessage());
    }
    return new Cql2Json(filterCrs, limits).filter(root, 1);
  }

  private Filter filter(JsonNode n, int depth) {
    limits.checkDepth(depth, "filter");
    limits.checkNodes(++nodes, "filter");
    if (n.isBoolean()) {
      return n.booleanValue() ? Filter.all() : new Filter.Not(Filter.all());
    }
    String op = n.path("op").asString("").toLowerCase(Locale.ROOT);
    JsonNode args = n.path("args");
    if (op.isEmpty() || !args.isArray()) {
      throw error("expected an object with \"op\" and \"args\"");
    }
    switch (op) {
      case "and", "or" -> {
        List<Filter> parts = new ArrayList<>();
        args.values().forEach(a -> parts.add(filter(a, depth + 1)));
        return op.equals("and") ? new Filter.And(parts) : new Filter.Or(parts);
      }
      case "not" -> {
        return new Filter.Not(filter(arg(args, 0), depth + 1));
      }
      case "=", "<>", "<", "<=", ">", ">=" -> {
        return compare(op, arg(args, 0), arg(args, 1));
      }
      case "like" -> {
        boolean caseless = isCasei(arg(args, 0)) || isCasei(arg(args, 1));
        return new Filter.Like(
            property(arg(args, 0)), String.valueOf(literal(arg(args, 1))), !caseless);
      }
      case "between" -> {
        return new Filter.Between(
            property(arg(args, 0)), literal(arg(args, 1)), literal(arg(args, 2)));
      }
      case "in" -> {
        List<Object> values = new ArrayList<>();
        for (JsonNode v : arg(args, 1).values()) {
          limits.checkNodes(++nodes, "filter");
          values.add(literal(v));
        }
        return new Filter.In(property(arg(args, 0)), values);
      }
      case "isnull" -> {
        return new Filter.IsNull(property(arg(args, 0)));
      }
      default -> {
        return function(op, args);
      }
    }
  }

  private Filter function(String op, JsonNode args) {
    Optional<Filter.SpatialOp> spatial = CqlFunctions.spatial(op);
    if (spatial.isPresent()) {
      property(arg(args, 0));
      double distance =
          spatial.get() == Filter.SpatialOp.DWITHIN || spatial.get() == Filter.SpatialOp.BEYOND
              ? CqlFunctions.metres(
                  arg(args, 2).doubleValue(), args.size() > 3 ? arg(args, 3).asString() : "m")
              : 0;
      return CqlFunctions.spatial(spatial.get(), geometry(arg(args, 1)), distance);
    }
    if (CqlFunctions.temporal(op)) {
      String property = property(arg(args, 0));
      JsonNode t = arg(args, 1);
      if (t.has("interval")) {
        JsonNode i = t.get("interval");
        return CqlFunctions.temporal(
            op, property, intervalEnd(i.path(0)), intervalEnd(i.path(1)), true);
      }
      return CqlFunctions.temporal(op, property, instant(t), null, false);
    }
    throw error("unsupported operator '" + op + "'");
  }

  private Filter compare(String op, JsonNode a, JsonNode b) {
    Filter.CompareOp o =
        switch (op) {
          case "=" -> Filter.CompareOp.EQ;
          case "<>" -> Filter.CompareOp.NE;
          case "<" -> Filter.CompareOp.LT;
          case "<=" -> Filter.CompareOp.LE;
          case ">" -> Filter.CompareOp.GT;
          default -> Filter.CompareOp.GE;
        };
    boolean matchCase = !isCasei(a) && !isCasei(b);
    if (isProperty(a)) {
      return new Filter.Compare(o, property(a), literal(b), matchCase);
    }
    Filter.CompareOp flipped =
        switch (o) {
          case LT -> Filter.CompareOp.GT;
          case LE -> Filter.CompareOp.GE;
          case GT -> Filter.CompareOp.LT;
          case GE -> Filter.CompareOp.LE;
          default -> o;
        };
    return new Filter.Compare(flipped, property(b), literal(a), matchCase);
  }

  private static boolean isCasei(JsonNode n) {
    String op = n.path("op").asString("");
    return op.equalsIgnoreCase("casei")
        || op.equalsIgnoreCase("lower")
        || op.equalsIgnoreCase("upper");
  }

  private static JsonNode unwrap(JsonNode n) {
    String op = n.path("op").asString("").toLowerCase(Locale.ROOT);
    return switch (op) {
      case "casei", "accenti", "lower", "upper" -> unwrap(n.path("args").path(0));
      default -> n;
    };
  }

  private static boolean isProperty(JsonNode n) {
    return unwrap(n).has("property");
  }

  private String property(JsonNode n) {
    JsonNode p = unwrap(n).get("property");
    if (p == null || !p.isString()) {
      throw error("expected {\"property\": name}");
    }
    return p.asString();
  }

  private Object literal(JsonNode raw) {
    JsonNode n = unwrap(raw);
    if (n.isString()) {
      return n.asString();
    } else if (n.isNumber()) {
      return n.decimalValue();
    } else if (n.isBoolean()) {
      return n.booleanValue();
    } else if (n.has("timestamp")) {
      return instant(n);
    } else if (n.has("date")) {
      return n.get("date").asString();
    }
    throw error("expected a literal value");
  }

  private Instant instant(JsonNode n) {
    JsonNode v = n.has("timestamp") ? n.get("timestamp") : n.has("date") ? n.get("date") : n;
    if (!v.isString()) {
      throw error("expected {\"timestamp\": …} or {\"date\": …}");
    }
    return Cql2Text.instant(v.asString());
  }

  private Instant intervalEnd(JsonNode n) {
    if (n.isString() && n.asString().equals("..")) {
      return null;
    }
    return instant(n);
  }

  private Geometry geometry(JsonNode n) {
    if (n.has("bbox")) {
      JsonNode b = n.get("bbox");
      int half = b.size() / 2;
      Geometry g =
          new GeometryFactory()
              .toGeometry(
                  AxisSwap.envelope(
                      b.path(0).doubleValue(),
                      b.path(1).doubleValue(),
                      b.path(half).doubleValue(),
                      b.path(half + 1).doubleValue(),
                      filterCrs));
      g.setSRID(filterCrs.srid());
      return g;
    }
    try {
      Geometry g = GeoJsonGeometry.read(n);
      if (g == null) {
        throw error("expected a geometry");
      }
      return AxisSwap.toEastNorth(g, filterCrs);
    } catch (IllegalArgumentException e) {
      throw error(e.getMessage());
    }
  }

  private JsonNode arg(JsonNode args, int i) {
    if (i >= args.size()) {
      throw error("too few arguments");
    }
    return args.get(i);
  }

  private static QueryException error(String message) {
    return new QueryException("InvalidParameterValue", "filter", "CQL2 JSON: " + message);
  }
}
