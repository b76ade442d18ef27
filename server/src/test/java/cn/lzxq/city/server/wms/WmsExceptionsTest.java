package cn.lzxq.city.server.wms;

import static cn.lzxq.city.server.wms.WmsFixture.drawn;
import static cn.lzxq.city.server.wms.WmsFixture.get;
import static cn.lzxq.city.server.wms.WmsFixture.image;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.wfs.Xml;
import java.awt.image.BufferedImage;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every WMS exception code with its HTTP status, EXCEPTIONS=INIMAGE and BLANK, and the limits. */
class WmsExceptionsTest extends WmsContextTest {

  private static final String MAP =
      "SERVICE=WMS&VERSION=1.3.0&REQUEST=GetMap&LAYERS=pipe_js&STYLES=&CRS=CRS:84"
          + "&BBOX=103.698,36.5,103.7004,36.502&WIDTH=256&HEIGHT=256&FORMAT=image/png";
  private static final String INFO =
      MAP.replace("GetMap", "GetFeatureInfo") + "&QUERY_LAYERS=pipe_js&INFO_FORMAT=text/plain";

  @Autowired WmsProperties properties;

  private void expect(String query, int status, String code, String locator) throws Exception {
    HttpResponse<byte[]> r = get("http://localhost:" + port + "/wms?" + query);
    String body = new String(r.body(), StandardCharsets.UTF_8);
    assertThat(r.statusCode()).as(query + "\n" + body).isEqualTo(status);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
    assertThat(body)
        .contains("<ServiceExceptionReport version=\"1.3.0\"")
        .contains("code=\"" + code + "\"");
    if (locator != null) {
      assertThat(body).contains("locator=\"" + locator + "\"");
    }
  }

  @Test
  void everyCodeHasItsStatus() throws Exception {
    expect(MAP.replace("image/png", "image/gif"), 400, "InvalidFormat", "FORMAT");
    expect(MAP.replace("CRS:84", "EPSG:2000"), 400, "InvalidCRS", "CRS");
    expect(MAP.replace("CRS:84", "EPSG:xyz"), 400, "InvalidCRS", "CRS");
    expect(MAP.replace("LAYERS=pipe_js", "LAYERS=pipes"), 400, "LayerNotDefined", "LAYERS");
    expect(MAP.replace("STYLES=", "STYLES=rainbow"), 400, "StyleNotDefined", "STYLES");
    expect(INFO + "&I=300&J=10", 400, "InvalidPoint", "I");
    expect(INFO + "&I=10&J=abc", 400, "InvalidPoint", "J");
    expect(MAP + "&TIME=", 400, "MissingDimensionValue", "TIME");
    expect(MAP + "&TIME=yesterday", 400, "InvalidDimensionValue", "TIME");
    expect(MAP + "&TIME=1800-01-01", 400, "InvalidDimensionValue", "TIME");
    expect(MAP.replace("GetMap", "GetStyles"), 501, "OperationNotSupported", "REQUEST");
    expect(
        MAP.replace("&BBOX=103.698,36.5,103.7004,36.502", ""),
        400,
        "MissingParameterValue",
        "BBOX");
    expect("SERVICE=WMS&VERSION=1.3.0", 400, "MissingParameterValue", "REQUEST");
    expect(MAP.replace("WIDTH=256", "WIDTH=-3"), 400, "InvalidParameterValue", "WIDTH");
    expect(
        MAP.replace("BBOX=103.698,36.5", "BBOX=103.71,36.5"), 400, "InvalidParameterValue", "BBOX");
    expect(MAP + "&CQL_FILTER=dn_mm%20%3E%3E%203", 400, "InvalidParameterValue", "CQL_FILTER");
    expect(MAP + "&CQL_FILTER=colour%3D1", 400, "InvalidParameterValue", null);
    expect(
        "SERVICE=WMS&REQUEST=GetLegendGraphic&LAYER=pipe_js&FORMAT=image/png&RULE=nope",
        400,
        "InvalidParameterValue",
        "RULE");
  }

  @Test
  void limitsOnSizeAndLayersAreInvalidParameterValues() throws Exception {
    expect(MAP.replace("WIDTH=256", "WIDTH=5000"), 400, "InvalidParameterValue", "WIDTH");
    int tooMany = properties.maxLayers() + 1;
    expect(
        MAP.replace(
                "LAYERS=pipe_js",
                "LAYERS=" + String.join(",", Collections.nCopies(tooMany, "pipe_js")))
            .replace("STYLES=", "STYLES=" + ",".repeat(tooMany - 1)),
        400,
        "InvalidParameterValue",
        "LAYERS");
  }

