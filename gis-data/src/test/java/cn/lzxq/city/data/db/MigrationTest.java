package cn.lzxq.city.data.db;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MigrationTest {

  private static HikariDataSource db;

  @BeforeAll
  static void migrateFromEmpty() {
    db = TestDatabase.freshSchema("MigrationTest");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  /**
   * A function PARALLEL UNSAFE (PostgreSQL's default) keeps every statement calling it from a
   * parallel plan: the project's read-only (STABLE or IMMUTABLE) functions are all PARALLEL SAFE.
   */
  @Test
  void everyReadOnlyFunctionOfTheProjectIsParallelSafe() throws SQLException {
    assertThat(
            Sql.strings(
                db,
                """
        SELECT p.proname FROM pg_proc p
        WHERE p.pronamespace = current_schema()::regnamespace
          AND p.provolatile IN ('s', 'i') AND p.proparallel <> 's' AND p.prokind = 'f'
        ORDER BY 1"""))
        .isEmpty();
  }

  @Test
  void everyFeatureTableHasAZGeometryInTheNativeCrsWithAGistIndex() throws SQLException {
    List<String> rows =
        Sql.strings(
            db,
            """
        SELECT f_table_name || '.' || f_geometry_column || ':' || type || ':' || srid || ':' || coord_dimension
        FROM geometry_columns WHERE f_table_schema = current_schema() ORDER BY 1""");
    assertThat(rows)
        .containsExactly(
            "antenna_sector.geom:POINT:4544:3",
            "base_station.geom:POINT:4544:3",
            "building.geom:MULTIPOLYGON:4544:3",
            "building.lod2:MULTIPOLYGON:4544:3",
            "construction_project.geom:MULTIPOLYGON:4544:3",
            // the DEM is a raster grid in CGCS2000 lon/lat (the terrain tiling), not a feature
            // table
            "dem.extent:POLYGON:4490:2",
            "district.geom:MULTIPOLYGON:4544:3",
            // the orthophoto's extent: a raster's versions, in the native CRS
            "dom.geom:POLYGON:4544:2",
            // a registered 3D tileset's extent (its root volume), native CRS
            "external_tileset.geom:POLYGON:4544:2",
            "pipe_point.geom:POINT:4544:3",
            "pipe_segment.geom:LINESTRING:4544:3",
            "power_tower.geom:MULTIPOLYGON:4544:3",
            "road.geom:LINESTRING:4544:3",
            "road.red_line:MULTIPOLYGON:4544:3",
            // kerbs derived from road (2D plan lines, rebuilt by road's triggers)
            "road_kerb.geom:LINESTRING:4544:2",
            "street_tree.geom:POINT:4544:3",
            "wlan_ap.geom:POINT:4544:3",
            "zoning_parcel.geom:MULTIPOLYGON:4544:3");
    List<String> gist =
        Sql.strings(
            db,
            """
        SELECT count(*)::text FROM pg_indexes WHERE schemaname = current_schema() AND indexdef LIKE '%USING gist%'""");
    assertThat(gist).containsExactly("14");
  }

  /**
   * Reads leave rows with a non-finite coordinate out by a stored flag (V270, add_finite_flag):
   * every versioned geometry column has one, generated from geometry_is_finite
   * (GeometryValidationTest plants such rows and reads around them).
   */
  @Test
  void everyVersionedGeometryColumnHasAFiniteFlag() throws SQLException {
    List<String> missing =
        Sql.strings(
            db,
            """
        SELECT g.f_table_name || '.' || g.f_geometry_column FROM geometry_columns g
        WHERE g.f_table_schema = current_schema()
          AND EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = g.f_table_schema
                      AND k.table_name = g.f_table_name AND k.column_name = 'version_id')
          AND NOT EXISTS (SELECT 1 FROM information_schema.columns k WHERE k.table_schema = g.f_table_schema
                          AND k.table_name = g.f_table_name
                          AND k.column_name = g.f_geometry_column || '_finite'
                          AND k.is_generated = 'ALWAYS'
                          AND k.generation_expression = 'geometry_is_finite(' || g.f_geometry_column || ')')""");
    assertThat(missing).isEmpty();
    List<String> flagged =
        Sql.strings(
            db,
            """
        SELECT count(*)::text FROM information_schema.columns
        WHERE table_schema = current_schema() AND column_name LIKE '%\\_finite' AND is_generated = 'ALWAYS'""");
    assertThat(flagged).containsExactly("14");
  }

  @Test
  void ruleTablesAreSeededWithSourceAndConfidence() throws SQLException {
    List<String> counts = new ArrayList<>();
    for (String table : List.of("clearance_rule", "cover_rule", "site_rule")) {
      counts.add(
          table
              + "="
              + Sql.strings(
                      db,
                      "SELECT count(*) FILTER (WHERE source_clause <> '' AND confidence IN ('V','S','M'))"
                          + " || '/' || count(*) FROM "
                          + table)
                  .get(0));
    }
    assertThat(counts)
        .allSatisfy(c -> assertThat(c.split("=")[1].split("/")[0]).isEqualTo(c.split("/")[1]));
    assertThat(
            Sql.strings(
                db,
                "SELECT min_clearance_m::text || ' ' || confidence FROM clearance_rule"
                    + " WHERE direction = 'horizontal' AND a_type = 'PS' AND b_type = 'JS' AND b_dn_min_mm = 200"))
        .as("GB 50289-2016 Table 4.1.9: sewer to water d > 200 mm is 1.5 m, verified")
        .containsExactly("1.50 V");
  }

  @Test
  void centreElevationFollowsTheCjj61DepthConvention() throws SQLException {
    assertThat(
            Sql.strings(
                db,
                "SELECT pipe_centre_offset_m('top', 400, NULL)::text"
                    + " || ',' || pipe_centre_offset_m('invert', 600, NULL)::text || ',' || pipe_centre_offset_m('top', NULL, 1000)::text"))
        .containsExactly("-0.2,0.3,-0.5");
  }
}
