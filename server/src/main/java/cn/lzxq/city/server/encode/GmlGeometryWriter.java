package cn.lzxq.city.server.encode;

import cn.lzxq.city.data.crs.CrsRef;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.CoordinateSequence;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.LineString;
import org.locationtech.jts.geom.MultiLineString;
import org.locationtech.jts.geom.MultiPoint;
import org.locationtech.jts.geom.Point;
import org.locationtech.jts.geom.Polygon;

/**
 * Writes a JTS geometry (x = easting/longitude) as GML: GML 3.x with {@code pos}/{@code posList} in
 * the srsName's axis order and a URN srsName, or GML 2 with x,y {@code coordinates} and an {@code
 * EPSG:} srsName. Multi-polygons become MultiSurface in GML 3.
 */
final class GmlGeometryWriter {

  private final XMLStreamWriter xml;
  private final GmlDialect dialect;
  private final String gml;
  private final String srsName;
  private final boolean northFirst;
  private final StringBuilder buffer = new StringBuilder(4096);

  GmlGeometryWriter(XMLStreamWriter xml, GmlDialect dialect, CrsRef crs, boolean northFirst) {
    this.xml = xml;
    this.dialect = dialect;
    this.gml = dialect.gmlNamespace();
    this.northFirst = northFirst && dialect != GmlDialect.GML2;
    this.srsName = dialect.srsName(crs);
  }

  /** Writes the geometry; {@code id} is the base of the gml:id values (GML 3.2 needs them). */
  void write(Geometry g, String id) throws XMLStreamException {
    boolean z = hasZ(g);
    start(name(g), id);
    xml.writeAttribute("srsName", srsName);
    if (z && dialect != GmlDialect.GML2) {
      xml.writeAttribute("srsDimension", "3");
    }
    body(g, id, z);
    xml.writeEndElement();
  }

  private String name(Geometry g) {
    boolean gml3 = dialect != GmlDialect.GML2;
    return switch (g.getGeometryType()) {
      case "MultiPolygon" -> gml3 ? "MultiSurface" : "MultiPolygon";
      case "MultiLineString" -> gml3 ? "MultiCurve" : "MultiLineString";
      default -> g.getGeometryType();
    };
  }

  private void start(String local, String id) throws XMLStreamException {
    xml.writeStartElement("gml", local, gml);
    if (dialect == GmlDialect.GML32) {
      xml.writeAttribute("gml", gml, "id", id);
    }
  }

  private void body(Geometry g, String id, boolean z) throws XMLStreamException {
    if (g instanceof Point p) {
      positions(p.getCoordinateSequence(), z, true);
    } else if (g instanceof LineString l) {
      positions(l.getCoordinateSequence(), z, false);
    } else if (g instanceof Polygon p) {
      ring(dialect == GmlDialect.GML2 ? "outerBoundaryIs" : "exterior", p.getExteriorRing(), z);
      for (int i = 0; i < p.getNumInteriorRing(); i++) {
        ring(dialect == GmlDialect.GML2 ? "innerBoundaryIs" : "interior", p.getInteriorRingN(i), z);
      }
    } else {
      String member = member(g);
      for (int i = 0; i < g.getNumGeometries(); i++) {
        Geometry part = g.getGeometryN(i);
        String partId = id + "." + (i + 1);
        xml.writeStartElement("gml", member, gml);
        start(part.getGeometryType(), partId);
        body(part, partId, z);
        xml.writeEndElement();
        xml.writeEndElement();
      }
    }
  }

  private String member(Geometry g) {
    boolean gml3 = dialect != GmlDialect.GML2;
    if (g instanceof MultiPoint) {
      return "pointMember";
    } else if (g instanceof MultiLineString) {
      return gml3 ? "curveMember" : "lineStringMember";
    }
    return gml3 ? "surfaceMember" : "polygonMember";
  }

  private void ring(String property, LineString ring, boolean z) throws XMLStreamException {
    xml.writeStartElement("gml", property, gml);
    xml.writeStartElement("gml", "LinearRing", gml);
    positions(ring.getCoordinateSequence(), z, false);
    xml.writeEndElement();
    xml.writeEndElement();
  }

  private void positions(CoordinateSequence s, boolean z, boolean single)
      throws XMLStreamException {
    buffer.setLength(0);
    boolean gml2 = dialect == GmlDialect.GML2;
    for (int i = 0; i < s.size(); i++) {
      if (i > 0) {
        buffer.append(' ');
      }
      char sep = gml2 ? ',' : ' ';
      buffer
          .append(Values.number(northFirst ? s.getY(i) : s.getX(i)))
          .append(sep)
          .append(Values.number(northFirst ? s.getX(i) : s.getY(i)));
      if (z) {
        double zv = s.getOrdinate(i, CoordinateSequence.Z);
        buffer.append(sep).append(Values.number(Double.isNaN(zv) ? 0 : zv));
      }
    }
    xml.writeStartElement("gml", gml2 ? "coordinates" : single ? "pos" : "posList", gml);
    xml.writeCharacters(buffer.toString());
    xml.writeEndElement();
  }

  private static boolean hasZ(Geometry g) {
    if (g.isEmpty()) {
      return false;
    }
    return !Double.isNaN(g.getCoordinate().getZ());
  }
}
