package cn.lzxq.city.data.query.fes;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.FilterLimits;
import cn.lzxq.city.data.query.QueryException;
import cn.lzxq.city.data.query.cql.Times;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Geometry;

/**
 * Reads an FES 2.0 {@code fes:Filter} (and the OGC Filter 1.0/1.1 that WFS 1.0/1.1 clients such as
 * QGIS send) with StAX into the shared {@link Filter} tree.
 *
 * <p>Lenient, as real clients need: elements are matched by local name in any namespace (or none:
 * {@code FILTER=<Filter>…}); {@code PropertyName} is read like {@code ValueReference}; value
 * references may be simple XPaths ({@code city:pipe_js/city:dn_mm}); {@code FeatureId}, {@code
 * GmlObjectId} and {@code ResourceId} all select ids ({@code pipe_js.12} or {@code 12}).
 */
public final class FesFilterReader {

  private static final String LOCATOR = "FILTER";
  private static final Pattern VERSION_SUFFIX = Pattern.compile("\\.v(\\d+)$");

  private final GmlGeometryReader gml;
  private final FilterLimits limits;
  private int nodes;
  private long start;

  /**
   * @param defaultCrs the CRS of geometries without srsName (the query's srsName)
   * @param alwaysEastNorth read coordinates as x, y whatever the CRS (WFS 1.0.0)
   */
  public FesFilterReader(CrsRef defaultCrs, boolean alwaysEastNorth, FilterLimits limits) {
    this.gml = new GmlGeometryReader(defaultCrs, alwaysEastNorth);
    this.limits = limits;
  }

  /** Parses a filter document (the FILTER KVP parameter). */
  public Filter parse(String xml) {
    limits.checkLength(xml, LOCATOR);
    XMLStreamReader r = SafeXml.open(xml, LOCATOR);
    try {
      if (!r.getLocalName().equals("Filter")) {
        throw new QueryException(
            "InvalidParameterValue",
            LOCATOR,
            "expected a Filter element, found " + r.getLocalName());
      }
      return read(r);
    } catch (XMLStreamException e) {
      throw SafeXml.malformed(LOCATOR, e);
    }
  }

  /**
   * Reads the Filter element the reader is on; ends on its end tag. Its text may not exceed the
   * length limit: inside a larger XML body (a WFS POST) that is the characters from the end of the
   * Filter start tag to the end of its end tag, counted by the reader's character offsets while it
   * reads, so a long filter in a request body is refused like a long FILTER parameter.
   */
  public Filter read(XMLStreamReader r) throws XMLStreamException {
    start = r.getLocation().getCharacterOffset();
    Filter filter = readParts(r);
    checkLength(r);
    return filter;
  }

  private void checkLength(XMLStreamReader r) {
    limits.checkLength(r.getLocation().getCharacterOffset() - start, LOCATOR);
  }

  private Filter readParts(XMLStreamReader r) throws XMLStreamException {
    List<Filter> parts = children(r, 0);
    if (parts.size() != 1) {
      throw new QueryException(
          "InvalidParameterValue", LOCATOR, "a Filter holds one operator or resource ids");
    }
    return parts.get(0);
  }

  private static boolean isId(String name) {
    return name.equals("ResourceId") || name.equals("FeatureId") || name.equals("GmlObjectId");
  }

