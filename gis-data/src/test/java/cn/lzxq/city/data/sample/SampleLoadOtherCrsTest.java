package cn.lzxq.city.data.sample;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.CityDatabase;
import cn.lzxq.city.data.db.DatabaseConfig;
import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.db.TestDatabase;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A database whose native CRS is EPSG:4523 (the same zone with its zone prefix) gets the sample
 * through ST_Transform.
 */
class SampleLoadOtherCrsTest {

  private static final String SCHEMA = "t_sample_load_4523";

  private static HikariDataSource db;

  @BeforeAll
  static void migrateIn4523() throws SQLException {
    DatabaseConfig config = TestDatabase.config().withSchema(SCHEMA);
    db = CityDatabase.pool(config, 2);
    Sql.exec(db, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
    CityDatabase.migrate(db, SCHEMA, 4523);
    SampleLoader.load(
        db, new SampleGenerator(SampleScale.SMALL, SampleGenerator.DEFAULT_SEED), false, false);
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void geometriesAreStoredInTheNativeCrsAtTheSamePlace() throws SQLException {
    assertThat(Sql.count(db, "SELECT count(DISTINCT ST_SRID(geom)) FROM pipe_segment"))
        .isEqualTo(1);
    assertThat(Sql.count(db, "SELECT min(ST_SRID(geom)) FROM pipe_point")).isEqualTo(4523);
    assertThat(
            Sql.strings(
                db,
                "SELECT round(ST_X(geom)::numeric, 3) || ',' || round(ST_Y(geom)::numeric, 3) FROM pipe_point"
                    + " ORDER BY fid LIMIT 1"))
        .first()
        .asString()
        .startsWith("35");
    PipePoint[] first = new PipePoint[1];
    new SampleGenerator(SampleScale.SMALL, SampleGenerator.DEFAULT_SEED)
        .points(
            p -> {
              if (first[0] == null) {
                first[0] = p;
              }
            });
    Xyz at = first[0].position();
    assertThat(
            Sql.count(
                db,
                "SELECT count(*) FROM pipe_point WHERE exp_no = '"
                    + first[0].expNo()
                    + "' AND ST_3DDistance("
                    + "ST_Transform(geom, 4544), ST_SetSRID(ST_MakePoint("
                    + at.x()
                    + ", "
                    + at.y()
                    + ", "
                    + at.z()
                    + "), 4544)) < 0.001"))
        .isEqualTo(1);
    assertThat(Sql.count(db, "SELECT count(*) FROM pipe_segment")).isGreaterThanOrEqualTo(20_000);
    assertThat(Sql.count(db, "SELECT count(*) FROM organization"))
        .isEqualTo(Organization.SAMPLE.size());
  }
}
