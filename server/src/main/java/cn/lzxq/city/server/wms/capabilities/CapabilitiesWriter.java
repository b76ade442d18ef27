package cn.lzxq.city.server.wms.capabilities;

import static cn.lzxq.city.server.wms.capabilities.CapabilityParts.degrees;
import static cn.lzxq.city.server.wms.capabilities.CapabilityParts.number;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.crs.ServedCrs;
import cn.lzxq.city.server.wms.WmsProperties;
import cn.lzxq.city.server.wms.layer.WmsLayer;
import cn.lzxq.city.server.wms.layer.WmsLayers;
import cn.lzxq.city.server.wms.request.GetFeatureInfoRequest.InfoFormat;
import cn.lzxq.city.server.wms.request.ImageFormat;
import cn.lzxq.city.server.wms.style.Style;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;
import org.locationtech.jts.geom.Envelope;

/**
 * Writes the WMS 1.3.0 capabilities document with StAX: a root layer, one layer per catalog layer
 * (pipe networks with a sublayer per CJJ 61 subtype), Chinese titles with English abstracts,
 * EX_GeographicBoundingBox and a BoundingBox per served CRS in that CRS's axis order, the TIME
 * dimension, styles with legend URLs, and GetLegendGraphic as an SLD 1.1 extended operation. Valid
 * against the official schemas bundled under {@code wms/schemas}.
 */
public final class CapabilitiesWriter {

  private static final String WMS = "http://www.opengis.net/wms";
  private static final String XLINK = "http://www.w3.org/1999/xlink";
  private static final String SLD = "http://www.opengis.net/sld";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";

  private final WmsLayers layers;
  private final Map<String, Map<CrsRef, Envelope>> extents;
  private final int nativeSrid;
  private final WmsProperties properties;
  private final String endpoint;
  private XMLStreamWriter x;

  /**
   * @param endpoint the absolute URL of /wms, without a query
   */
  public CapabilitiesWriter(
      WmsLayers layers,
      Map<String, Map<CrsRef, Envelope>> extents,
      int nativeSrid,
      WmsProperties properties,
      String endpoint) {
    this.layers = layers;
    this.extents = extents;
    this.nativeSrid = nativeSrid;
    this.properties = properties;
    this.endpoint = endpoint;
  }

