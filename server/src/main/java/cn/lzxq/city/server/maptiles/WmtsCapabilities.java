package cn.lzxq.city.server.maptiles;

import static cn.lzxq.city.server.ows.ExceptionReports.xml;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.server.wms.layer.WmsLayer;
import cn.lzxq.city.server.wms.style.Style;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The WMTS 1.0.0 capabilities document (OGC 07-057r7 §7.1): every WMS layer (catalog layers and
 * pipe subtypes) with its styles, PNG and JPEG tiles, GetFeatureInfo formats, the TIME dimension,
 * the three tile matrix sets and RESTful templates besides KVP. TopLeftCorner and BoundingBox are
 * written in the CRS's axis order (latitude first for EPSG:4490, northing first for the native
 * Gauss-Krüger CRS), as WMTS 1.0.0 requires and GDAL's WMTS driver reads them.
 */
final class WmtsCapabilities {

  private static final List<String> FORMATS = List.of("image/png", "image/jpeg");
  private static final List<String> INFO_FORMATS =
      List.of("application/json", "text/html", "text/plain", "application/vnd.ogc.gml", "text/xml");

  private WmtsCapabilities() {}

  /** The document for the service at {@code endpoint} (the URL of {@code /wmts}). */
  static String write(
      List<WmsLayer> layers,
      List<TileMatrixSet> sets,
      String endpoint,
      Instant timeStart,
      Instant timeEnd) {
    StringBuilder x = new StringBuilder(64 * 1024);
    x.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
        .append("<Capabilities xmlns=\"http://www.opengis.net/wmts/1.0\"")
        .append(" xmlns:ows=\"http://www.opengis.net/ows/1.1\"")
        .append(" xmlns:xlink=\"http://www.w3.org/1999/xlink\"")
        .append(" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"")
        .append(" xmlns:gml=\"http://www.opengis.net/gml\"")
        .append(" xsi:schemaLocation=\"http://www.opengis.net/wmts/1.0")
        .append(" http://schemas.opengis.net/wmts/1.0/wmtsGetCapabilities_response.xsd\"")
        .append(" version=\"1.0.0\">\n");
    x.append("<ows:ServiceIdentification>\n")
        .append("  <ows:Title>兰州新区三维城市信息服务 WMTS / Lanzhou New Area City WMTS</ows:Title>\n")
        .append("  <ows:ServiceType>OGC WMTS</ows:ServiceType>\n")
        .append("  <ows:ServiceTypeVersion>1.0.0</ows:ServiceTypeVersion>\n")
        .append("</ows:ServiceIdentification>\n");
    x.append("<ows:OperationsMetadata>\n");
    for (String op : List.of("GetCapabilities", "GetTile", "GetFeatureInfo")) {
      x.append("  <ows:Operation name=\"")
          .append(op)
          .append("\"><ows:DCP><ows:HTTP>")
          .append("<ows:Get xlink:href=\"")
          .append(xml(endpoint))
          .append("?\">")
          .append("<ows:Constraint name=\"GetEncoding\"><ows:AllowedValues>")
          .append("<ows:Value>KVP</ows:Value></ows:AllowedValues></ows:Constraint></ows:Get>")
          .append("<ows:Get xlink:href=\"")
          .append(xml(endpoint))
          .append("/\">")
          .append("<ows:Constraint name=\"GetEncoding\"><ows:AllowedValues>")
          .append("<ows:Value>RESTful</ows:Value></ows:AllowedValues></ows:Constraint></ows:Get>")
          .append("</ows:HTTP></ows:DCP></ows:Operation>\n");
    }
    x.append("</ows:OperationsMetadata>\n<Contents>\n");
    for (WmsLayer layer : flatten(layers)) {
      layer(x, layer, sets, endpoint, timeStart, timeEnd);
    }
    for (TileMatrixSet set : sets) {
      matrixSet(x, set);
    }
    x.append("</Contents>\n")
        .append("<ServiceMetadataURL xlink:href=\"")
        .append(xml(endpoint))
        .append("/1.0.0/WMTSCapabilities.xml\"/>\n")
        .append("</Capabilities>\n");
    return x.toString();
  }

  private static List<WmsLayer> flatten(List<WmsLayer> top) {
    List<WmsLayer> all = new ArrayList<>();
    for (WmsLayer l : top) {
      all.add(l);
      all.addAll(l.children());
    }
    return all;
  }

  private static void layer(
      StringBuilder x,
      WmsLayer layer,
      List<TileMatrixSet> sets,
      String endpoint,
      Instant timeStart,
      Instant timeEnd) {
    ServiceArea a = ServiceArea.LANZHOU_NEW_AREA;
    x.append("<Layer>\n  <ows:Title>").append(xml(layer.titleZh())).append("</ows:Title>\n");
    if (layer.abstractEn() != null) {
      x.append("  <ows:Abstract>").append(xml(layer.abstractEn())).append("</ows:Abstract>\n");
    }
    x.append("  <ows:WGS84BoundingBox><ows:LowerCorner>")
        .append(num(a.minLon()))
        .append(' ')
        .append(num(a.minLat()))
        .append("</ows:LowerCorner><ows:UpperCorner>")
        .append(num(a.maxLon()))
        .append(' ')
        .append(num(a.maxLat()))
        .append("</ows:UpperCorner></ows:WGS84BoundingBox>\n")
        .append("  <ows:Identifier>")
        .append(xml(layer.name()))
        .append("</ows:Identifier>\n");
    boolean first = true;
    for (Style s : layer.styles()) {
      x.append("  <Style isDefault=\"")
          .append(first)
          .append("\"><ows:Identifier>")
          .append(xml(s.name()))
          .append("</ows:Identifier></Style>\n");
      first = false;
    }
    for (String f : FORMATS) {
      x.append("  <Format>").append(f).append("</Format>\n");
    }
    for (String f : INFO_FORMATS) {
      x.append("  <InfoFormat>").append(f).append("</InfoFormat>\n");
    }
    x.append("  <Dimension><ows:Identifier>TIME</ows:Identifier><ows:UOM>ISO8601</ows:UOM>")
        .append("<Default>current</Default><Current>true</Current><Value>")
        .append(timeStart)
        .append('/')
        .append(timeEnd)
        .append("/P1D</Value></Dimension>\n");
    for (TileMatrixSet set : sets) {
      x.append("  <TileMatrixSetLink><TileMatrixSet>")
          .append(set.id())
          .append("</TileMatrixSet></TileMatrixSetLink>\n");
    }
    String rest =
        xml(endpoint) + "/" + xml(layer.name()) + "/{Style}/{TIME}/{TileMatrixSet}/{TileMatrix}";
    x.append("  <ResourceURL format=\"image/png\" resourceType=\"tile\" template=\"")
        .append(rest)
        .append("/{TileRow}/{TileCol}.png\"/>\n")
        .append("  <ResourceURL format=\"image/jpeg\" resourceType=\"tile\" template=\"")
        .append(rest)
        .append("/{TileRow}/{TileCol}.jpg\"/>\n")
        .append(
            "  <ResourceURL format=\"application/json\" resourceType=\"FeatureInfo\" template=\"")
        .append(rest)
        .append("/{TileRow}/{TileCol}/{J}/{I}.json\"/>\n")
        .append("</Layer>\n");
  }

  private static void matrixSet(StringBuilder x, TileMatrixSet set) {
    CrsRef crs = set.crs();
    boolean northFirst = crs.axisOrder().northFirst();
    x.append("<TileMatrixSet>\n  <ows:Identifier>")
        .append(set.id())
        .append("</ows:Identifier>\n")
        .append("  <ows:Title>")
        .append(xml(set.title()))
        .append("</ows:Title>\n");
    double right = set.left() + set.cellSize0() * TileMatrixSet.TILE_SIZE * set.width0();
    double bottom = set.top() - set.cellSize0() * TileMatrixSet.TILE_SIZE * set.height0();
    x.append("  <ows:BoundingBox crs=\"")
        .append(crs.urn())
        .append("\"><ows:LowerCorner>")
        .append(pair(set.left(), bottom, northFirst))
        .append("</ows:LowerCorner><ows:UpperCorner>")
        .append(pair(right, set.top(), northFirst))
        .append("</ows:UpperCorner></ows:BoundingBox>\n")
        .append("  <ows:SupportedCRS>")
        .append(crs.urn())
        .append("</ows:SupportedCRS>\n");
    if (set.wellKnownScaleSet() != null) {
      x.append("  <WellKnownScaleSet>")
          .append(set.wellKnownScaleSet())
          .append("</WellKnownScaleSet>\n");
    }
    for (int z = 0; z <= set.maxLevel(); z++) {
      x.append("  <TileMatrix><ows:Identifier>")
          .append(z)
          .append("</ows:Identifier>")
          .append("<ScaleDenominator>")
          .append(num(set.scaleDenominator(z)))
          .append("</ScaleDenominator><TopLeftCorner>")
          .append(pair(set.left(), set.top(), northFirst))
          .append("</TopLeftCorner>")
          .append("<TileWidth>256</TileWidth><TileHeight>256</TileHeight>")
          .append("<MatrixWidth>")
          .append(set.matrixWidth(z))
          .append("</MatrixWidth>")
          .append("<MatrixHeight>")
          .append(set.matrixHeight(z))
          .append("</MatrixHeight>")
          .append("</TileMatrix>\n");
    }
    x.append("</TileMatrixSet>\n");
  }

  private static String pair(double x, double y, boolean northFirst) {
    return northFirst ? num(y) + " " + num(x) : num(x) + " " + num(y);
  }

  private static String num(double v) {
    if (v == Math.rint(v) && Math.abs(v) < 1e15) {
      return String.valueOf((long) v);
    }
    return String.format(Locale.ROOT, "%.10f", v).replaceAll("0+$", "");
  }
}
