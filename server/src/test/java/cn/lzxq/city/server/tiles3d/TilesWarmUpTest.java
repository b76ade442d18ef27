package cn.lzxq.city.server.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.support.ScratchDatabase;
import cn.lzxq.city.tiles.tiling.TileCoord;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The start-up warm-up against the tiles fixture: once the service reports ready, every tileset's
 * root has been computed, the availability of every content kind is in the cache, so are the pipe
 * contents of the first levels (and no other content), and the readiness probe is exposed next to
 * the unchanged health endpoint.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TilesWarmUpTest {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static HikariDataSource db;

  @LocalServerPort int port;

  @Autowired TilesWarmUp warmUp;

  @Autowired TilesetService service;

  @Autowired SubtreeAvailability availability;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("TilesWarmUpTest", registry, "/tiles3d/fixture.sql");
    registry.add("city.tile-store.disk", () -> "");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void readyOnlyOnceEveryTilesetRootIsComputed() throws Exception {
    HttpResponse<String> ready =
        Http.get("http://localhost:" + port + "/actuator/health/readiness");
    assertThat(ready.statusCode()).isEqualTo(200);
    assertThat(JSON.readTree(ready.body()).get("status").asString()).isEqualTo("UP");

    assertThat(warmUp.warmed().tilesets()).containsExactlyElementsOf(service.catalog().names());
    List<String> firstLevels = new ArrayList<>();
    for (View view : TilesWarmUp.VIEWS) {
      for (ContentKind kind : service.catalog().kinds()) {
        assertThat(availability.isCached(service.grid(), kind, view)).as(kind.code()).isTrue();
        for (TileCoord t : service.availability(service.grid(), kind, view).tiles()) {
          boolean firstView = kind.isPipes() && t.level() < TilesWarmUp.FIRST_VIEW_LEVELS;
          if (firstView) {
            firstLevels.add(view.key() + "/" + kind.prefix() + t.path());
          }
          assertThat(service.isCached(kind, t, view))
              .as(view.key() + "/" + kind.prefix() + t.path())
              .isEqualTo(firstView);
        }
      }
    }
    assertThat(firstLevels).isNotEmpty();
    assertThat(warmUp.warmed().contents()).containsExactlyInAnyOrderElementsOf(firstLevels);
    assertThat(
            availability.isCached(
                service.grid(),
                service.catalog().ofFolder("parcels"),
                new View(Instant.parse("2001-01-01T00:00:00Z"), HeightMode.GROUND)))
        .isFalse();
  }

  @Test
  void healthStaysAsItWas() throws Exception {
    HttpResponse<String> response = Http.get("http://localhost:" + port + "/actuator/health");
    assertThat(response.statusCode()).isEqualTo(200);
    JsonNode health = JSON.readTree(response.body());
    assertThat(health.get("status").asString()).isEqualTo("UP");
  }
}
