package cn.lzxq.city.data.query.cql;

import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.QueryException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;

/**
 * The spatial and temporal predicate names of CQL2 (and the older ECQL spellings clients still
 * send) and how each becomes a node of the filter tree. Shared by the text and JSON parsers.
 */
final class CqlFunctions {

  private CqlFunctions() {}

  /** The spatial operator of a function name ({@code S_INTERSECTS}, {@code INTERSECTS} …). */
  static Optional<Filter.SpatialOp> spatial(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    if (n.startsWith("S_")) {
      n = n.substring(2);
    }
    return switch (n) {
      case "INTERSECTS" -> Optional.of(Filter.SpatialOp.INTERSECTS);
      case "DISJOINT" -> Optional.of(Filter.SpatialOp.DISJOINT);
      case "CONTAINS" -> Optional.of(Filter.SpatialOp.CONTAINS);
      case "WITHIN" -> Optional.of(Filter.SpatialOp.WITHIN);
      case "TOUCHES" -> Optional.of(Filter.SpatialOp.TOUCHES);
      case "CROSSES" -> Optional.of(Filter.SpatialOp.CROSSES);
      case "OVERLAPS" -> Optional.of(Filter.SpatialOp.OVERLAPS);
      case "EQUALS" -> Optional.of(Filter.SpatialOp.EQUALS);
      case "DWITHIN" -> Optional.of(Filter.SpatialOp.DWITHIN);
      case "BEYOND" -> Optional.of(Filter.SpatialOp.BEYOND);
      default -> Optional.empty();
    };
  }

  /** True for a temporal function name ({@code T_AFTER} …). */
  static boolean temporal(String name) {
    return switch (name.toUpperCase(Locale.ROOT)) {
      case "T_AFTER", "T_BEFORE", "T_DURING", "T_EQUALS", "T_INTERSECTS", "ANYINTERACTS" -> true;
      default -> false;
    };
  }

  /**
   * The filter for a temporal function on a property against an instant ({@code end} null) or an
   * interval ({@code begin}/{@code end}, either null for an open end).
   */
  static Filter temporal(
      String name, String property, Instant begin, Instant end, boolean interval) {
    String n = name.toUpperCase(Locale.ROOT);
    if (!interval) {
      return switch (n) {
        case "T_AFTER" -> new Filter.Temporal(Filter.TemporalOp.AFTER, property, begin, null);
        case "T_BEFORE" -> new Filter.Temporal(Filter.TemporalOp.BEFORE, property, begin, null);
        case "T_EQUALS", "T_INTERSECTS", "ANYINTERACTS" ->
            new Filter.Temporal(Filter.TemporalOp.TEQUALS, property, begin, null);
        default ->
            throw new QueryException("InvalidParameterValue", "filter", n + " needs an interval");
      };
    }
    return switch (n) {
      case "T_AFTER" ->
          end == null
              ? new Filter.Not(Filter.all())
              : new Filter.Temporal(Filter.TemporalOp.AFTER, property, end, null);
      case "T_BEFORE" ->
          begin == null
              ? new Filter.Not(Filter.all())
              : new Filter.Temporal(Filter.TemporalOp.BEFORE, property, begin, null);
      case "T_DURING" -> during(property, begin, end, false);
      case "T_INTERSECTS", "ANYINTERACTS" -> during(property, begin, end, true);
      default ->
          throw new QueryException("InvalidParameterValue", "filter", n + " takes an instant");
    };
  }

  private static Filter during(String property, Instant begin, Instant end, boolean closed) {
    if (begin == null && end == null) {
      return new Filter.Not(new Filter.IsNull(property));
    }
    if (begin == null) {
      return new Filter.Compare(
          closed ? Filter.CompareOp.LE : Filter.CompareOp.LT, property, end, true);
    }
    if (end == null) {
      return new Filter.Compare(
          closed ? Filter.CompareOp.GE : Filter.CompareOp.GT, property, begin, true);
    }
    return closed
        ? new Filter.Between(property, begin, end)
        : new Filter.Temporal(Filter.TemporalOp.DURING, property, begin, end);
  }

  /** The spatial filter; the distance in metres for DWITHIN/BEYOND, else 0. */
  static Filter spatial(Filter.SpatialOp op, Geometry g, double distanceMetres) {
    return new Filter.Spatial(op, g, distanceMetres);
  }

  /**
   * A distance with its unit in metres (metres, kilometres, feet, statute miles, nautical miles).
   */
  static double metres(double value, String unit) {
    String u = unit == null ? "m" : unit.toLowerCase(Locale.ROOT);
    return switch (u) {
      case "m", "meter", "meters", "metre", "metres" -> value;
      case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> value * 1000;
      case "ft", "feet", "foot" -> value * 0.3048;
      case "mi", "mile", "miles", "statute miles" -> value * 1609.344;
      case "nm", "nautical miles" -> value * 1852;
      default ->
          throw new QueryException(
              "InvalidParameterValue", "filter", "unknown distance unit '" + unit + "'");
    };
  }
}
