package cn.lzxq.city.server.support;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.sample.SampleGenerator;
import cn.lzxq.city.data.sample.SampleLoader;
import cn.lzxq.city.data.sample.SampleManifest;
import cn.lzxq.city.data.sample.SampleScale;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The one server on the generator's {@code small} sample (with its DEM and its manifest of planted
 * defects), shared by the tests that read it: {@code PlantedDefectsRecallTest} and {@code
 * TerrainApiTest}. Subclasses only read. The analysis time limit is raised from the production 10 s
 * to 120 s: whole-sample checks take about 1 s on a quiet machine but can pass 10 s on a loaded
 * build machine, and these tests are about the answers (AnalysisTimeLimitTest covers the limit
 * itself). Tiles built here go to a disk cache under {@code target/}.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "city.analysis.time-limit=120s")
public abstract class GeneratedSampleContextTest {

  /** A pool on the shared schema, for reading what the server should answer. */
  protected static HikariDataSource db;

  /** The loaded sample's manifest. */
  protected static SampleManifest manifest;

  @LocalServerPort protected int port;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("generated_sample", registry);
    manifest =
        SampleLoader.load(
                db,
                new SampleGenerator(SampleScale.SMALL, SampleGenerator.DEFAULT_SEED),
                true,
                false)
            .manifest();
    registry.add(
        "city.tile-store.disk",
        () -> Path.of("target/generated-sample-cache").toAbsolutePath().toString());
  }

  /** A CRS84 bbox around the whole sample ("minLon,minLat,maxLon,maxLat"). */
  protected static String sampleBbox() throws Exception {
    return Sql.strings(
            db,
            """
        SELECT concat_ws(',', ST_XMin(e), ST_YMin(e), ST_XMax(e), ST_YMax(e))
        FROM (SELECT ST_Transform(ST_SetSRID(ST_Extent(geom)::geometry, 4544), 4326) AS e FROM pipe_segment) x""")
        .get(0);
  }
}