  @Test
  void inimageWritesTheErrorIntoAnImageAndBlankAnswersAnEmptyOne() throws Exception {
    BufferedImage inimage =
        image(
            get(
                "http://localhost:"
                    + port
                    + "/wms?"
                    + MAP.replace("STYLES=", "STYLES=rainbow")
                    + "&EXCEPTIONS=INIMAGE&TRANSPARENT=TRUE"));
    assertThat(inimage.getWidth()).isEqualTo(256);
    assertThat(drawn(inimage)[0]).as("the message is drawn").isGreaterThan(50);
    BufferedImage blank =
        image(
            get(
                "http://localhost:"
                    + port
                    + "/wms?"
                    + MAP.replace("STYLES=", "STYLES=rainbow")
                    + "&EXCEPTIONS=application/vnd.ogc.se_blank&TRANSPARENT=TRUE"));
    assertThat(drawn(blank)[0]).isZero();
    HttpResponse<byte[]> jpeg =
        get(
            "http://localhost:"
                + port
                + "/wms?"
                + MAP.replace("LAYERS=pipe_js", "LAYERS=x").replace("image/png", "image/jpeg")
                + "&EXCEPTIONS=BLANK&BGCOLOR=0x00FF00");
    assertThat(jpeg.headers().firstValue("Content-Type")).hasValue("image/jpeg");
    assertThat(image(jpeg).getRGB(10, 10) & 0x00ff00).isEqualTo(0x00ff00);
  }

  @Test
  void version111ErrorsAreServiceExceptionReports111() throws Exception {
    String map111 =
        "SERVICE=WMS&VERSION=1.1.1&REQUEST=GetMap&LAYERS=pipe_js&STYLES=&SRS=EPSG:4490"
            + "&BBOX=103.698,36.5,103.7004,36.502&WIDTH=256&HEIGHT=256&FORMAT=image/png";
    for (String[] c :
        new String[][] {
          {map111.replace("EPSG:4490", "EPSG:2000"), "400", "InvalidSRS"},
          {map111.replace("LAYERS=pipe_js", "LAYERS=pipes"), "400", "LayerNotDefined"},
          {
            map111.replace("STYLES=", "STYLES=rainbow") + "&EXCEPTIONS=application/vnd.ogc.se_xml",
            "400",
            "StyleNotDefined"
          },
          {map111.replace("GetMap", "GetStyles"), "501", "OperationNotSupported"},
          {"SERVICE=WFS&VERSION=1.1.1&REQUEST=GetCapabilities", "400", "InvalidParameterValue"},
          {"SERVICE=WMS&WMTVER=1.0.0&REQUEST=map&LAYERS=pipe_js", "400", "MissingParameterValue"}
        }) {
      HttpResponse<byte[]> r = get("http://localhost:" + port + "/wms?" + c[0]);
      String body = new String(r.body(), StandardCharsets.UTF_8);
      assertThat(r.statusCode()).as(c[0] + "\n" + body).isEqualTo(Integer.parseInt(c[1]));
      assertThat(r.headers().firstValue("Content-Type").orElse(""))
          .as("WMS 1.1.1 §6.9")
          .startsWith("application/vnd.ogc.se_xml");
      assertThat(body)
          .contains("exception_1_1_1.dtd")
          .doesNotContain("xmlns=")
          .doesNotContain("locator=");
      assertThat(Xml.text(body, "/ServiceExceptionReport/@version")).isEqualTo("1.1.1");
      assertThat(Xml.text(body, "/ServiceExceptionReport/ServiceException/@code")).isEqualTo(c[2]);
    }
    BufferedImage inimage =
        image(
            get(
                "http://localhost:"
                    + port
                    + "/wms?"
                    + map111.replace("STYLES=", "STYLES=rainbow")
                    + "&EXCEPTIONS=application/vnd.ogc.se_inimage&TRANSPARENT=TRUE"));
    assertThat(drawn(inimage)[0]).as("the 1.1.1 INIMAGE value draws the message").isGreaterThan(50);
    HttpResponse<byte[]> v130 =
        get("http://localhost:" + port + "/wms?" + MAP.replace("CRS:84", "EPSG:2000"));
    assertThat(new String(v130.body(), StandardCharsets.UTF_8))
        .as("1.3.0 stays as it is")
        .contains("<ServiceExceptionReport version=\"1.3.0\" xmlns=\"http://www.opengis.net/ogc\"")
        .contains("code=\"InvalidCRS\"");
  }
}
