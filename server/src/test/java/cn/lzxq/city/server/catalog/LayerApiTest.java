package cn.lzxq.city.server.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class LayerApiTest {

  private static HikariDataSource db;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("LayerApiTest", registry);
    Sql.exec(db, """
        INSERT INTO organization (code, name, kind) VALUES ('SW', '兰州新区供水公司', 'utility');
        INSERT INTO pipe_segment (network, subtype, feature_code, start_point, end_point, depth_ref, dn_mm, owner, geom,
                                  valid_from)
        VALUES ('JS', 'JP', '51041000', 'JS1', 'JS2', 'top', 300, 'SW',
                ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(103.70, 36.50, 1948.8), ST_MakePoint(103.701, 36.50, 1948.8)), 4490), 4544),
                '2015-06-01'),
               ('JS', 'JP', '51041000', 'JS2', 'JS3', 'top', 300, 'SW',
                ST_Transform(ST_SetSRID(ST_MakeLine(ST_MakePoint(103.701, 36.50, 1948.8), ST_MakePoint(103.701, 36.501, 1948.8)), 4490), 4544),
                '2030-01-01');
        """);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void listsEveryLayerWithCountAndCrs84ExtentOfCurrentFeatures() throws Exception {
    HttpResponse<String> response = Http.get("http://localhost:" + port + "/api/layers");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode layers = JsonMapper.builder().build().readTree(response.body());
    assertThat(layers).hasSize(12);
    JsonNode water = layers.get(0);
    assertThat(water.get("name").asString()).isEqualTo("pipe_js");
    assertThat(water.get("titleZh").asString()).isEqualTo("给水管线");
    assertThat(water.get("geometryType").asString()).isEqualTo("LineStringZ");
    assertThat(water.get("count").asLong()).as("the 2030 planned segment is not current").isEqualTo(1);
    // The extent is the native-CRS box transformed to CRS84: it contains the data and is at
    // most a few metres (here 2e-5 degrees) larger than the data's own lon/lat box.
    JsonNode extent = water.get("extent");
    assertThat(extent.get(0).asDouble()).isLessThanOrEqualTo(103.700 + 1e-9).isCloseTo(103.700, offset(2e-5));
    assertThat(extent.get(1).asDouble()).isLessThanOrEqualTo(36.500 + 1e-9).isCloseTo(36.500, offset(2e-5));
    assertThat(extent.get(2).asDouble()).isGreaterThanOrEqualTo(103.701 - 1e-9).isCloseTo(103.701, offset(2e-5));
    assertThat(extent.get(3).asDouble()).isGreaterThanOrEqualTo(36.500 - 1e-9).isCloseTo(36.500, offset(2e-5));
    assertThat(layers.get(1).get("count").asLong()).isZero();
    assertThat(layers.get(1).get("extent").isNull()).isTrue();
  }

  @Test
  void healthShowsAnonymousCallersTheStatusOnly() throws Exception {
    HttpResponse<String> response = Http.get("http://localhost:" + port + "/actuator/health");

    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = JsonMapper.builder().build().readTree(response.body());
    assertThat(health.get("status").asString()).isEqualTo("UP");
    assertThat(health.has("components")).as("no components, disk paths or exceptions for anonymous callers").isFalse();
    assertThat(response.body()).doesNotContain("PostgreSQL").doesNotContain("path");
  }
}
