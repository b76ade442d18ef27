package cn.lzxq.city.server.wms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.lzxq.city.server.support.Http;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.Source;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/**
 * GetCapabilities: valid against the bundled official WMS 1.3.0 (+ SLD 1.1 extension) schemas, and
 * its content.
 */
class WmsCapabilitiesTest extends WmsContextTest {

  private Document doc;
  private XPath xpath;

  @BeforeEach
  void read() throws Exception {
    HttpResponse<String> r =
        Http.get(
            "http://localhost:" + port + "/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0");
    assertThat(r.statusCode()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
    validate(r.body());
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    doc =
        f.newDocumentBuilder()
            .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
    xpath = XPathFactory.newInstance().newXPath();
  }

  /**
   * Validates offline: the schemas import each other by relative paths inside the bundle; any other
   * fetch fails.
   */
  private static void validate(String xml) throws Exception {
    SchemaFactory sf = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
    sf.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");
    URL wms =
        WmsCapabilitiesTest.class.getResource("/wms/schemas/wms/1.3.0/capabilities_1_3_0.xsd");
    URL sld = WmsCapabilitiesTest.class.getResource("/wms/schemas/sld/1.1.0/sld_capabilities.xsd");
    assertThat(wms).as("bundled WMS schema").isNotNull();
    Schema schema =
        sf.newSchema(
            new Source[] {new StreamSource(wms.toString()), new StreamSource(sld.toString())});
    schema.newValidator().validate(new StreamSource(new StringReader(xml)));
  }

  private String text(String path) throws Exception {
    return xpath.evaluate(path, doc);
  }

  private int count(String path) throws Exception {
    return ((NodeList) xpath.evaluate(path, doc, XPathConstants.NODESET)).getLength();
  }

  @Test
  void listsARootLayerWithNetworkGroupsSubtypesAndTheOtherLayers() throws Exception {
    assertThat(text("/WMS_Capabilities/@version")).isEqualTo("1.3.0");
    assertThat(count("/WMS_Capabilities/Capability/Layer/Layer")).isEqualTo(23);
    assertThat(text("//Layer[Name='pipe_js']/Title")).isEqualTo("给水管线");
    assertThat(text("//Layer[Name='pipe_js']/Abstract")).contains("CJJ 61");
    assertThat(text("//Layer[Name='pipe_js']/@queryable")).isEqualTo("1");
    assertThat(count("//Layer[Name='pipe_js']/Layer")).as("8 CJJ 61 water subtypes").isEqualTo(8);
    assertThat(text("//Layer[Name='pipe_js_jp']/Title")).isEqualTo("配水给水管线");
    for (String name :
        new String[] {
          "pipe_point",
          "base_station",
          "antenna_sector",
          "zoning_parcel",
          "road",
          "construction_project",
          "district",
          "wlan_ap",
          "power_tower",
          "street_tree",
          "orthophoto",
          "coverage_cmcc_n41",
          "coverage_ctcc_n78",
          "coverage_cucc_n78",
          "coverage_cbn_n28",
          "coverage_wlan"
        }) {
      assertThat(count("//Layer[Name='" + name + "']")).as(name).isEqualTo(1);
    }
    assertThat(text("//Layer[Name='orthophoto']/@queryable")).as("an image").isEqualTo("0");
    assertThat(text("//Layer[Name='coverage_cmcc_n41']/@queryable")).as("values").isEqualTo("1");
  }

  @Test
  void boundingBoxesFollowTheAxisOrderOfEachCrs() throws Exception {
    String layer = "//Layer[Name='pipe_js']";
    double west = Double.parseDouble(text(layer + "/EX_GeographicBoundingBox/westBoundLongitude"));
    assertThat(west).isCloseTo(103.699, offset(1e-3));
    // EPSG:4326 and 4490 are latitude first; CRS:84 and 3857 longitude/easting first; 4544 northing
    // first.
    assertThat(Double.parseDouble(text(layer + "/BoundingBox[@CRS='EPSG:4490']/@minx")))
        .isCloseTo(36.500, offset(0.01));
    assertThat(Double.parseDouble(text(layer + "/BoundingBox[@CRS='EPSG:4326']/@miny")))
        .isCloseTo(103.698, offset(0.01));
    assertThat(Double.parseDouble(text(layer + "/BoundingBox[@CRS='CRS:84']/@minx")))
        .isCloseTo(103.698, offset(0.01));
    assertThat(Double.parseDouble(text(layer + "/BoundingBox[@CRS='EPSG:4544']/@minx")))
        .as("northing")
        .isGreaterThan(4_000_000);
    assertThat(Double.parseDouble(text(layer + "/BoundingBox[@CRS='EPSG:4544']/@miny")))
        .as("easting")
        .isBetween(300_000.0, 500_000.0);
    assertThat(Double.parseDouble(text(layer + "/BoundingBox[@CRS='EPSG:3857']/@minx")))
        .isGreaterThan(11_000_000);
    assertThat(count("/WMS_Capabilities/Capability/Layer/CRS")).isEqualTo(6);
  }

  @Test
  void advertisesTimeStylesWithLegendsFormatsAndLimits() throws Exception {
    assertThat(text("//Layer[Name='pipe_js']/Dimension[@name='time']/@default"))
        .isEqualTo("current");
    assertThat(text("//Layer[Name='pipe_js']/Style[1]/Name")).isEqualTo("cjj61");
    assertThat(count("//Layer[Name='pipe_js']/Style")).isEqualTo(3);
    assertThat(text("//Layer[Name='zoning_parcel']/Style[1]/Name")).isEqualTo("gb50137");
    assertThat(
            text(
                "//Layer[Name='pipe_js']/Style[1]/LegendURL/OnlineResource/@*[name()='xlink:href']"))
        .contains("REQUEST=GetLegendGraphic")
        .contains("LAYER=pipe_js")
        .contains("STYLE=cjj61");
    assertThat(count("//GetMap/Format[.='image/png8']")).isEqualTo(1);
    assertThat(count("//GetFeatureInfo/Format[.='application/json']")).isEqualTo(1);
    assertThat(count("//Exception/Format[.='INIMAGE']")).isEqualTo(1);
    assertThat(text("//Service/MaxWidth")).isEqualTo("4096");
  }

  @Test
  void owsDispatchesServiceWmsHere() throws Exception {
    HttpResponse<String> r =
        Http.get("http://localhost:" + port + "/ows?SERVICE=WMS&REQUEST=GetCapabilities");
    assertThat(r.statusCode()).isEqualTo(200);
    validate(r.body());
  }

  /** The 1.1.1 document, namespace-unaware as the 1.3.0 one. */
  private Document read111(String query) throws Exception {
    HttpResponse<String> r =
        Http.get("http://localhost:" + port + "/wms?SERVICE=WMS&REQUEST=GetCapabilities" + query);
    assertThat(r.statusCode()).isEqualTo(200);
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(false);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder()
        .parse(new ByteArrayInputStream(r.body().getBytes(StandardCharsets.UTF_8)));
  }

  @Test
  void version111IsAWmtMsCapabilitiesDocumentWithSrsAndXyBoxes() throws Exception {
    HttpResponse<String> r =
        Http.get(
            "http://localhost:" + port + "/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.1.1");
    assertThat(r.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/vnd.ogc.wms_xml");
    assertThat(r.body())
        .contains(
            "<!DOCTYPE WMT_MS_Capabilities SYSTEM \"http://schemas.opengis.net/wms/1.1.1/WMS_MS_Capabilities.dtd\">");
    doc = read111("&VERSION=1.1.1");
    assertThat(text("/WMT_MS_Capabilities/@version")).isEqualTo("1.1.1");
    assertThat(text("/WMT_MS_Capabilities/Service/Name")).isEqualTo("OGC:WMS");
    assertThat(
            count("/WMT_MS_Capabilities/Capability/Request/GetMap/DCPType/HTTP/Get/OnlineResource"))
        .isEqualTo(1);
    assertThat(count("/WMT_MS_Capabilities/Capability/Request/GetLegendGraphic")).isEqualTo(1);
    assertThat(count("//Exception/Format[.='application/vnd.ogc.se_inimage']")).isEqualTo(1);
    assertThat(count("/WMT_MS_Capabilities/Capability/Layer/SRS"))
        .as("EPSG codes, no CRS:84")
        .isEqualTo(5);
    assertThat(count("//CRS | //EX_GeographicBoundingBox | //BoundingBox[@CRS]")).isZero();
    assertThat(count("/WMT_MS_Capabilities/Capability/Layer/Layer")).isEqualTo(23);
    assertThat(count("//Layer[Name='pipe_js']/Layer")).isEqualTo(8);
    String layer = "//Layer[Name='pipe_js']";
    // LatLonBoundingBox and every BoundingBox are x (longitude / easting) first in WMS 1.1.1.
    assertThat(Double.parseDouble(text(layer + "/LatLonBoundingBox/@minx")))
        .isCloseTo(103.699, offset(1e-3));
    assertThat(Double.parseDouble(text(layer + "/LatLonBoundingBox/@miny")))
        .isCloseTo(36.500, offset(0.01));
    assertThat(Double.parseDouble(text(layer + "/BoundingBox[@SRS='EPSG:4326']/@minx")))
        .isCloseTo(103.698, offset(0.01));
    assertThat(Double.parseDouble(text(layer + "/BoundingBox[@SRS='EPSG:4490']/@miny")))
        .isCloseTo(36.500, offset(0.01));
    assertThat(Double.parseDouble(text(layer + "/BoundingBox[@SRS='EPSG:4544']/@minx")))
        .as("easting")
        .isBetween(300_000.0, 500_000.0);
    assertThat(Double.parseDouble(text(layer + "/BoundingBox[@SRS='EPSG:4544']/@miny")))
        .as("northing")
        .isGreaterThan(4_000_000);
    assertThat(text(layer + "/Dimension[@name='time']/@units")).isEqualTo("ISO8601");
    assertThat(text(layer + "/Extent[@name='time']/@default")).isEqualTo("current");
    assertThat(text(layer + "/Style[1]/LegendURL/OnlineResource/@*[name()='xlink:href']"))
        .contains("VERSION=1.1.1");
  }

  /** WMS 1.3.0 §6.2.4: highest when absent or above, next lower when between, lowest when below. */
  @Test
  void versionNegotiation() throws Exception {
    for (String[] c :
        new String[][] {
          {"", "WMS_Capabilities"},
          {"&VERSION=1.3.0", "WMS_Capabilities"},
          {"&VERSION=2.0.0", "WMS_Capabilities"},
          {"&VERSION=1.3.1", "WMS_Capabilities"},
          {"&VERSION=1.2.0", "WMT_MS_Capabilities"},
          {"&VERSION=1.1.1", "WMT_MS_Capabilities"},
          {"&VERSION=1.1.0", "WMT_MS_Capabilities"},
          {"&VERSION=1.0.0", "WMT_MS_Capabilities"},
          {"&WMTVER=1.0.8", "WMT_MS_Capabilities"}
        }) {
      doc = read111(c[0]);
      assertThat(doc.getDocumentElement().getTagName()).as(c[0]).isEqualTo(c[1]);
    }
  }
}
