package cn.lzxq.city.data.query.fes;

import cn.lzxq.city.data.crs.AxisSwap;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.query.QueryException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Reads GML 2, 3.1 and 3.2 geometries (Point, LineString, Curve with one LineStringSegment,
 * Polygon, Surface with PolygonPatches, Envelope, Box, MultiPoint, MultiLineString, MultiCurve,
 * MultiPolygon, MultiSurface) with StAX into JTS, x = easting/longitude, SRID set.
 *
 * <p>Coordinates are in the axis order of the geometry's srsName ({@link CrsRef#axisOrder()}), or
 * of the default CRS; with {@code alwaysEastNorth} (WFS 1.0.0, which has no axis order) they are
 * always x, y.
 */
public final class GmlGeometryReader {

  private static final GeometryFactory FACTORY = new GeometryFactory();

  private final CrsRef defaultCrs;
  private final boolean alwaysEastNorth;

  /**
   * @param defaultCrs the CRS of geometries without srsName
   * @param alwaysEastNorth read x, y whatever the CRS (WFS 1.0.0 requests)
   */
  public GmlGeometryReader(CrsRef defaultCrs, boolean alwaysEastNorth) {
    this.defaultCrs = defaultCrs;
    this.alwaysEastNorth = alwaysEastNorth;
  }

  /** Reads the geometry element the reader is on; ends on its end tag. */
  public Geometry read(XMLStreamReader r) throws XMLStreamException {
    CrsRef crs = crs(SafeXml.attribute(r, "srsName"), defaultCrs);
    Geometry g;
    try {
      g = geometry(r, dimension(r, 0));
    } catch (IllegalArgumentException e) {
      // JTS refuses one-point lines and unclosed rings while building them
      throw new QueryException(
          "InvalidParameterValue", "geometry", "bad geometry: " + e.getMessage());
    }
    Geometry out = alwaysEastNorth || !crs.axisOrder().northFirst() ? g : AxisSwap.swapped(g);
    out.setSRID(crs.srid());
    return out;
  }

  /** Reads an Envelope or Box the reader is on as an envelope with x = easting, and its CRS. */
  public EnvelopeIn readEnvelope(XMLStreamReader r) throws XMLStreamException {
    CrsRef crs = crs(SafeXml.attribute(r, "srsName"), defaultCrs);
    Geometry g = geometry(r, dimension(r, 0));
    Envelope e = g.getEnvelopeInternal();
    if (!alwaysEastNorth && crs.axisOrder().northFirst()) {
      e = new Envelope(e.getMinY(), e.getMaxY(), e.getMinX(), e.getMaxX());
    }
    return new EnvelopeIn(e, crs);
  }

  /** An envelope with x = easting/longitude and the CRS it is in. */
  public record EnvelopeIn(Envelope envelope, CrsRef crs) {}

  static CrsRef crs(String srsName, CrsRef fallback) {
    if (srsName == null || srsName.isBlank()) {
      return fallback;
    }
    try {
      return CrsRef.parse(srsName);
    } catch (IllegalArgumentException e) {
      throw new QueryException(
          "InvalidParameterValue", "srsName", "unknown srsName '" + srsName + "'");
    }
  }

  private Geometry geometry(XMLStreamReader r, int dim) throws XMLStreamException {
    String name = r.getLocalName();
    return switch (name) {
      case "Point" -> FACTORY.createPoint(single(r, dim));
      case "LineString", "Curve", "LinearRing" ->
          FACTORY.createLineString(coordinates(r, dim).toArray(Coordinate[]::new));
      case "Polygon", "Surface" -> polygon(r, dim);
      case "Envelope", "Box" -> box(r, dim);
      case "MultiPoint" ->
          FACTORY.createMultiPoint(members(r, dim, Point.class).toArray(Point[]::new));
      case "MultiLineString", "MultiCurve" ->
          FACTORY.createMultiLineString(
              members(r, dim, LineString.class).toArray(LineString[]::new));
      case "MultiPolygon", "MultiSurface" ->
          FACTORY.createMultiPolygon(members(r, dim, Polygon.class).toArray(Polygon[]::new));
      default ->
          throw new QueryException(
              "InvalidParameterValue", name, "unsupported GML geometry " + name);
    };
  }

  private <T extends Geometry> List<T> members(XMLStreamReader r, int dim, Class<T> type)
      throws XMLStreamException {
    List<T> out = new ArrayList<>();
    while (SafeXml.nextChild(r) != null) {
      // a member property (pointMember, surfaceMembers …) holding one or more geometries
      while (SafeXml.nextChild(r) != null) {
        Geometry g = geometry(r, dimension(r, dim));
        if (type == Polygon.class && g instanceof org.locationtech.jts.geom.MultiPolygon mp) {
          for (int i = 0; i < mp.getNumGeometries(); i++) {
            out.add(type.cast(mp.getGeometryN(i)));
          }
        } else if (type.isInstance(g)) {
          out.add(type.cast(g));
        } else {
          throw new QueryException(
              "InvalidParameterValue",
              r.getLocalName(),
              "unexpected member " + g.getGeometryType());
        }
      }
    }
    return out;
  }

