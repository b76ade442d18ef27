package cn.lzxq.city.data.query.cql;

import cn.lzxq.city.data.crs.AxisSwap;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.FilterLimits;
import cn.lzxq.city.data.query.QueryException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKTReader;

/**
 * Parses CQL2 text (OGC 21-065: basic CQL2, advanced comparison, case-insensitive comparison, basic
 * spatial and spatial functions, temporal functions) into the shared {@link Filter} tree. Also
 * accepts the ECQL spellings WMS clients send in {@code CQL_FILTER}: {@code INTERSECTS}, {@code
 * BBOX(geom, x1, y1, x2, y2[, 'crs'])}, {@code DWITHIN(geom, wkt, d, units)}, {@code ILIKE}, {@code
 * INCLUDE}/{@code EXCLUDE} and {@code !=}.
 *
 * <p>Geometry literals are in the filter CRS and its authority axis order (CRS84 by default:
 * longitude, latitude); the tree gets them with x = easting/longitude. Property names are checked
 * against the layer later, when the SQL is built. Errors are QueryExceptions with code
 * InvalidParameterValue and locator {@code filter}.
 */
public final class Cql2Text {

  private static final Set<String> KEYWORDS =
      Set.of("AND", "OR", "NOT", "LIKE", "ILIKE", "BETWEEN", "IN", "IS", "NULL");

  private final List<CqlToken> tokens;
  private final CrsRef filterCrs;
  private final FilterLimits limits;
  private int pos;
  private int depth;
  private int nodes;

  private Cql2Text(List<CqlToken> tokens, CrsRef filterCrs, FilterLimits limits) {
    this.tokens = tokens;
    this.filterCrs = filterCrs;
    this.limits = limits;
  }

  /** Parses CQL2 text with geometry literals in CRS84. */
  public static Filter parse(String text) {
    return parse(text, CrsRef.CRS84, FilterLimits.DEFAULT);
  }

  /**
   * Parses CQL2 text.
   *
   * @param filterCrs the CRS of geometry literals (OGC API {@code filter-crs}), in its axis order
   */
  public static Filter parse(String text, CrsRef filterCrs, FilterLimits limits) {
    if (text == null || text.isBlank()) {
      throw new QueryException("InvalidParameterValue", "filter", "the filter is empty");
    }
    limits.checkLength(text, "filter");
    Cql2Text p = new Cql2Text(CqlLexer.tokens(text), filterCrs, limits);
    Filter f = p.or();
    if (p.peek().kind() != CqlToken.Kind.END) {
      throw p.error("unexpected '" + p.peek().text() + "'");
    }
    return f;
  }

  private Filter or() {
    enter();
    List<Filter> parts = new ArrayList<>(List.of(and()));
    while (peek().is("OR")) {
      pos++;
      parts.add(and());
    }
    depth--;
    return parts.size() == 1 ? parts.get(0) : new Filter.Or(parts);
  }

  private Filter and() {
    List<Filter> parts = new ArrayList<>(List.of(not()));
    while (peek().is("AND")) {
      pos++;
      parts.add(not());
    }
    return parts.size() == 1 ? parts.get(0) : new Filter.And(parts);
  }

  private Filter not() {
    if (peek().is("NOT")) {
      pos++;
      enter();
      Filter inner = not();
      depth--;
      return new Filter.Not(inner);
    }
    return primary();
  }

  private Filter primary() {
    CqlToken t = peek();
    if (t.kind() == CqlToken.Kind.LPAREN) {
      pos++;
      Filter inner = or();
      expect(CqlToken.Kind.RPAREN);
      return inner;
    }
    limits.checkNodes(++nodes, "filter");
    if (t.is("INCLUDE") || t.is("TRUE") && !isComparisonNext()) {
      pos++;
      return Filter.all();
    }
    if (t.is("EXCLUDE") || t.is("FALSE") && !isComparisonNext()) {
      pos++;
      return new Filter.Not(Filter.all());
    }
    if (t.kind() == CqlToken.Kind.IDENT && tokens.get(pos + 1).kind() == CqlToken.Kind.LPAREN) {
      Optional<Filter> f = function(t.text());
      if (f.isPresent()) {
        return f.get();
      }
    }
    return predicate();
  }

