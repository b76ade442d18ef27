package cn.lzxq.city.server.wfs;

import static cn.lzxq.city.server.ows.ExceptionReports.xml;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.server.encode.GmlDialect;
import java.util.List;

/**
 * The WFS 1.0.0 capabilities document ({@code WFS_Capabilities} in the default WFS namespace:
 * Service, Capability/Request with DCPType/HTTP per operation, FeatureTypeList with one {@code SRS}
 * per type — WFS 1.0.0 allows one, the native {@code EPSG:} code — and {@code LatLongBoundingBox},
 * Filter Encoding 1.0 capabilities): the template {@code wfs/capabilities-1.0.0.xml} with the
 * service URL and the layer catalog filled in.
 */
final class WfsCapabilities100 {

  private static final String TEMPLATE = WfsCapabilities.template("1.0.0");

  private WfsCapabilities100() {}

  static String document(String url, int nativeSrid, List<Layer> layers) {
    return TEMPLATE
        .replace("{{URL}}", xml(url))
        .replace("{{FEATURE_TYPES}}", featureTypes(nativeSrid, layers));
  }

  private static String featureTypes(int nativeSrid, List<Layer> layers) {
    StringBuilder b = new StringBuilder();
    ServiceArea area = ServiceArea.LANZHOU_NEW_AREA;
    for (Layer l : layers) {
      b.append("    <FeatureType>\n      <Name>city:")
          .append(l.name())
          .append("</Name>\n")
          .append("      <Title>")
          .append(xml(l.titleZh() + " / " + l.titleEn()))
          .append("</Title>\n")
          .append("      <Abstract>")
          .append(xml(l.abstractEn()))
          .append("</Abstract>\n")
          .append("      <SRS>")
          .append(GmlDialect.GML2.srsName(CrsRef.epsg(nativeSrid)))
          .append("</SRS>\n")
          .append("      <LatLongBoundingBox minx=\"")
          .append(area.minLon())
          .append("\" miny=\"")
          .append(area.minLat())
          .append("\" maxx=\"")
          .append(area.maxLon())
          .append("\" maxy=\"")
          .append(area.maxLat())
          .append("\"/>\n")
          .append("    </FeatureType>\n");
    }
    return b.toString();
  }
}
