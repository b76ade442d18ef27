package cn.lzxq.city.server.wms;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.support.Http;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * GetFeatureInfo: every INFO_FORMAT, FEATURE_COUNT, the pixel tolerance, Chinese field names and
 * axis order.
 */
class WmsFeatureInfoTest extends WmsContextTest {

  /** The known pipe crosses row 128 of the 256×256 test window; column 160 is on it. */
  private HttpResponse<String> info(String format, int i, int j, String extra) throws Exception {
    return Http.get(
        "http://localhost:"
            + port
            + "/wms?SERVICE=WMS&VERSION=1.3.0&REQUEST=GetFeatureInfo"
            + "&LAYERS=pipe_js,base_station&QUERY_LAYERS=pipe_js,base_station&STYLES=&CRS=EPSG:4490"
            + "&BBOX=36.5,103.698,36.502,103.7004&WIDTH=256&HEIGHT=256&FORMAT=image/png&INFO_FORMAT="
            + format
            + "&I="
            + i
            + "&J="
            + j
            + extra);
  }

  @Test
  void jsonHasTheFeatureItsPropertiesAndChineseFieldTitles() throws Exception {
    HttpResponse<String> r = info("application/json", 160, 126, "");
    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
    assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    JsonNode json = JsonMapper.builder().build().readTree(r.body());
    assertThat(json.get("features")).hasSize(1);
    JsonNode f = json.get("features").get(0);
    assertThat(f.get("id").asString()).startsWith("pipe_js.");
    assertThat(f.at("/properties/dn_mm").asInt()).isEqualTo(300);
    assertThat(f.at("/geometry/type").asString()).isEqualTo("LineString");
    assertThat(f.at("/geometry/coordinates/0/0").asDouble())
        .as("x = longitude")
        .isBetween(103.69, 103.71);
    assertThat(json.at("/fieldTitles/pipe_js/dn_mm").asString()).isEqualTo("管径 (mm)");
  }

  @Test
  void htmlTextGmlAndXmlUseTheCatalogNames() throws Exception {
    HttpResponse<String> html = info("text/html", 160, 128, "");
    assertThat(html.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
    assertThat(html.body())
        .contains("<table")
        .contains("管径 (mm)")
        .contains("给水管线")
        .contains(">300<");
    HttpResponse<String> text = info("text/plain", 160, 128, "");
    assertThat(text.body()).contains("材质 = PE").contains("管径 (mm) = 300");
    for (String format : new String[] {"application/vnd.ogc.gml", "text/xml"}) {
      HttpResponse<String> gml = info(format, 160, 128, "");
      assertThat(gml.statusCode()).isEqualTo(200);
      assertThat(gml.body())
          .contains("<gml:featureMember>")
          .contains("<city:dn_mm>300</city:dn_mm>")
          .contains("gml:LineString");
    }
  }

  @Test
  void toleranceAndFeatureCountLimitTheAnswer() throws Exception {
    assertThat(info("text/plain", 160, 134, "").body())
        .as("6 px away, default tolerance 5 px")
        .doesNotContain("材质");
    assertThat(info("text/plain", 160, 134, "&BUFFER=8").body()).contains("材质 = PE");
    // Pixel (80, 150): the planned pipe (column 53) is 27 px away, the known pipe's west end (107,
    // 128)
    // 35 px, the station (160, 205) 97 px.
    JsonNode both =
        JsonMapper.builder()
            .build()
            .readTree(
                info("application/json", 80, 150, "&TIME=2031-01-01" + "&BUFFER=64&FEATURE_COUNT=5")
                    .body());
    assertThat(both.get("features").size()).as("both water pipes, not the station").isEqualTo(2);
    JsonNode one =
        JsonMapper.builder()
            .build()
            .readTree(
                info("application/json", 80, 150, "&TIME=2031-01-01" + "&BUFFER=64&FEATURE_COUNT=1")
                    .body());
    assertThat(one.get("features").size()).isEqualTo(1);
    assertThat(one.at("/features/0/properties/dn_mm").asInt())
        .as("nearest first: the planned DN600")
        .isEqualTo(600);
  }
}