  private boolean isComparisonNext() {
    CqlToken n = tokens.get(pos + 1);
    return n.kind() == CqlToken.Kind.OPERATOR
        || n.is("IS")
        || n.is("IN")
        || n.is("LIKE")
        || n.is("BETWEEN")
        || n.is("NOT");
  }

  /** A spatial or temporal function predicate, or empty when the name is none of them. */
  private Optional<Filter> function(String name) {
    String n = name.toUpperCase(Locale.ROOT);
    if (n.equals("BBOX")) {
      pos += 2;
      return Optional.of(bboxPredicate());
    }
    Optional<Filter.SpatialOp> op = CqlFunctions.spatial(n);
    if (op.isPresent()) {
      pos += 2;
      return Optional.of(spatialPredicate(op.get()));
    }
    if (CqlFunctions.temporal(n)) {
      pos += 2;
      return Optional.of(temporalPredicate(n));
    }
    return Optional.empty();
  }

  private Filter bboxPredicate() {
    property();
    double[] c = new double[4];
    for (int i = 0; i < 4; i++) {
      expect(CqlToken.Kind.COMMA);
      c[i] = number();
    }
    CrsRef crs = filterCrs;
    if (peek().kind() == CqlToken.Kind.COMMA) {
      pos++;
      crs = crs(expect(CqlToken.Kind.STRING).text());
    }
    expect(CqlToken.Kind.RPAREN);
    return new Filter.BBox(AxisSwap.envelope(c[0], c[1], c[2], c[3], crs), crs.srid());
  }

  private Filter spatialPredicate(Filter.SpatialOp op) {
    property();
    expect(CqlToken.Kind.COMMA);
    Geometry g = geometry();
    double distance = 0;
    if (op == Filter.SpatialOp.DWITHIN || op == Filter.SpatialOp.BEYOND) {
      expect(CqlToken.Kind.COMMA);
      double d = number();
      String unit = "m";
      if (peek().kind() == CqlToken.Kind.COMMA) {
        pos++;
        CqlToken u = next();
        unit = u.text();
      }
      distance = CqlFunctions.metres(d, unit);
    }
    expect(CqlToken.Kind.RPAREN);
    return CqlFunctions.spatial(op, g, distance);
  }

  private Filter temporalPredicate(String name) {
    String property = property();
    expect(CqlToken.Kind.COMMA);
    CqlToken t = next();
    Filter f;
    if (t.is("INTERVAL")) {
      expect(CqlToken.Kind.LPAREN);
      Instant begin = intervalEnd();
      expect(CqlToken.Kind.COMMA);
      Instant end = intervalEnd();
      expect(CqlToken.Kind.RPAREN);
      f = CqlFunctions.temporal(name, property, begin, end, true);
    } else if (t.is("TIMESTAMP") || t.is("DATE")) {
      f = CqlFunctions.temporal(name, property, instant(timeLiteral()), null, false);
    } else if (t.kind() == CqlToken.Kind.STRING) {
      f = CqlFunctions.temporal(name, property, instant(t.text()), null, false);
    } else {
      throw error("expected TIMESTAMP, DATE or INTERVAL");
    }
    expect(CqlToken.Kind.RPAREN);
    return f;
  }

  private Instant intervalEnd() {
    CqlToken t = next();
    String text;
    if (t.kind() == CqlToken.Kind.STRING) {
      text = t.text();
    } else if (t.is("TIMESTAMP") || t.is("DATE")) {
      text = timeLiteral();
    } else {
      throw error("expected an interval end");
    }
    return text.equals("..") || text.isEmpty() ? null : instant(text);
  }

