package cn.lzxq.city.server.wfs;

import static cn.lzxq.city.server.ows.ExceptionReports.xml;

import cn.lzxq.city.data.ServiceArea;
import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.crs.ServedCrs;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.server.encode.GmlDialect;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The WFS capabilities documents of 2.0.0, 1.1.0 and 1.0.0. The fixed part of each (operations, the
 * conformance constraints the OGC test suite checks, filter capabilities) is its template {@code
 * wfs/capabilities-<version>.xml}; the service URL, CountDefault (2.0) and the feature types (every
 * vector layer, the served CRSs native first, the service area in WGS 84) are filled in. The
 * feature types differ per version only in names and forms, kept as data ({@link Form}).
 */
final class WfsCapabilities {

  /**
   * How one version writes a feature type.
   *
   * @param prefix the WFS namespace prefix of its elements ("" for 1.0.0's default namespace)
   * @param defaultCrs the element of the native CRS
   * @param otherCrs the element of each other CRS, or null when the version allows one CRS
   * @param crsName how the version names a CRS
   * @param formats the output formats listed per type (none in 1.0.0)
   * @param latLong 1.0.0's {@code LatLongBoundingBox} instead of {@code ows:WGS84BoundingBox}
   */
  private record Form(
      String prefix,
      String defaultCrs,
      String otherCrs,
      Function<CrsRef, String> crsName,
      List<String> formats,
      boolean latLong) {}

  private static final Map<String, Form> FORMS =
      Map.of(
          "2.0.0",
          new Form(
              "wfs:",
              "DefaultCRS",
              "OtherCRS",
              CrsRef::urn,
              List.of("application/gml+xml; version=3.2", "application/json", "text/csv"),
              false),
          "1.1.0",
          new Form(
              "wfs:",
              "DefaultSRS",
              "OtherSRS",
              GmlDialect.GML31::srsName,
              List.of("text/xml; subtype=gml/3.1.1", "application/json", "text/csv"),
              false),
          "1.0.0",
          new Form("", "SRS", null, GmlDialect.GML2::srsName, List.of(), true));

  private static final Map<String, String> TEMPLATES =
      Map.of(
          "2.0.0", template("2.0.0"),
          "1.1.0", template("1.1.0"),
          "1.0.0", template("1.0.0"));

  private WfsCapabilities() {}

  /**
   * The document of {@code version} (2.0.0, 1.1.0 or 1.0.0, see {@link
   * WfsParams#capabilitiesVersion}) for a service at {@code url} (the /wfs endpoint) offering
   * {@code layers}.
   */
  static String document(
      String version, String url, long countDefault, int nativeSrid, List<Layer> layers) {
    return TEMPLATES
        .get(version)
        .replace("{{URL}}", xml(url))
        .replace("{{COUNT_DEFAULT}}", Long.toString(countDefault))
        .replace("{{FEATURE_TYPES}}", featureTypes(FORMS.get(version), nativeSrid, layers));
  }

  private static String template(String version) {
    try (InputStream in =
        WfsCapabilities.class.getResourceAsStream("/wfs/capabilities-" + version + ".xml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String featureTypes(Form f, int nativeSrid, List<Layer> layers) {
    StringBuilder b = new StringBuilder();
    List<CrsRef> crs = ServedCrs.forNative(nativeSrid);
    for (Layer l : layers) {
      b.append("    <").append(f.prefix()).append("FeatureType>\n");
      element(b, f.prefix() + "Name", "city:" + l.name());
      element(b, f.prefix() + "Title", l.titleZh() + " / " + l.titleEn());
      element(b, f.prefix() + "Abstract", l.abstractEn());
      element(b, f.prefix() + f.defaultCrs(), f.crsName().apply(crs.get(0)));
      if (f.otherCrs() != null) {
        crs.stream()
            .skip(1)
            .forEach(c -> element(b, f.prefix() + f.otherCrs(), f.crsName().apply(c)));
      }
      if (!f.formats().isEmpty()) {
        b.append("      <").append(f.prefix()).append("OutputFormats>");
        f.formats().forEach(o -> b.append("<wfs:Format>").append(xml(o)).append("</wfs:Format>"));
        b.append("</").append(f.prefix()).append("OutputFormats>\n");
      }
      b.append("      ").append(area(f)).append('\n');
      b.append("    </").append(f.prefix()).append("FeatureType>\n");
    }
    return b.toString();
  }

  /** The service area in WGS 84 longitude/latitude. */
  private static String area(Form f) {
    ServiceArea a = ServiceArea.LANZHOU_NEW_AREA;
    if (f.latLong()) {
      return "<LatLongBoundingBox minx=\""
          + a.minLon()
          + "\" miny=\""
          + a.minLat()
          + "\" maxx=\""
          + a.maxLon()
          + "\" maxy=\""
          + a.maxLat()
          + "\"/>";
    }
    return "<ows:WGS84BoundingBox><ows:LowerCorner>"
        + a.minLon()
        + ' '
        + a.minLat()
        + "</ows:LowerCorner><ows:UpperCorner>"
        + a.maxLon()
        + ' '
        + a.maxLat()
        + "</ows:UpperCorner></ows:WGS84BoundingBox>";
  }

  private static void element(StringBuilder b, String name, String text) {
    b.append("      <")
        .append(name)
        .append('>')
        .append(xml(text))
        .append("</")
        .append(name)
        .append(">\n");
  }
}