  private Filter operator(XMLStreamReader r, int depth) throws XMLStreamException {
    limits.checkDepth(depth, LOCATOR);
    limits.checkNodes(++nodes, LOCATOR);
    checkLength(r);
    String name = r.getLocalName();
    switch (name) {
      case "And", "Or" -> {
        List<Filter> parts = children(r, depth);
        if (parts.size() < 2) {
          throw new QueryException(
              "InvalidParameterValue", LOCATOR, name + " needs at least two operands");
        }
        return name.equals("And") ? new Filter.And(parts) : new Filter.Or(parts);
      }
      case "Not" -> {
        List<Filter> parts = children(r, depth);
        if (parts.size() != 1) {
          throw new QueryException("InvalidParameterValue", LOCATOR, "Not takes one operand");
        }
        return new Filter.Not(parts.get(0));
      }
      case "PropertyIsEqualTo",
          "PropertyIsNotEqualTo",
          "PropertyIsLessThan",
          "PropertyIsGreaterThan",
          "PropertyIsLessThanOrEqualTo",
          "PropertyIsGreaterThanOrEqualTo" -> {
        return FesComparisons.compare(r, name);
      }
      case "PropertyIsLike" -> {
        return FesComparisons.like(r);
      }
      case "PropertyIsNull", "PropertyIsNil" -> {
        return new Filter.IsNull(FesComparisons.operands(r).property());
      }
      case "PropertyIsBetween" -> {
        return FesComparisons.between(r);
      }
      case "BBOX" -> {
        return bbox(r);
      }
      case "Equals",
          "Disjoint",
          "Touches",
          "Within",
          "Overlaps",
          "Crosses",
          "Intersects",
          "Contains",
          "DWithin",
          "Beyond" -> {
        return spatial(r, name);
      }
      case "After", "Before", "During", "TEquals" -> {
        return temporal(r, name);
      }
      default -> {
        if (isId(name)) {
          Map<Long, Long> versions = new HashMap<>();
          return new Filter.ResourceIds(List.of(id(r, versions)), versions);
        }
        throw new QueryException(
            "InvalidParameterValue", LOCATOR, "unsupported filter operator " + name);
      }
    }
  }

  private List<Filter> children(XMLStreamReader r, int depth) throws XMLStreamException {
    List<Filter> parts = new ArrayList<>();
    List<Long> ids = new ArrayList<>();
    Map<Long, Long> versions = new HashMap<>();
    while (SafeXml.nextChild(r) != null) {
      if (isId(r.getLocalName())) {
        ids.add(id(r, versions));
      } else {
        parts.add(operator(r, depth + 1));
      }
    }
    if (!ids.isEmpty()) {
      parts.add(new Filter.ResourceIds(ids, versions));
    }
    return parts;
  }

  /**
   * The numeric feature id of a ResourceId/FeatureId/GmlObjectId ({@code layer.123} or {@code
   * 123}); the version the client read, when it names one, goes into {@code versions}: FES 2.0
   * {@code version="57"} (a {@code version_id}; {@code LATEST} names none), or in the 1.x id forms
   * the suffix {@code layer.123.v57}.
   */
  private long id(XMLStreamReader r, Map<Long, Long> versions) throws XMLStreamException {
    String rid = SafeXml.attribute(r, "rid");
    if (rid == null) {
      rid = SafeXml.attribute(r, "fid");
    }
    if (rid == null) {
      rid = SafeXml.attribute(r, "id");
    }
    String version = SafeXml.attribute(r, "version");
    SafeXml.skip(r);
    limits.checkNodes(++nodes, LOCATOR);
    Matcher suffix = rid == null ? null : VERSION_SUFFIX.matcher(rid);
    if (suffix != null && suffix.find()) {
      version = suffix.group(1);
      rid = rid.substring(0, suffix.start());
    }
    long fid = parseId(rid, "RESOURCEID");
    if (version != null && !version.equals("LATEST")) {
      try {
        versions.put(fid, Long.parseLong(version.trim()));
      } catch (NumberFormatException e) {
        throw new QueryException(
            "InvalidParameterValue",
            "version",
            "version must be a version number or LATEST, not '" + version + "'");
      }
    }
    return fid;
  }

  /** A feature id as requests carry it: {@code pipe_js.123} or {@code 123}. */
  public static long parseId(String rid, String locator) {
    String n = rid == null ? "" : rid.substring(rid.lastIndexOf('.') + 1).trim();
    try {
      return Long.parseLong(n);
    } catch (NumberFormatException e) {
      throw new QueryException("InvalidParameterValue", locator, "not a feature id: '" + rid + "'");
    }
  }

