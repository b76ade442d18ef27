package cn.lzxq.city.data.query;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;

/**
 * The one filter tree that FES 2.0 XML, CQL2 text/JSON and simple KVP parameters all parse into,
 * and that {@link SqlBuilder} turns into SQL with bind parameters only.
 *
 * <p>Property names are checked against the layer when the SQL is built; values are always bound,
 * never spliced into SQL.
 */
public sealed interface Filter {

  /** Matches every feature (FES/CQL2 INCLUDE, or no filter). */
  record All() implements Filter {}

  /** All of the parts. */
  record And(List<Filter> parts) implements Filter {
    public And {
      parts = List.copyOf(parts);
    }
  }

  /** Any of the parts. */
  record Or(List<Filter> parts) implements Filter {
    public Or {
      parts = List.copyOf(parts);
    }
  }

  /** The negation. */
  record Not(Filter part) implements Filter {}

  /** The comparison operators. */
  enum CompareOp {
    EQ,
    NE,
    LT,
    LE,
    GT,
    GE
  }

  /**
   * {@code property op value}; value is a String, Number, Boolean or Instant. With {@code
   * matchCase} false, strings compare case-insensitively.
   */
  record Compare(CompareOp op, String property, Object value, boolean matchCase)
      implements Filter {}

  /** {@code lower <= property <= upper}. */
  record Between(String property, Object lower, Object upper) implements Filter {}

  /**
   * A pattern match. {@code sqlPattern} is already in SQL LIKE form ({@code %}, {@code _},
   * backslash escape); parsers translate their own wildcards into it.
   */
  record Like(String property, String sqlPattern, boolean matchCase) implements Filter {}

  /** The property is NULL (FES PropertyIsNull and PropertyIsNil, CQL2 IS NULL). */
  record IsNull(String property) implements Filter {}

  /** The property is one of the values. */
  record In(String property, List<Object> values) implements Filter {
    public In {
      values = List.copyOf(values);
    }
  }

  /**
   * The feature id is one of these (FES ResourceId, OGC API item id). {@code versions} maps some of
   * the fids to the version ({@code version_id}) the client read: an edit of such a feature fails
   * with a conflict when its latest version is another one. Reads ignore it.
   */
  record ResourceIds(List<Long> fids, Map<Long, Long> versions) implements Filter {
    public ResourceIds {
      fids = List.copyOf(fids);
      versions = Map.copyOf(versions);
    }

    /** Ids without versions. */
    public ResourceIds(List<Long> fids) {
      this(fids, Map.of());
    }
  }

  /**
   * The default geometry's bounding box meets the envelope, given in {@code srid} with x =
   * easting/longitude (callers have already applied the axis order).
   */
  record BBox(Envelope envelope, int srid) implements Filter {

    /** Refuses a box that is not finite (NaN, Infinity, or so large its width overflows). */
    public BBox {
      if (!envelope.isNull()
          && !(Double.isFinite(envelope.getWidth()) && Double.isFinite(envelope.getHeight()))) {
        throw new QueryException(
            "InvalidParameterValue", "BBOX", "the bounding box must be finite numbers");
      }
    }
  }

  /** The spatial operators of FES 2.0 and CQL2. */
  enum SpatialOp {
    INTERSECTS,
    DISJOINT,
    CONTAINS,
    WITHIN,
    TOUCHES,
    CROSSES,
    OVERLAPS,
    EQUALS,
    DWITHIN,
    BEYOND
  }

  /**
   * A spatial predicate between the default geometry and {@code geometry} (its SRID set, x =
   * easting/longitude); {@code distanceMetres} is used by DWITHIN and BEYOND only.
   */
  record Spatial(SpatialOp op, Geometry geometry, double distanceMetres) implements Filter {

    /** Refuses a geometry with a coordinate or a distance that is not a finite number. */
    public Spatial {
      Envelope e = geometry.getEnvelopeInternal();
      boolean finite =
          e.isNull() || Double.isFinite(e.getWidth()) && Double.isFinite(e.getHeight());
      if (!finite || Double.isNaN(distanceMetres) || Double.isInfinite(distanceMetres)) {
        throw new QueryException(
            "InvalidParameterValue",
            "Filter",
            "a filter geometry or distance is not finite numbers");
      }
    }
  }

  /** The temporal operators of FES 2.0 (and CQL2 T_AFTER, T_BEFORE, T_DURING, T_EQUALS). */
  enum TemporalOp {
    AFTER,
    BEFORE,
    DURING,
    TEQUALS
  }

  /** A temporal predicate on a date/time property; {@code end} is used by DURING only. */
  record Temporal(TemporalOp op, String property, Instant begin, Instant end) implements Filter {}

  /** Every feature. */
  static Filter all() {
    return new All();
  }

  /** The conjunction, simplified: {@code All} parts dropped, a single part returned as is. */
  static Filter and(List<Filter> parts) {
    List<Filter> kept = parts.stream().filter(p -> !(p instanceof All)).toList();
    return kept.isEmpty() ? all() : kept.size() == 1 ? kept.get(0) : new And(kept);
  }
}
