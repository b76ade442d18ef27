package cn.lzxq.city.server.wms;

import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one server every read-only WMS test (and the layer list) runs against: a Spring context on
 * one scratch schema holding {@link WmsFixture}, started once and shared by every subclass.
 * Subclasses must not change the fixture's rows nor add properties (either would give them a
 * context of their own, see docs/ARCHITECTURE.md "Configuration and tests").
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class WmsContextTest {

  /** A pool on the shared schema, for reading what the server should answer. */
  protected static HikariDataSource db;

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("wms_context", registry);
    WmsFixture.insert(db);
  }
}
