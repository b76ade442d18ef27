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
 * Writes the WMS 1.1.1 capabilities document ({@code WMT_MS_Capabilities}, shaped by the official
 * DTD {@code WMS_MS_Capabilities.dtd}, element order as the DTD declares it): no namespace, {@code
 * SRS} instead of {@code CRS}, {@code LatLonBoundingBox} in WGS 84 longitude/latitude, a {@code
 * BoundingBox} per served EPSG code always in x/y (easting or longitude first, as WMS 1.1.1 orders
 * every CRS), the TIME {@code Dimension} with its {@code Extent}, and GetLegendGraphic inside
 * {@code Request}. CRS:84 is a WMS 1.3.0 identifier and is not listed.
 */
public final class Capabilities111Writer {

  private static final String XLINK = "http://www.w3.org/1999/xlink";
  private static final String DTD = "http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd";

  private final WmsLayers layers;
  private final Map<String, Map<CrsRef, Envelope>> extents;
  private final int nativeSrid;
  private final WmsProperties properties;
  private final String endpoint;
  private XMLStreamWriter x;

  /**
   * @param endpoint the absolute URL of /wms, without a query
   */
  public Capabilities111Writer(
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
      x.writeDTD("\n<!DOCTYPE WMT_MS_Capabilities SYSTEM \"" + DTD + "\">\n");
      x.writeStartElement("WMT_MS_Capabilities");
      x.writeAttribute("version", WmsVersion.V111.text());
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
    text("Name", "OGC:WMS");
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
    x.writeEndElement();
  }

  private void capability() throws XMLStreamException {
    x.writeStartElement("Capability");
    x.writeStartElement("Request");
    operation("GetCapabilities", List.of("application/vnd.ogc.wms_xml", "text/xml"));
    operation("GetMap", ImageFormat.advertised());
    operation(
        "GetFeatureInfo", List.of(InfoFormat.values()).stream().map(InfoFormat::mimeType).toList());
    operation("GetLegendGraphic", List.of("image/png"));
    x.writeEndElement();
    x.writeStartElement("Exception");
    for (String f :
        List.of(
            "application/vnd.ogc.se_xml",
            "application/vnd.ogc.se_inimage",
            "application/vnd.ogc.se_blank")) {
      text("Format", f);
    }
    x.writeEndElement();
    x.writeEmptyElement("UserDefinedSymbolization");
    x.writeAttribute("SupportSLD", "1");
    x.writeAttribute("UserLayer", "0");
    x.writeAttribute("UserStyle", "1");
    x.writeAttribute("RemoteWFS", "0");
    rootLayer();
    x.writeEndElement();
  }

  private void operation(String name, List<String> formats) throws XMLStreamException {
    x.writeStartElement(name);
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
      if (!crs.crs84()) {
        text("SRS", crs.code());
      }
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
      x.writeEmptyElement("Dimension");
      x.writeAttribute("name", "time");
      x.writeAttribute("units", "ISO8601");
      x.writeStartElement("Extent");
      x.writeAttribute("name", "time");
      x.writeAttribute("default", "current");
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
        CapabilityParts.legendHref(endpoint, WmsVersion.V111.text(), l.name(), s.name()));
    x.writeEndElement();
    x.writeEndElement();
  }

  /** LatLonBoundingBox from the CRS84 box, then a BoundingBox per EPSG code, x (east) first. */
  private void boxes(Map<CrsRef, Envelope> boxes) throws XMLStreamException {
    Envelope geo = boxes.get(CrsRef.CRS84);
    x.writeEmptyElement("LatLonBoundingBox");
    x.writeAttribute("minx", degrees(geo.getMinX()));
    x.writeAttribute("miny", degrees(geo.getMinY()));
    x.writeAttribute("maxx", degrees(geo.getMaxX()));
    x.writeAttribute("maxy", degrees(geo.getMaxY()));
    for (Map.Entry<CrsRef, Envelope> e : boxes.entrySet()) {
      CrsRef crs = e.getKey();
      if (crs.crs84()) {
        continue;
      }
      Envelope b = e.getValue();
      x.writeEmptyElement("BoundingBox");
      x.writeAttribute("SRS", crs.code());
      x.writeAttribute("minx", number(crs, b.getMinX()));
      x.writeAttribute("miny", number(crs, b.getMinY()));
      x.writeAttribute("maxx", number(crs, b.getMaxX()));
      x.writeAttribute("maxy", number(crs, b.getMaxY()));
    }
  }

  /** The DTD declares {@code xmlns:xlink} on OnlineResource only, so each one carries it. */
  private void onlineResource(String href) throws XMLStreamException {
    x.writeEmptyElement("OnlineResource");
    x.writeNamespace("xlink", XLINK);
    x.writeAttribute("xlink", XLINK, "type", "simple");
    x.writeAttribute("xlink", XLINK, "href", href);
  }

  private void text(String name, String value) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(value);
    x.writeEndElement();
  }
}
