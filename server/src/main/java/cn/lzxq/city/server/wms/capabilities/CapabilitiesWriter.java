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
 * Writes the WMS capabilities document of one version with StAX: a root layer, one layer per
 * catalog layer (pipe networks with a sublayer per CJJ 61 subtype), Chinese titles with English
 * abstracts, the served CRSs with a bounding box each, the TIME dimension, styles with legend URLs
 * and GetLegendGraphic. The versions differ in small places, each a branch on {@link #v111}:
 *
 * <ul>
 *   <li>1.3.0 {@code WMS_Capabilities} in the WMS namespace, valid against the official schemas
 *       bundled under {@code wms/schemas}: {@code CRS} (CRS:84 included), EX_GeographicBoundingBox,
 *       BoundingBox in each CRS's axis order, the size limits, a {@code Dimension} with its extent,
 *       GetLegendGraphic as an SLD 1.1 extended operation, exceptions XML/INIMAGE/BLANK;
 *   <li>1.1.1 {@code WMT_MS_Capabilities} without namespace, with the DOCTYPE of the official DTD
 *       {@code WMS_MS_Capabilities.dtd} (element order as it declares): {@code SRS} (no CRS:84),
 *       LatLonBoundingBox, BoundingBox always x/y, {@code Dimension} + {@code Extent},
 *       GetLegendGraphic inside Request, exceptions {@code application/vnd.ogc.se_*}, xlink
 *       declared on each OnlineResource (the DTD declares it there only).
 * </ul>
 */
public final class CapabilitiesWriter {

  private static final String WMS = "http://www.opengis.net/wms";
  private static final String XLINK = "http://www.w3.org/1999/xlink";
  private static final String SLD = "http://www.opengis.net/sld";
  private static final String XSI = "http://www.w3.org/2001/XMLSchema-instance";
  private static final String DTD_111 =
      "http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd";

  private final WmsLayers layers;
  private final Map<String, Map<CrsRef, Envelope>> extents;
  private final int nativeSrid;
  private final WmsProperties properties;
  private final String endpoint;
  private final WmsVersion version;
  private final boolean v111;
  private XMLStreamWriter x;

  /**
   * @param endpoint the absolute URL of /wms, without a query
   */
  public CapabilitiesWriter(
      WmsLayers layers,
      Map<String, Map<CrsRef, Envelope>> extents,
      int nativeSrid,
      WmsProperties properties,
      String endpoint,
      WmsVersion version) {
    this.layers = layers;
    this.extents = extents;
    this.nativeSrid = nativeSrid;
    this.properties = properties;
    this.endpoint = endpoint;
    this.version = version;
    this.v111 = version == WmsVersion.V111;
  }

  /** The document. */
  public String write() {
    StringWriter out = new StringWriter(64 * 1024);
    try {
      x = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
      x.writeStartDocument("UTF-8", "1.0");
      root();
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

  private void root() throws XMLStreamException {
    if (v111) {
      x.writeDTD("\n<!DOCTYPE WMT_MS_Capabilities SYSTEM \"" + DTD_111 + "\">\n");
      x.writeStartElement("WMT_MS_Capabilities");
    } else {
      x.writeStartElement("WMS_Capabilities");
      x.writeDefaultNamespace(WMS);
      x.writeNamespace("xlink", XLINK);
      x.writeNamespace("sld", SLD);
      x.writeNamespace("xsi", XSI);
    }
    x.writeAttribute("version", version.text());
    if (!v111) {
      x.writeAttribute(
          XSI,
          "schemaLocation",
          WMS
              + " http://schemas.opengis.net/wms/1.3.0/capabilities_1_3_0.xsd "
              + SLD
              + " http://schemas.opengis.net/sld/1.1.0/sld_capabilities.xsd");
    }
  }

  private void service() throws XMLStreamException {
    x.writeStartElement("Service");
    text("Name", v111 ? "OGC:WMS" : "WMS");
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
    if (!v111) {
      text("LayerLimit", String.valueOf(properties.maxLayers()));
      text("MaxWidth", String.valueOf(properties.maxWidth()));
      text("MaxHeight", String.valueOf(properties.maxHeight()));
    }
    x.writeEndElement();
  }

  private void capability() throws XMLStreamException {
    x.writeStartElement("Capability");
    x.writeStartElement("Request");
    operation(
        "GetCapabilities",
        v111 ? List.of("application/vnd.ogc.wms_xml", "text/xml") : List.of("text/xml"));
    operation("GetMap", ImageFormat.advertised());
    operation(
        "GetFeatureInfo", List.of(InfoFormat.values()).stream().map(InfoFormat::mimeType).toList());
    operation("GetLegendGraphic", List.of("image/png"));
    x.writeEndElement();
    x.writeStartElement("Exception");
    for (String f :
        v111
            ? List.of(
                "application/vnd.ogc.se_xml",
                "application/vnd.ogc.se_inimage",
                "application/vnd.ogc.se_blank")
            : List.of("XML", "INIMAGE", "BLANK")) {
      text("Format", f);
    }
    x.writeEndElement();
    if (v111) {
      x.writeEmptyElement("UserDefinedSymbolization");
    } else {
      x.writeEmptyElement(SLD, "UserDefinedSymbolization");
    }
    x.writeAttribute("SupportSLD", "1");
    x.writeAttribute("UserLayer", "0");
    x.writeAttribute("UserStyle", "1");
    x.writeAttribute("RemoteWFS", "0");
    rootLayer();
    x.writeEndElement();
  }

  /** An operation: in 1.3.0 GetLegendGraphic is an SLD extended operation (SLD namespace). */
  private void operation(String name, List<String> formats) throws XMLStreamException {
    if (!v111 && name.equals("GetLegendGraphic")) {
      x.writeStartElement(SLD, name);
    } else {
      x.writeStartElement(name);
    }
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
      if (!v111 || !crs.crs84()) {
        text(v111 ? "SRS" : "CRS", crs.code());
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
    x.writeAttribute("queryable", l.queryable() ? "1" : "0");
    text("Name", l.name());
    text("Title", l.titleZh());
    text("Abstract", l.abstractEn());
    if (top) {
      boxes(boxes);
      timeDimension();
      for (Style s : l.styles()) {
        style(l, s);
      }
    }
    for (WmsLayer child : l.children()) {
      layer(child, boxes, false);
    }
    x.writeEndElement();
  }

  /** TIME: 1.3.0 one Dimension with the extent; 1.1.1 a Dimension and an Extent. */
  private void timeDimension() throws XMLStreamException {
    String extent = properties.timeMin() + "/" + properties.timeMax() + "/0";
    if (v111) {
      x.writeEmptyElement("Dimension");
      x.writeAttribute("name", "time");
      x.writeAttribute("units", "ISO8601");
      x.writeStartElement("Extent");
      x.writeAttribute("name", "time");
    } else {
      x.writeStartElement("Dimension");
      x.writeAttribute("name", "time");
      x.writeAttribute("units", "ISO8601");
    }
    x.writeAttribute("default", "current");
    if (!v111) {
      x.writeAttribute("current", "1");
    }
    x.writeAttribute("nearestValue", "0");
    x.writeCharacters(extent);
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
    onlineResource(CapabilityParts.legendHref(endpoint, version.text(), l.name(), s.name()));
    x.writeEndElement();
    x.writeEndElement();
  }

  /**
   * The geographic box from the CRS84 box (1.3.0 EX_GeographicBoundingBox, 1.1.1
   * LatLonBoundingBox), then a BoundingBox per CRS: 1.3.0 in the CRS's axis order, 1.1.1 always x
   * (east) first and without CRS:84.
   */
  private void boxes(Map<CrsRef, Envelope> boxes) throws XMLStreamException {
    Envelope geo = boxes.get(CrsRef.CRS84);
    if (v111) {
      x.writeEmptyElement("LatLonBoundingBox");
      x.writeAttribute("minx", degrees(geo.getMinX()));
      x.writeAttribute("miny", degrees(geo.getMinY()));
      x.writeAttribute("maxx", degrees(geo.getMaxX()));
      x.writeAttribute("maxy", degrees(geo.getMaxY()));
    } else {
      x.writeStartElement("EX_GeographicBoundingBox");
      text("westBoundLongitude", degrees(geo.getMinX()));
      text("eastBoundLongitude", degrees(geo.getMaxX()));
      text("southBoundLatitude", degrees(geo.getMinY()));
      text("northBoundLatitude", degrees(geo.getMaxY()));
      x.writeEndElement();
    }
    for (Map.Entry<CrsRef, Envelope> e : boxes.entrySet()) {
      CrsRef crs = e.getKey();
      if (v111 && crs.crs84()) {
        continue;
      }
      Envelope b = e.getValue();
      boolean swap = !v111 && crs.axisOrder().northFirst();
      x.writeEmptyElement("BoundingBox");
      x.writeAttribute(v111 ? "SRS" : "CRS", crs.code());
      x.writeAttribute("minx", number(crs, swap ? b.getMinY() : b.getMinX()));
      x.writeAttribute("miny", number(crs, swap ? b.getMinX() : b.getMinY()));
      x.writeAttribute("maxx", number(crs, swap ? b.getMaxY() : b.getMaxX()));
      x.writeAttribute("maxy", number(crs, swap ? b.getMaxX() : b.getMaxY()));
    }
  }

  private void onlineResource(String href) throws XMLStreamException {
    x.writeEmptyElement("OnlineResource");
    if (v111) {
      x.writeNamespace("xlink", XLINK);
      x.writeAttribute("xlink", XLINK, "type", "simple");
      x.writeAttribute("xlink", XLINK, "href", href);
    } else {
      x.writeAttribute(XLINK, "type", "simple");
      x.writeAttribute(XLINK, "href", href);
    }
  }

  private void text(String name, String value) throws XMLStreamException {
    x.writeStartElement(name);
    x.writeCharacters(value);
    x.writeEndElement();
  }
}
