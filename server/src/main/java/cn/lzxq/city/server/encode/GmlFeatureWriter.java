package cn.lzxq.city.server.encode;

import cn.lzxq.city.data.layer.Attribute;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.query.Feature;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * Streams a WFS feature collection as GML with StAX: WFS 2.0 {@code wfs:FeatureCollection} of
 * {@code wfs:member}s with GML 3.2, WFS 1.1 with GML 3.1.1, WFS 1.0 with GML 2; or one feature as
 * the document (GetFeatureById); or, with a value reference, a WFS 2.0 {@code wfs:ValueCollection}
 * (GetPropertyValue).
 *
 * <p>Feature elements follow the application schema of DescribeFeatureType: the attributes in
 * catalog order (absent when null), {@code valid_from}, {@code valid_to}, then {@code geom}.
 */
public final class GmlFeatureWriter implements FeatureWriter {

  private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private final XMLStreamWriter xml;
  private final GmlDialect dialect;
  private final EncodeOptions options;
  private final String valueReference;
  private final GmlGeometryWriter geometries;
  private Layer layer;
  private List<Attribute> attributes;

  /**
   * @param valueReference the property of a GetPropertyValue response, or null for features
   */
  public GmlFeatureWriter(
      OutputStream out, GmlDialect dialect, EncodeOptions options, String valueReference) {
    try {
      this.xml =
          FACTORY.createXMLStreamWriter(
              new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16));
    } catch (XMLStreamException e) {
      throw new IllegalStateException(e);
    }
    this.dialect = dialect;
    this.options = options;
    this.valueReference = valueReference;
    this.geometries = new GmlGeometryWriter(xml, dialect, options.crs(), options.northFirst());
  }

  @Override
  public void begin(CollectionInfo info) throws IOException {
    try {
      xml.writeStartDocument("UTF-8", "1.0");
      if (options.singleFeature()) {
        return;
      }
      xml.writeStartElement(
          "wfs",
          valueReference != null ? "ValueCollection" : "FeatureCollection",
          dialect.wfsNamespace());
      namespaces();
      collectionAttributes(info);
      if (dialect == GmlDialect.GML2) {
        xml.writeStartElement("gml", "boundedBy", dialect.gmlNamespace());
        xml.writeStartElement("gml", "null", dialect.gmlNamespace());
        xml.writeCharacters("unknown");
        xml.writeEndElement();
        xml.writeEndElement();
      }
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void namespaces() throws XMLStreamException {
    xml.writeNamespace("wfs", dialect.wfsNamespace());
    xml.writeNamespace("gml", dialect.gmlNamespace());
    xml.writeNamespace(GmlDialect.APP_PREFIX, GmlDialect.APP_NAMESPACE);
    xml.writeNamespace("xsi", XSI);
    if (options.schemaLocation() != null) {
      xml.writeAttribute("xsi", XSI, "schemaLocation", options.schemaLocation());
    }
  }

  private void collectionAttributes(CollectionInfo info) throws XMLStreamException {
    if (info.lockId() != null) {
      xml.writeAttribute("lockId", info.lockId());
    }
    switch (dialect) {
      case GML32 -> {
        xml.writeAttribute("timeStamp", info.timeStamp().toString());
        xml.writeAttribute(
            "numberMatched",
            info.numberMatched() >= 0 ? Long.toString(info.numberMatched()) : "unknown");
        xml.writeAttribute("numberReturned", Long.toString(info.numberReturned()));
        for (String rel : List.of("next", "previous")) {
          if (info.href(rel) != null) {
            xml.writeAttribute(rel, info.href(rel));
          }
        }
      }
      case GML31 -> {
        xml.writeAttribute("timeStamp", info.timeStamp().toString());
        xml.writeAttribute("numberOfFeatures", Long.toString(info.numberReturned()));
      }
      case GML2 -> {
        // WFS 1.0.0 collections carry no counts
      }
    }
  }

  @Override
  public void layer(Layer l, List<Attribute> attrs) {
    this.layer = l;
    this.attributes = attrs;
  }

  @Override
  public void feature(Feature f) throws IOException {
    try {
      if (!options.singleFeature()) {
        boolean v2 = dialect == GmlDialect.GML32;
        xml.writeStartElement(
            v2 ? "wfs" : "gml",
            v2 ? "member" : "featureMember",
            v2 ? dialect.wfsNamespace() : dialect.gmlNamespace());
      }
      if (valueReference != null) {
        value(f);
      } else {
        featureElement(f);
      }
      if (!options.singleFeature()) {
        xml.writeEndElement();
      }
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }

  private void featureElement(Feature f) throws XMLStreamException {
    String id = layer.name() + "." + f.fid();
    xml.writeStartElement(GmlDialect.APP_PREFIX, layer.name(), GmlDialect.APP_NAMESPACE);
    if (options.singleFeature()) {
      namespaces();
    }
    switch (dialect) {
      case GML32 -> xml.writeAttribute("gml", dialect.gmlNamespace(), "id", id);
      case GML31 -> xml.writeAttribute("gml", dialect.gmlNamespace(), "id", id);
      case GML2 -> xml.writeAttribute("fid", id);
    }
    for (Attribute a : attributes) {
      simple(a.name(), f.properties().get(a.name()));
    }
    simple("valid_from", f.validFrom());
    simple("valid_to", f.validTo());
    if (f.geometry() != null) {
      xml.writeStartElement(
          GmlDialect.APP_PREFIX, layer.geometryColumn(), GmlDialect.APP_NAMESPACE);
      geometries.write(f.geometry(), id + ".g");
      xml.writeEndElement();
    }
    xml.writeEndElement();
  }

  private void value(Feature f) throws XMLStreamException {
    if (valueReference.equals(layer.geometryColumn())) {
      if (f.geometry() != null) {
        geometries.write(f.geometry(), layer.name() + "." + f.fid() + ".g");
      }
    } else if (valueReference.equals("valid_from") || valueReference.equals("valid_to")) {
      xml.writeCharacters(
          String.valueOf(valueReference.equals("valid_from") ? f.validFrom() : f.validTo()));
    } else {
      Object v = f.properties().get(valueReference);
      xml.writeCharacters(v == null ? "" : Values.text(v));
    }
  }

  private void simple(String name, Object v) throws XMLStreamException {
    if (v == null) {
      return;
    }
    xml.writeStartElement(GmlDialect.APP_PREFIX, name, GmlDialect.APP_NAMESPACE);
    xml.writeCharacters(Values.text(v));
    xml.writeEndElement();
  }

  @Override
  public void end() throws IOException {
    try {
      xml.writeEndDocument();
      xml.flush();
    } catch (XMLStreamException e) {
      throw new IOException(e);
    }
  }
}
