package cn.lzxq.city.server.wfs;

import static cn.lzxq.city.server.ows.ExceptionReports.xml;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.crs.ServedCrs;
import cn.lzxq.city.data.layer.Layer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The WFS 2.0.0 capabilities document: the fixed part (operations, the conformance constraints the
 * OGC test suite checks, filter capabilities) is the template {@code wfs/capabilities-2.0.0.xml};
 * the service URL, CountDefault and the feature types (every layer, native CRS first, the other
 * served CRSs, extent of the service area in WGS 84) are filled in.
 */
final class WfsCapabilities {

  private static final String TEMPLATE = template("2.0.0");
  private static final List<String> FORMATS =
      List.of("application/gml+xml; version=3.2", "application/json", "text/csv");

  private WfsCapabilities() {}

  /** The template {@code wfs/capabilities-<version>.xml}. */
  static String template(String version) {
    try (InputStream in =
        WfsCapabilities.class.getResourceAsStream("/wfs/capabilities-" + version + ".xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The document of {@code version} (2.0.0, 1.1.0 or 1.0.0, see {@link
   * WfsParams#capabilitiesVersion}) for a service at {@code url} (the /wfs endpoint) offering
   * {@code layers}.
   */
  static String document(
      String version, String url, long countDefault, int nativeSrid, List<Layer> layers) {
    return switch (version) {
      case "1.0.0" -> WfsCapabilities100.document(url, nativeSrid, layers);
      case "1.1.0" -> WfsCapabilities110.document(url, nativeSrid, layers);
      default -> document(url, countDefault, nativeSrid, layers);
    };
  }

  private static String document(
      String url, long countDefault, int nativeSrid, List<Layer> layers) {
    return TEMPLATE
        .replace("{{URL}}", xml(url))
        .replace("{{COUNT_DEFAULT}}", Long.toString(countDefault))
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
          .append("      <wfs:DefaultCRS>")
          .append(crs.get(0).urn())
          .append("</wfs:DefaultCRS>\n");
      crs.stream()
          .skip(1)
          .distinct()
          .filter(c -> !c.equals(crs.get(0)))
          .forEach(
              c -> b.append("      <wfs:OtherCRS>").append(c.urn()).append("</wfs:OtherCRS>\n"));
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
