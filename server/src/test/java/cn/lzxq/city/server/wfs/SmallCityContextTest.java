package cn.lzxq.city.server.wfs;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.server.support.ScratchDatabase;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one server the WFS, OGC API Features and GDAL client tests share: a Spring context on one
 * scratch schema holding the {@link Fixture} small city plus zoning parcel 401 (a 100 m square at
 * EPSG:4544 400000, 4040000), started once for every subclass. Subclasses read the fixture's rows
 * and must leave them as they found them: a test that writes creates its own features (OGC API Part
 * 4 creates and then deletes one); a test that versions the fixture's own features ({@link
 * WfsTransactionTest}) keeps a context of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class SmallCityContextTest {

  /** A pool on the shared schema, for reading what the server should answer. */
  protected static HikariDataSource db;

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("small_city_context", registry);
    // tiles of another run's schema must not be read back from disk (MapTilesTest)
    registry.add("city.tile-store.disk", () -> "");
    Fixture.load(db);
    Sql.exec(
        db,
        """
        INSERT INTO zoning_parcel (fid, parcel_code, land_use_code, land_use_name, area_m2, geom, valid_from)
        VALUES (401, 'LZXQ-T-01', 'R2', '二类居住用地', 10000,
                ST_GeomFromText('MULTIPOLYGON Z (((400000 4040000 0, 400100 4040000 0, 400100 4040100 0, 400000 4040100 0,
                                                     400000 4040000 0)))', 4544), '2015-01-01');
        """);
  }
}