  private Polygon polygon(XMLStreamReader r, int dim) throws XMLStreamException {
    LinearRing shell = null;
    List<LinearRing> holes = new ArrayList<>();
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      switch (child) {
        case "exterior", "outerBoundaryIs", "interior", "innerBoundaryIs" -> {
          boolean outer = child.equals("exterior") || child.equals("outerBoundaryIs");
          SafeXml.nextChild(r);
          LinearRing ring =
              FACTORY.createLinearRing(
                  coordinates(r, dimension(r, dim)).toArray(Coordinate[]::new));
          SafeXml.nextChild(r);
          if (outer) {
            shell = ring;
          } else {
            holes.add(ring);
          }
        }
        case "patches" -> {
          SafeXml.nextChild(r);
          Polygon p = polygon(r, dimension(r, dim));
          SafeXml.skipRest(r);
          SafeXml.skipRest(r);
          return p;
        }
        default -> SafeXml.skip(r);
      }
    }
    if (shell == null) {
      throw new QueryException(
          "InvalidParameterValue", "Polygon", "a polygon needs an exterior ring");
    }
    return FACTORY.createPolygon(shell, holes.toArray(LinearRing[]::new));
  }

  private Geometry box(XMLStreamReader r, int dim) throws XMLStreamException {
    List<Coordinate> corners = coordinates(r, dim);
    if (corners.size() != 2) {
      throw new QueryException(
          "InvalidParameterValue", "Envelope", "an envelope needs two corners");
    }
    for (Coordinate c : corners) {
      if (!Double.isFinite(c.getX()) || !Double.isFinite(c.getY())) {
        throw new QueryException(
            "InvalidParameterValue", "Envelope", "an envelope corner is not finite numbers");
      }
    }
    Envelope e = new Envelope(corners.get(0), corners.get(1));
    return FACTORY.toGeometry(e);
  }

  private Coordinate single(XMLStreamReader r, int dim) throws XMLStreamException {
    List<Coordinate> c = coordinates(r, dim);
    if (c.size() != 1) {
      throw new QueryException("InvalidParameterValue", "Point", "a point needs one position");
    }
    return c.get(0);
  }

  /** Every position inside the element (pos, posList, coordinates, coord, corners, segments). */
  private List<Coordinate> coordinates(XMLStreamReader r, int dim) throws XMLStreamException {
    List<Coordinate> out = new ArrayList<>();
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      switch (child) {
        case "pos", "lowerCorner", "upperCorner" ->
            out.add(position(numbers(SafeXml.text(r)), 0, -1));
        case "posList" -> {
          int d = dimension(r, dim == 0 ? 2 : dim);
          double[] n = numbers(SafeXml.text(r));
          if (n.length % d != 0) {
            throw new QueryException(
                "InvalidParameterValue",
                "posList",
                "a posList of "
                    + n.length
                    + " numbers is not a list of positions of dimension "
                    + d);
          }
          for (int i = 0; i + d <= n.length; i += d) {
            out.add(position(n, i, d));
          }
        }
        case "coordinates" -> {
          String ts = SafeXml.attribute(r, "ts");
          String cs = SafeXml.attribute(r, "cs");
          for (String tuple :
              SafeXml.text(r)
                  .split(ts == null || ts.isBlank() ? "\\s+" : java.util.regex.Pattern.quote(ts))) {
            if (!tuple.isBlank()) {
              out.add(position(numbers(tuple.replace(cs == null ? "," : cs, " ")), 0, -1));
            }
          }
        }
        case "coord" -> out.add(coord(r));
        default -> out.addAll(coordinates(r, dim));
      }
    }
    return out;
  }

  private static Coordinate coord(XMLStreamReader r) throws XMLStreamException {
    double[] xyz = {Double.NaN, Double.NaN, Double.NaN};
    String child;
    while ((child = SafeXml.nextChild(r)) != null) {
      int i = child.equals("X") ? 0 : child.equals("Y") ? 1 : 2;
      xyz[i] = numbers(SafeXml.text(r))[0];
    }
    return new Coordinate(xyz[0], xyz[1], xyz[2]);
  }

  private static Coordinate position(double[] n, int from, int dim) {
    int d = dim < 0 ? n.length : dim;
    if (d < 2) {
      throw new QueryException(
          "InvalidParameterValue", "pos", "a position needs at least two numbers");
    }
    return d >= 3
        ? new Coordinate(n[from], n[from + 1], n[from + 2])
        : new Coordinate(n[from], n[from + 1]);
  }

  private static int dimension(XMLStreamReader r, int inherited) {
    String d = SafeXml.attribute(r, "srsDimension");
    if (d == null) {
      return inherited;
    }
    try {
      int n = Integer.parseInt(d.trim());
      if (n == 2 || n == 3) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new QueryException(
        "InvalidParameterValue", "srsDimension", "srsDimension must be 2 or 3, not '" + d + "'");
  }

  private static double[] numbers(String text) {
    String t = text.trim();
    if (t.isEmpty()) {
      return new double[0];
    }
    String[] parts = t.split("[\\s]+");
    double[] out = new double[parts.length];
    try {
      for (int i = 0; i < parts.length; i++) {
        out[i] = Double.parseDouble(parts[i]);
        if (!Double.isFinite(out[i])) {
          throw new NumberFormatException();
        }
      }
    } catch (NumberFormatException e) {
      throw new QueryException(
          "InvalidParameterValue", "coordinates", "not a finite number in '" + abbreviate(t) + "'");
    }
    return out;
  }

  private static String abbreviate(String s) {
    return s.length() > 60 ? s.substring(0, 60) + "…" : s;
  }
}
