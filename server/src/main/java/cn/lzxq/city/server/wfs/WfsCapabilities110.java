package cn.lzxq.city.server.wfs;

import static cn.lzxq.city.server.ows.ExceptionReports.xml;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.crs.ServedCrs;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.server.encode.GmlDialect;
import java.util.List;

/**
 * The WFS 1.1.0 capabilities document (OWS Common 1.0 sections, {@code wfs:FeatureType} with {@code
 * DefaultSRS}/{@code OtherSRS} and {@code ows:WGS84BoundingBox}, Filter Encoding 1.1 capabilities):
 * the template {@code wfs/capabilities-1.1.0.xml} with the service URL and the feature types of the
 * layer catalog filled in. Offered CRSs as in 2.0 ({@link ServedCrs}).
 */
final class WfsCapabilities110 {

  private static final String TEMPLATE = WfsCapabilities.template("1.1.0");
  private static final List<String> FORMATS =
      List.of("text/xml; subtype=gml/3.1.1", "application/json", "text/csv");

  private WfsCapabilities110() {}

  static String document(String url, int nativeSrid, List<Layer> layers) {
    return TEMPLATE
        .replace("{{URL}}", xml(url))
        .replace("{{FEATURE_TYPES}}", featureTypes(nativeSrid, layers));
  }

  private static String featureTypes(int nativeSrid, List<Layer> layers) {
    StringBuilder b = new StringBuilder();
    ServiceArea area = ServiceArea.LANZHOU_NEW_AREA;
    List<CrsRef> crs = ServedCrs.forNative(nativeSrid);
    for (Layer l : layers) {
      b.append("    <wfs:FeatureType>\n      <wfs:Name>city:")
          .append(l.name())
          .append("</wfs:Name>\n")
          .append("      <wfs:Title>")
          .append(xml(l.titleZh() + " / " + l.titleEn()))
          .append("</wfs:Title>\n")
          .append("      <wfs:Abstract>")
          .append(xml(l.abstractEn()))
          .append("</wfs:Abstract>\n")
          .append("      <wfs:DefaultSRS>")
          .append(GmlDialect.GML31.srsName(crs.get(0)))
          .append("</wfs:DefaultSRS>\n");
      crs.stream()
          .skip(1)
          .forEach(
              c ->
                  b.append("      <wfs:OtherSRS>")
                      .append(GmlDialect.GML31.srsName(c))
                      .append("</wfs:OtherSRS>\n"));
      b.append("      <wfs:OutputFormats>");
      FORMATS.forEach(f -> b.append("<wfs:Format>").append(xml(f)).append("</wfs:Format>"));
      b.append("</wfs:OutputFormats>\n      <ows:WGS84BoundingBox><ows:LowerCorner>")
          .append(area.minLon())
          .append(' ')
          .append(area.minLat())
          .append("</ows:LowerCorner><ows:UpperCorner>")
          .append(area.maxLon())
          .append(' ')
          .append(area.maxLat())
          .append("</ows:UpperCorner></ows:WGS84BoundingBox>\n    </wfs:FeatureType>\n");
    }
    return b.toString();
  }
}
