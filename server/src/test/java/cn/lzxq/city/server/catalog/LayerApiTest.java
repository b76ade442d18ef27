package cn.lzxq.city.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.wms.WmsContextTest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class LayerApiTest extends WmsContextTest {

  @Test
  void listsEveryLayerWithCountAndCrs84ExtentOfCurrentFeatures() throws Exception {
    HttpResponse<String> response = Http.get("http://localhost:" + port + "/api/layers");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode layers = JsonMapper.builder().build().readTree(response.body());
    assertThat(layers).hasSize(23);
    JsonNode water = layers.get(0);
    assertThat(water.get("name").asString()).isEqualTo("pipe_js");
    assertThat(water.get("titleZh").asString()).isEqualTo("给水管线");
    assertThat(water.get("geometryType").asString()).isEqualTo("LineStringZ");
    assertThat(water.get("count").asLong())
        .as("the 2030 planned segment is not current")
        .isEqualTo(1);
    // The extent is the native-CRS box transformed to CRS84: it contains the data and is at
    // most a few metres (here 2e-5 degrees) larger than the data's own lon/lat box.
    JsonNode extent = water.get("extent");
    // The WMS fixture's current water pipe runs from 103.6990°E to 103.7000°E along 36.5010°N.
    assertThat(extent.get(0).asDouble())
        .isLessThanOrEqualTo(103.699 + 1e-9)
        .isCloseTo(103.699, offset(2e-5));
    assertThat(extent.get(1).asDouble())
        .isLessThanOrEqualTo(36.501 + 1e-9)
        .isCloseTo(36.501, offset(2e-5));
    assertThat(extent.get(2).asDouble())
        .isGreaterThanOrEqualTo(103.700 - 1e-9)
        .isCloseTo(103.700, offset(2e-5));
    assertThat(extent.get(3).asDouble())
        .isGreaterThanOrEqualTo(36.501 - 1e-9)
        .isCloseTo(36.501, offset(2e-5));
    assertThat(layers.get(1).get("count").asLong()).isZero();
    assertThat(layers.get(1).get("extent").isNull()).isTrue();
  }

  @Test
  void healthShowsAnonymousCallersTheStatusOnly() throws Exception {
    HttpResponse<String> response = Http.get("http://localhost:" + port + "/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = JsonMapper.builder().build().readTree(response.body());
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.has("components"))
        .as("no components, disk paths or exceptions for anonymous callers")
        .isFalse();
    assertThat(response.body()).doesNotContain("PostgreSQL").doesNotContain("path");
  }
}
