package cn.lzxq.city.data.query.fes;

import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.QueryException;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The FES comparison operators: binary comparisons, Like, Null/Nil and Between. */
final class FesComparisons {

  private FesComparisons() {}

  /** A value reference and a literal, in either order. */
  record Operands(String property, String literal, boolean propertyFirst) {}

  static Operands operands(XMLStreamReader r) throws XMLStreamException {
    String property = null;
    String literal = null;
    boolean propertyFirst = true;
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      switch (child) {
        case "ValueReference", "PropertyName" -> {
          property = propertyName(SafeXml.text(r));
          propertyFirst = literal == null;
        }
        case "Literal" -> literal = SafeXml.text(r);
        case "LowerBoundary", "UpperBoundary" -> SafeXml.skip(r);
        default ->
            throw new QueryException(
                "InvalidParameterValue", "FILTER", "unsupported expression " + child);
      }
    }
    if (property == null) {
      throw new QueryException(
          "InvalidParameterValue", "FILTER", "a comparison needs a ValueReference");
    }
    return new Operands(property, literal, propertyFirst);
  }

  /**
   * The property of a value reference: the last step of a simple XPath, without prefix, predicate
   * or leading {@code @}.
   */
  static String propertyName(String xpath) {
    String last = xpath.substring(xpath.lastIndexOf('/') + 1).replaceFirst("\\[\\d+]$", "");
    last = last.startsWith("@") ? last.substring(1) : last;
    return last.substring(last.indexOf(':') + 1);
  }

  static Filter compare(XMLStreamReader r, String name) throws XMLStreamException {
    boolean matchCase = !"false".equalsIgnoreCase(SafeXml.attribute(r, "matchCase"));
    Operands o = operands(r);
    if (o.literal() == null) {
      throw new QueryException("InvalidParameterValue", "FILTER", name + " needs a Literal");
    }
    Filter.CompareOp op =
        switch (name) {
          case "PropertyIsEqualTo" -> Filter.CompareOp.EQ;
          case "PropertyIsNotEqualTo" -> Filter.CompareOp.NE;
          case "PropertyIsLessThan" ->
              o.propertyFirst() ? Filter.CompareOp.LT : Filter.CompareOp.GT;
          case "PropertyIsGreaterThan" ->
              o.propertyFirst() ? Filter.CompareOp.GT : Filter.CompareOp.LT;
          case "PropertyIsLessThanOrEqualTo" ->
              o.propertyFirst() ? Filter.CompareOp.LE : Filter.CompareOp.GE;
          default -> o.propertyFirst() ? Filter.CompareOp.GE : Filter.CompareOp.LE;
        };
    return new Filter.Compare(op, o.property(), o.literal(), matchCase);
  }

  static Filter like(XMLStreamReader r) throws XMLStreamException {
    String wild = attr(r, "wildCard", "*");
    String single = attr(r, "singleChar", ".");
    String escape = SafeXml.attribute(r, "escapeChar");
    if (escape == null) {
      escape = attr(r, "escape", "\\");
    }
    boolean matchCase = !"false".equalsIgnoreCase(SafeXml.attribute(r, "matchCase"));
    Operands o = operands(r);
    if (o.literal() == null) {
      throw new QueryException("InvalidParameterValue", "FILTER", "PropertyIsLike needs a Literal");
    }
    return new Filter.Like(o.property(), sqlPattern(o.literal(), wild, single, escape), matchCase);
  }

  /** The FES pattern in SQL LIKE form ({@code %}, {@code _}, backslash escape). */
  static String sqlPattern(String pattern, String wild, String single, String escape) {
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < pattern.length(); ) {
      if (!escape.isEmpty()
          && pattern.startsWith(escape, i)
          && i + escape.length() < pattern.length()) {
        i += escape.length();
        char c = pattern.charAt(i++);
        b.append(c == '%' || c == '_' || c == '\\' ? "\\" + c : String.valueOf(c));
      } else if (pattern.startsWith(wild, i)) {
        b.append('%');
        i += wild.length();
      } else if (pattern.startsWith(single, i)) {
        b.append('_');
        i += single.length();
      } else {
        char c = pattern.charAt(i++);
        b.append(c == '%' || c == '_' || c == '\\' ? "\\" + c : String.valueOf(c));
      }
    }
    return b.toString();
  }

  static Filter between(XMLStreamReader r) throws XMLStreamException {
    String property = null;
    String lower = null;
    String upper = null;
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      switch (child) {
        case "ValueReference", "PropertyName" -> property = propertyName(SafeXml.text(r));
        case "LowerBoundary" -> lower = boundary(r);
        case "UpperBoundary" -> upper = boundary(r);
        default -> SafeXml.skip(r);
      }
    }
    if (property == null || lower == null || upper == null) {
      throw new QueryException(
          "InvalidParameterValue",
          "FILTER",
          "PropertyIsBetween needs a property and two boundaries");
    }
    return new Filter.Between(property, lower, upper);
  }

  private static String boundary(XMLStreamReader r) throws XMLStreamException {
    String value = null;
    while (SafeXml.nextChild(r) != null) {
      value = SafeXml.text(r);
    }
    return value;
  }

  private static String attr(XMLStreamReader r, String name, String fallback) {
    String v = SafeXml.attribute(r, name);
    return v == null || v.isEmpty() ? fallback : v;
  }
}