  private Filter bbox(XMLStreamReader r) throws XMLStreamException {
    GmlGeometryReader.EnvelopeIn box = null;
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      if (child.equals("Envelope") || child.equals("Box")) {
        box = gml.readEnvelope(r);
      } else {
        SafeXml.skip(r);
      }
    }
    if (box == null) {
      throw new QueryException("InvalidParameterValue", LOCATOR, "BBOX needs an Envelope");
    }
    return new Filter.BBox(box.envelope(), box.crs().srid());
  }

  private Filter spatial(XMLStreamReader r, String name) throws XMLStreamException {
    Geometry g = null;
    double distance = 0;
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      switch (child) {
        case "ValueReference", "PropertyName" -> SafeXml.skip(r);
        case "Distance" -> {
          String uom = SafeXml.attribute(r, "uom");
          if (uom == null) {
            uom = SafeXml.attribute(r, "units");
          }
          distance = metres(SafeXml.text(r), uom);
        }
        default -> g = gml.read(r);
      }
    }
    if (g == null) {
      throw new QueryException("InvalidParameterValue", LOCATOR, name + " needs a geometry");
    }
    Filter.SpatialOp op = Filter.SpatialOp.valueOf(name.toUpperCase(Locale.ROOT));
    return new Filter.Spatial(op, g, distance);
  }

  private static double metres(String value, String uom) {
    double v;
    try {
      v = Double.parseDouble(value);
    } catch (NumberFormatException e) {
      throw new QueryException("InvalidParameterValue", LOCATOR, "not a distance: '" + value + "'");
    }
    String u = uom == null ? "m" : uom.replaceFirst(".*[#:/]", "").toLowerCase(Locale.ROOT);
    return switch (u) {
      case "m", "meter", "meters", "metre", "metres", "" -> v;
      case "km", "kilometer", "kilometers", "kilometre", "kilometres" -> v * 1000;
      case "ft", "foot", "feet" -> v * 0.3048;
      case "mi", "mile", "miles" -> v * 1609.344;
      default ->
          throw new QueryException(
              "InvalidParameterValue", LOCATOR, "unknown distance unit '" + uom + "'");
    };
  }

  private Filter temporal(XMLStreamReader r, String name) throws XMLStreamException {
    String property = null;
    Instant begin = null;
    Instant end = null;
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      switch (child) {
        case "ValueReference", "PropertyName" ->
            property = FesComparisons.propertyName(SafeXml.text(r));
        case "Literal" -> {
          Instant[] t = times(r, true);
          begin = t[0];
          end = t[1];
        }
        default -> {
          Instant[] t = times(r, false);
          begin = t[0];
          end = t[1];
        }
      }
    }
    if (property == null || begin == null) {
      throw new QueryException(
          "InvalidParameterValue", LOCATOR, name + " needs a property and a time");
    }
    Filter.TemporalOp op =
        switch (name) {
          case "After" -> Filter.TemporalOp.AFTER;
          case "Before" -> Filter.TemporalOp.BEFORE;
          case "During" -> Filter.TemporalOp.DURING;
          default -> Filter.TemporalOp.TEQUALS;
        };
    if (op == Filter.TemporalOp.DURING && end == null) {
      throw new QueryException("InvalidParameterValue", LOCATOR, "During needs a TimePeriod");
    }
    if (op == Filter.TemporalOp.AFTER && end != null) {
      begin = end;
    }
    return new Filter.Temporal(op, property, begin, op == Filter.TemporalOp.DURING ? end : null);
  }

  /** The begin and end (null for an instant) of a TimeInstant, TimePeriod or literal time. */
  private static Instant[] times(XMLStreamReader r, boolean literal) throws XMLStreamException {
    List<String> positions = new ArrayList<>();
    collectPositions(r, positions, literal);
    if (positions.isEmpty()) {
      throw new QueryException("InvalidParameterValue", LOCATOR, "a time is missing");
    }
    try {
      Instant begin = Times.parse(positions.get(0));
      Instant end = positions.size() > 1 ? Times.parse(positions.get(1)) : null;
      return new Instant[] {begin, end};
    } catch (RuntimeException e) {
      throw new QueryException("InvalidParameterValue", LOCATOR, "not a time: '" + positions + "'");
    }
  }

  private static void collectPositions(XMLStreamReader r, List<String> out, boolean acceptText)
      throws XMLStreamException {
    StringBuilder text = new StringBuilder();
    boolean hasChildren = false;
    while (r.hasNext()) {
      int e = r.next();
      if (e == javax.xml.stream.XMLStreamConstants.START_ELEMENT) {
        hasChildren = true;
        String n = r.getLocalName();
        if (n.equals("timePosition") || n.equals("beginPosition") || n.equals("endPosition")) {
          out.add(SafeXml.text(r));
        } else {
          collectPositions(r, out, false);
        }
      } else if (e == javax.xml.stream.XMLStreamConstants.CHARACTERS) {
        text.append(r.getText());
      } else if (e == javax.xml.stream.XMLStreamConstants.END_ELEMENT) {
        break;
      }
    }
    if (acceptText && !hasChildren && !text.toString().isBlank()) {
      out.add(text.toString().trim());
    }
  }
}