  /** The document. */
  public String write() {
    StringWriter out = new StringWriter(64 * 1024);
    try {
      x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      x.writeStartElement("WMS_Capabilities");
      x.writeDefaultNamespace(WMS);
      x.writeNamespace("xlink", XLINK);
      x.writeNamespace("sld", SLD);
      x.writeNamespace("xsi", XSI);
      x.writeAttribute("version", WmsVersion.V130.text());
      x.writeAttribute(
          XSI,
          "schemaLocation",
          WMS
              + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd "
              + SLD
              + " http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
      service();
      capability();
      x.writeEndElement();
      x.writeEndDocument();
      x.close();
    } catch (XMLStreamException e) {
      throw new IllegalStateException("capabilities could not be written", e);
    }
    return out.toString();
  }

  private void service() throws XMLStreamException {
    x.writeStartElement("Service");
    text("Name", "WMS");
    text("Title", CapabilityParts.TITLE);
    text("Abstract", CapabilityParts.ABSTRACT);
    x.writeStartElement("KeywordList");
    for (String k : CapabilityParts.KEYWORDS) {
      text("Keyword", k);
    }
    x.writeEndElement();
    onlineResource(endpoint);
    text("Fees", "none");
    text("AccessConstraints", "none");
    text("LayerLimit", String.valueOf(properties.maxLayers()));
    text("MaxWidth", String.valueOf(properties.maxWidth()));
    text("MaxHeight", String.valueOf(properties.maxHeight()));
    x.writeEndElement();
  }

  private void capability() throws XMLStreamException {
    x.writeStartElement("Capability");
    x.writeStartElement("Request");
    operation(WMS, "GetCapabilities", List.of("text/xml"));
    operation(WMS, "GetMap", ImageFormat.advertised());
    operation(
        WMS,
        "GetFeatureInfo",
        List.of(InfoFormat.values()).stream().map(InfoFormat::mimeType).toList());
    operation(SLD, "GetLegendGraphic", List.of("image/png"));
    x.writeEndElement();
    x.writeStartElement("Exception");
    for (String f : List.of("XML", "INIMAGE", "BLANK")) {
      text("Format", f);
    }
    x.writeEndElement();
    x.writeEmptyElement(SLD, "UserDefinedSymbolization");
    x.writeAttribute("SupportSLD", "1");
    x.writeAttribute("UserLayer", "0");
    x.writeAttribute("UserStyle", "1");
    x.writeAttribute("RemoteWFS", "0");
    rootLayer();
    x.writeEndElement();
  }

  private void operation(String ns, String name, List<String> formats) throws XMLStreamException {
    x.writeStartElement(ns, name);
    for (String f : formats) {
      text("Format", f);
    }
    x.writeStartElement("DCPType");
    x.writeStartElement("HTTP");
    x.writeStartElement("Get");
    onlineResource(endpoint + "?");
    x.writeEndElement();
    x.writeStartElement("Post");
    onlineResource(endpoint);
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
    x.writeEndElement();
  }

  private void rootLayer() throws XMLStreamException {
    x.writeStartElement("Layer");
    text("Title", CapabilityParts.ROOT_TITLE);
    text("Abstract", CapabilityParts.ROOT_ABSTRACT);
    for (CrsRef crs : ServedCrs.forNative(nativeSrid)) {
      text("CRS", crs.code());
    }
    boxes(CapabilityParts.union(extents));
    for (WmsLayer l : layers.topLevel()) {
      layer(l, extents.get(l.source().name()), true);
    }
    x.writeEndElement();
  }

  private void layer(WmsLayer l, Map<CrsRef, Envelope> boxes, boolean top)
      throws XMLStreamException {
    x.writeStartElement("Layer");
    x.writeAttribute("queryable", "1");
    text("Name", l.name());
    text("Title", l.titleZh());
    text("Abstract", l.abstractEn());
    if (top) {
      boxes(boxes);
      x.writeStartElement("Dimension");
      x.writeAttribute("name", "time");
      x.writeAttribute("units", "ISO8601");
      x.writeAttribute("default", "current");
      x.writeAttribute("current", "1");
      x.writeAttribute("nearestValue", "0");
      x.writeCharacters(properties.timeMin() + "/" + properties.timeMax() + "/0");
      x.writeEndElement();
      for (Style s : l.styles()) {
        style(l, s);
      }
    }
    for (WmsLayer child : l.children()) {
      layer(child, boxes, false);
    }
    x.writeEndElement();
  }

  private void style(WmsLayer l, Style s) throws XMLStreamException {
    x.writeStartElement("Style");
    text("Name", s.name());
    text("Title", s.titleZh());
    text("Abstract", s.abstractEn());
    x.writeStartElement("LegendURL");
    x.writeAttribute("width", "20");
    x.writeAttribute("height", "20");
    text("Format", "image/png");
    onlineResource(
        CapabilityParts.legendHref(endpoint, WmsVersion.V130.text(), l.name(), s.name()));
    x.writeEndElement();
    x.writeEndElement();
  }

  /** EX_GeographicBoundingBox from the CRS84 box, then a BoundingBox per CRS in its axis order. */
  private void boxes(Map<CrsRef, Envelope> boxes) throws XMLStreamException {
    Envelope geo = boxes.get(CrsRef.CRS84);
    x.writeStartElement("EX_GeographicBoundingBox");
    text("westBoundLongitude", degrees(geo.getMinX()));
    text("eastBoundLongitude", degrees(geo.getMaxX()));
    text("southBoundLatitude", degrees(geo.getMinY()));
    text("northBoundLatitude", degrees(geo.getMaxY()));
    x.writeEndElement();
    for (Map.Entry<CrsRef, Envelope> e : boxes.entrySet()) {
      CrsRef crs = e.getKey();
      Envelope b = e.getValue();
      boolean swap = crs.axisOrder().northFirst();
      x.writeEmptyElement("BoundingBox");
      x.writeAttribute("CRS", crs.code());
      x.writeAttribute("minx", number(crs, swap ? b.getMinY() : b.getMinX()));
      x.writeAttribute("miny", number(crs, swap ? b.getMinX() : b.getMinY()));
      x.writeAttribute("maxx", number(crs, swap ? b.getMaxY() : b.getMaxX()));
      x.writeAttribute("maxy", number(crs, swap ? b.getMaxX() : b.getMaxY()));
    }
  }

  private void onlineResource(String href) throws XMLStreamException {
    x.writeEmptyElement("OnlineResource");
    x.writeAttribute(XLINK, "type", "simple");
    x.writeAttribute(XLINK, "href", href);
  }

  private void text(String name, String value) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(value);
    x.writeEndElement();
  }
}