  /** {@code prop [NOT] LIKE|BETWEEN|IN …}, {@code prop IS [NOT] NULL} or {@code a op b}. */
  private Filter predicate() {
    Operand left = operand();
    CqlToken t = peek();
    boolean negate = false;
    if (t.is("NOT")) {
      pos++;
      negate = true;
      t = peek();
    }
    Filter f;
    if (t.is("LIKE") || t.is("ILIKE")) {
      pos++;
      Operand pattern = operand();
      boolean matchCase = t.is("LIKE") && !left.caseInsensitive && !pattern.caseInsensitive;
      f = new Filter.Like(left.property(this), String.valueOf(pattern.literal(this)), matchCase);
    } else if (t.is("BETWEEN")) {
      pos++;
      Object lower = operand().literal(this);
      if (!next().is("AND")) {
        throw error("expected AND in BETWEEN");
      }
      f = new Filter.Between(left.property(this), lower, operand().literal(this));
    } else if (t.is("IN")) {
      pos++;
      f = new Filter.In(left.property(this), list());
    } else if (t.is("IS") && !negate) {
      pos++;
      boolean isNot = peek().is("NOT");
      if (isNot) {
        pos++;
      }
      if (!next().is("NULL")) {
        throw error("expected NULL");
      }
      Filter isNull = new Filter.IsNull(left.property(this));
      f = isNot ? new Filter.Not(isNull) : isNull;
    } else if (t.kind() == CqlToken.Kind.OPERATOR && !negate) {
      pos++;
      f = compare(left, t.text(), operand());
    } else {
      throw error("expected a comparison after '" + tokens.get(Math.max(0, pos - 1)).text() + "'");
    }
    return negate ? new Filter.Not(f) : f;
  }

  private Filter compare(Operand left, String op, Operand right) {
    Filter.CompareOp o =
        switch (op) {
          case "=" -> Filter.CompareOp.EQ;
          case "<>" -> Filter.CompareOp.NE;
          case "<" -> Filter.CompareOp.LT;
          case "<=" -> Filter.CompareOp.LE;
          case ">" -> Filter.CompareOp.GT;
          case ">=" -> Filter.CompareOp.GE;
          default -> throw error("unknown operator " + op);
        };
    boolean matchCase = !left.caseInsensitive && !right.caseInsensitive;
    if (left.name != null && right.name == null) {
      return new Filter.Compare(o, left.name, right.literal(this), matchCase);
    }
    if (left.name == null && right.name != null) {
      return new Filter.Compare(flip(o), right.name, left.literal(this), matchCase);
    }
    throw error("a comparison needs one property and one literal");
  }

  private static Filter.CompareOp flip(Filter.CompareOp o) {
    return switch (o) {
      case LT -> Filter.CompareOp.GT;
      case LE -> Filter.CompareOp.GE;
      case GT -> Filter.CompareOp.LT;
      case GE -> Filter.CompareOp.LE;
      default -> o;
    };
  }

  private List<Object> list() {
    expect(CqlToken.Kind.LPAREN);
    List<Object> values = new ArrayList<>();
    do {
      limits.checkNodes(++nodes, "filter");
      values.add(operand().literal(this));
    } while (peek().kind() == CqlToken.Kind.COMMA && next() != null);
    expect(CqlToken.Kind.RPAREN);
    return values;
  }

  /** A property, a literal, or CASEI/ACCENTI/LOWER/UPPER of one. */
  private Operand operand() {
    CqlToken t = next();
    switch (t.kind()) {
      case STRING:
        return Operand.value(t.text());
      case NUMBER:
        return Operand.value(decimal(t));
      case QUOTED_IDENT:
        return Operand.property(t.text());
      case IDENT:
        return identOperand(t);
      default:
        throw error("expected a property or a literal, found '" + t.text() + "'");
    }
  }

  private Operand identOperand(CqlToken t) {
    String w = t.text().toUpperCase(Locale.ROOT);
    boolean call = peek().kind() == CqlToken.Kind.LPAREN;
    if (call
        && (w.equals("CASEI") || w.equals("ACCENTI") || w.equals("LOWER") || w.equals("UPPER"))) {
      pos++;
      Operand inner = operand();
      expect(CqlToken.Kind.RPAREN);
      return w.equals("ACCENTI") ? inner : inner.ignoringCase();
    }
    if (call && (w.equals("TIMESTAMP") || w.equals("DATE"))) {
      String text = timeLiteral();
      return Operand.value(w.equals("DATE") ? text : instant(text));
    }
    if (w.equals("TRUE") || w.equals("FALSE")) {
      return Operand.value(Boolean.valueOf(w.equals("TRUE")));
    }
    if (KEYWORDS.contains(w) || call) {
      throw error("unexpected '" + t.text() + "'");
    }
    return Operand.property(t.text());
  }

