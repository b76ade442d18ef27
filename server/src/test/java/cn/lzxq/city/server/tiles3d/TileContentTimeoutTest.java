package cn.lzxq.city.server.tiles3d;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.ScratchDatabase;
import cn.lzxq.city.tiles.tiling.TileCoord;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A 3D tile content query runs under the statement timeout ({@code city.limits.statement-timeout},
 * here 3 s): while another transaction holds the parcels table locked, the content request is
 * cancelled in the database at the timeout and answered 503 with a Retry-After and problem details,
 * not left hanging; once the lock is gone the same tile is served.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TileContentTimeoutTest {

  private static final long TIMEOUT_MS = 3_000;
  private static HikariDataSource db;

  @LocalServerPort int port;

  @Autowired TilesetService tiles;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("TileContentTimeoutTest", registry, "/tiles3d/fixture.sql");
    registry.add("city.tile-store.disk", () -> "");
    registry.add("city.limits.statement-timeout", () -> TIMEOUT_MS + "ms");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void contentQueryIsCancelledAtTheStatementTimeout() throws Exception {
    ContentKind parcels = tiles.catalog().ofFolder("parcels");
    // the present city as of this second: a view no start-up warm-up or earlier request has
    // built, so the content must be read from the database
    Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    View view = new View(now, HeightMode.GROUND);
    TileCoord tile = tiles.availability(tiles.grid(), parcels, view).tiles().iterator().next();
    assertThat(tiles.isCached(parcels, tile, view)).isFalse();
    String url =
        "http://localhost:" + port + "/3dtiles/parcels/parcels/" + tile.path() + ".glb?asOf=" + now;

    HttpResponse<byte[]> blocked;
    long elapsedMs;
    try (Connection lock = db.getConnection();
        Statement s = lock.createStatement()) {
      lock.setAutoCommit(false);
      s.execute("LOCK TABLE zoning_parcel IN ACCESS EXCLUSIVE MODE");
      long t0 = System.nanoTime();
      blocked = HttpBytes.get(url);
      elapsedMs = (System.nanoTime() - t0) / 1_000_000;
      assertThat(
              Sql.count(
                  db,
                  "SELECT count(*) FROM pg_locks l JOIN pg_class c ON c.oid = l.relation "
                      + "JOIN pg_stat_activity a ON a.pid = l.pid "
                      + "WHERE c.relname = 'zoning_parcel' AND NOT l.granted "
                      + "AND a.query LIKE '%3D tile records: zoning parcels%'"))
          // only the tile's statement: the WMS catalog's background read of the layer extents
          // may be waiting for the table too, under its own limit
          .as("the tile's statement no longer waits for the table")
          .isZero();
      lock.rollback();
    }

    assertThat(blocked.statusCode()).isEqualTo(503);
    assertThat(blocked.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(blocked.headers().firstValue("Content-Type"))
        .hasValueSatisfying(t -> assertThat(t).contains("json"));
    assertThat(new String(blocked.body(), java.nio.charset.StandardCharsets.UTF_8))
        .contains("statement timeout")
        .doesNotContain("database is unavailable");
    assertThat(elapsedMs)
        .as("cancelled at the timeout, not before and not long after")
        .isGreaterThanOrEqualTo(TIMEOUT_MS)
        .isLessThan(TIMEOUT_MS + 10_000);

    HttpResponse<byte[]> served = HttpBytes.get(url);
    assertThat(served.statusCode()).isEqualTo(200);
    assertThat(served.headers().firstValue("Content-Type")).hasValue("model/gltf-binary");
  }
}
