package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.layer.GeometryKind;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.server.encode.GmlDialect;
import java.util.List;

/**
 * The GML application schema of DescribeFeatureType: one element per layer, its attributes in
 * catalog order (each optional: absent means null), {@code valid_from}, {@code valid_to} and the
 * geometry. GML 3.2 imports the canonical {@code http://schemas.opengis.net/gml/3.2.1/gml.xsd} (ISO
 * 19136 A.1.4); WFS 1.0.0 gets the GML 2.1.2 flavour.
 */
final class WfsSchema {

  private WfsSchema() {}

  static String document(List<Layer> layers, GmlDialect dialect) {
    StringBuilder b =
        new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
            .append("<xs:schema xmlns:xs=\"http://www.w3.org/2001/XMLSchema\" xmlns:gml=\"")
            .append(dialect.gmlNamespace())
            .append("\" xmlns:city=\"")
            .append(GmlDialect.APP_NAMESPACE)
            .append("\" targetNamespace=\"")
            .append(GmlDialect.APP_NAMESPACE)
            .append("\" elementFormDefault=\"qualified\" version=\"1.0\">\n")
            .append("  <xs:import namespace=\"")
            .append(dialect.gmlNamespace())
            .append("\" schemaLocation=\"")
            .append(gmlLocation(dialect))
            .append("\"/>\n");
    for (Layer l : layers) {
      b.append("  <xs:element name=\"")
          .append(l.name())
          .append("\" type=\"city:")
          .append(l.name())
          .append("Type\" substitutionGroup=\"gml:")
          .append(dialect == GmlDialect.GML2 ? "_Feature" : "AbstractFeature")
          .append("\"/>\n  <xs:complexType name=\"")
          .append(l.name())
          .append("Type\">\n    <xs:complexContent>\n")
          .append("      <xs:extension base=\"gml:AbstractFeatureType\">\n        <xs:sequence>\n");
      for (Attribute a : l.attributes()) {
        element(b, a.name(), xsdType(a));
      }
      element(b, "valid_from", "xs:dateTime");
      element(b, "valid_to", "xs:dateTime");
      geometryElement(b, l.geometryColumn(), l.geometryKind(), dialect);
      b.append(
          "        </xs:sequence>\n      </xs:extension>\n    </xs:complexContent>\n  </xs:complexType>\n");
    }
    return b.append("</xs:schema>\n").toString();
  }

  private static String gmlLocation(GmlDialect dialect) {
    return switch (dialect) {
      case GML32 -> "http://schemas.opengis.net/gml/3.2.1/gml.xsd";
      case GML31 -> "http://schemas.opengis.net/gml/3.1.1/base/gml.xsd";
      case GML2 -> "http://schemas.opengis.net/gml/2.1.2/feature.xsd";
    };
  }

  private static void element(StringBuilder b, String name, String type) {
    b.append("          <xs:element name=\"")
        .append(name)
        .append("\" type=\"")
        .append(type)
        .append("\" minOccurs=\"0\"/>\n");
  }

  private static String xsdType(Attribute a) {
    return switch (a.type()) {
      case STRING, STRING_ARRAY -> "xs:string";
      case INTEGER -> "xs:int";
      case LONG -> "xs:long";
      case DECIMAL -> "xs:decimal";
      case BOOLEAN -> "xs:boolean";
      case DATE -> "xs:date";
      case TIMESTAMP -> "xs:dateTime";
    };
  }

  /**
   * The geometry element, typed by the layer's kind so clients (GDAL, QGIS) make layers of that
   * kind: gml:PointPropertyType, gml:LineStringPropertyType (GML 2 and 3.1.1), and multi-polygons
   * as stored. GML 3.2.1 has no LineStringPropertyType: a GML 3.2 line is a gml:CurvePropertyType
   * followed by the comment {@code <!-- restricted to LineString -->} (GML 3.x multi-surfaces:
   * {@code restricted to MultiPolygon}), the form GDAL's own GML writer emits and its schema reader
   * ({@code parsexsd.cpp}) maps to LineString (MultiPolygon) instead of CompoundCurve
   * (MultiSurface). QGIS reads the plain type and ignores comments; a CurvePropertyType restricted
   * to gml:LineString by an XSD restriction made QGIS 3.22 find no geometry at all.
   */
  private static void geometryElement(
      StringBuilder b, String name, GeometryKind kind, GmlDialect dialect) {
    element(
        b,
        name,
        switch (kind) {
          case POINT -> "gml:PointPropertyType";
          case LINE ->
              dialect == GmlDialect.GML32 ? "gml:CurvePropertyType" : "gml:LineStringPropertyType";
          case POLYGON ->
              dialect == GmlDialect.GML2
                  ? "gml:MultiPolygonPropertyType"
                  : "gml:MultiSurfacePropertyType";
        });
    if (kind == GeometryKind.LINE && dialect == GmlDialect.GML32) {
      b.append("          <!-- restricted to LineString -->\n");
    } else if (kind == GeometryKind.POLYGON && dialect != GmlDialect.GML2) {
      b.append("          <!-- restricted to MultiPolygon -->\n");
    }
  }
}