  /** {@code ('text')} after TIMESTAMP or DATE. */
  private String timeLiteral() {
    expect(CqlToken.Kind.LPAREN);
    String text = expect(CqlToken.Kind.STRING).text();
    expect(CqlToken.Kind.RPAREN);
    return text;
  }

  private String property() {
    CqlToken t = next();
    if (t.kind() == CqlToken.Kind.QUOTED_IDENT
        || t.kind() == CqlToken.Kind.IDENT
            && !KEYWORDS.contains(t.text().toUpperCase(Locale.ROOT))) {
      return t.text();
    }
    throw error("expected a property name");
  }

  private Geometry geometry() {
    CqlToken t = next();
    if (t.kind() == CqlToken.Kind.WKT) {
      try {
        return AxisSwap.toEastNorth(new WKTReader(new GeometryFactory()).read(t.text()), filterCrs);
      } catch (ParseException e) {
        throw error("bad geometry literal: " + e.getMessage());
      }
    }
    if (t.is("BBOX") || t.is("ENVELOPE")) {
      expect(CqlToken.Kind.LPAREN);
      double[] c = new double[4];
      for (int i = 0; i < 4; i++) {
        if (i > 0) {
          expect(CqlToken.Kind.COMMA);
        }
        c[i] = number();
      }
      expect(CqlToken.Kind.RPAREN);
      Envelope e = AxisSwap.envelope(c[0], c[1], c[2], c[3], filterCrs);
      Geometry g = new GeometryFactory().toGeometry(e);
      g.setSRID(filterCrs.srid());
      return g;
    }
    throw error("expected a geometry literal");
  }

  private double number() {
    return decimal(expect(CqlToken.Kind.NUMBER)).doubleValue();
  }

  private BigDecimal decimal(CqlToken t) {
    try {
      return new BigDecimal(t.text().startsWith("+") ? t.text().substring(1) : t.text());
    } catch (NumberFormatException e) {
      throw CqlLexer.error(t.position(), "not a number: '" + t.text() + "'");
    }
  }

  private static CrsRef crs(String text) {
    try {
      return CrsRef.parse(text);
    } catch (IllegalArgumentException e) {
      throw new QueryException("InvalidParameterValue", "filter", e.getMessage());
    }
  }

  static Instant instant(String text) {
    try {
      return Times.parse(text);
    } catch (RuntimeException e) {
      throw new QueryException(
          "InvalidParameterValue", "filter", "not a date or time: '" + text + "'");
    }
  }

  private void enter() {
    limits.checkDepth(++depth, "filter");
  }

  private CqlToken peek() {
    return tokens.get(pos);
  }

  private CqlToken next() {
    CqlToken t = tokens.get(pos);
    if (t.kind() != CqlToken.Kind.END) {
      pos++;
    }
    return t;
  }

  private CqlToken expect(CqlToken.Kind kind) {
    CqlToken t = next();
    if (t.kind() != kind) {
      throw CqlLexer.error(
          t.position(),
          "expected "
              + kind.name().toLowerCase(Locale.ROOT).replace('_', ' ')
              + ", found '"
              + t.text()
              + "'");
    }
    return t;
  }

  private QueryException error(String message) {
    return CqlLexer.error(peek().position(), message);
  }

  /** One side of a comparison: a property name or a literal, maybe wrapped in CASEI. */
  private record Operand(String name, Object value, boolean caseInsensitive) {

    static Operand property(String name) {
      return new Operand(name, null, false);
    }

    static Operand value(Object value) {
      return new Operand(null, value, false);
    }

    Operand ignoringCase() {
      return new Operand(name, value, true);
    }

    String property(Cql2Text p) {
      if (name == null) {
        throw p.error("expected a property name, found a literal");
      }
      return name;
    }

    Object literal(Cql2Text p) {
      if (name != null) {
        throw p.error("expected a literal, found the property '" + name + "'");
      }
      return value;
    }
  }
}
