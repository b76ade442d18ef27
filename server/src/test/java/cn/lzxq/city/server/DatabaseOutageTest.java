package cn.lzxq.city.server;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.DatabaseConfig;
import cn.lzxq.city.data.db.TestDatabase;
import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.support.ScratchDatabase;
import cn.lzxq.city.server.support.TcpProxy;
import com.zaxxer.hikari.HikariDataSource;
import java.net.URI;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** When the database goes away, health says so and requests get 503; service resumes by itself. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DatabaseOutageTest {

  private static HikariDataSource db;
  private static TcpProxy proxy;

  @LocalServerPort
  int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("DatabaseOutageTest", registry);
    DatabaseConfig real = TestDatabase.config();
    URI target = URI.create(real.jdbcUrl().substring("jdbc:".length()));
    proxy = new TcpProxy(target.getHost(), target.getPort());
    String viaProxy = "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath()
        + "?user=" + real.user() + "&password=" + real.password();
    registry.add("city.database.url", () -> viaProxy);
  }

  @AfterAll
  static void close() throws Exception {
    proxy.close();
    db.close();
  }

  @Test
  void answers503WhileTheDatabaseIsAwayAndRecoversWhenItReturns() throws Exception {
    String layers = "http://localhost:" + port + "/api/layers";
    String health = "http://localhost:" + port + "/actuator/health";
    assertThat(Http.get(layers).statusCode()).isEqualTo(200);

    proxy.cut();
    HttpResponse<String> down = Http.get(layers);
    assertThat(down.statusCode()).isEqualTo(503);
    assertThat(down.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).contains("application/problem+json"));
    assertThat(down.headers().firstValue("Retry-After")).hasValue("5");
    assertThat(down.body()).contains("database is unavailable").doesNotContain("Exception");
    HttpResponse<String> healthDown = Http.get(health);
    assertThat(healthDown.statusCode()).isEqualTo(503);
    assertThat(healthDown.body()).contains("\"DOWN\"");

    proxy.restore();
    Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
    int status = 0;
    while (Instant.now().isBefore(deadline) && status != 200) {
      status = Http.get(layers).statusCode();
      Thread.sleep(200);
    }
    assertThat(status).as("service resumes without a restart").isEqualTo(200);
    assertThat(Http.get(health).statusCode()).isEqualTo(200);
  }
}
