package cn.lzxq.city.server.wms.render;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.crs.CrsRef;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.data.query.Filter;
import cn.lzxq.city.data.query.PreparedSql;
import cn.lzxq.city.data.query.SqlBuilder;
import cn.lzxq.city.server.wms.request.MapWindow;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;

/**
 * The SQL of a map read without a database: the window is bound once and transformed to the native
 * CRS, lines are clipped and simplified to half a pixel, TWKB keeps a tenth of a pixel, several
 * layers on one table are one read with a membership flag each and the rows' time and finiteness
 * stated once. (What PostGIS draws from it is tested in WmsGetMapTest.)
 */
class MapQueryTest {

  private static final SqlBuilder SQL = new SqlBuilder(4544);
  private static final Layer WATER = LayerCatalog.standard().find("pipe_js").orElseThrow();
  private static final Layer GAS = LayerCatalog.standard().find("pipe_rq").orElseThrow();
  private static final Layer STATIONS = LayerCatalog.standard().find("base_station").orElseThrow();

  /** 256 × 256 pixels over about 200 m × 200 m in EPSG:4544 (0.78 m a pixel). */
  private static final MapWindow NATIVE =
      new MapWindow(
          CrsRef.epsg(4544), new Envelope(400000, 400200, 4040000, 4040200), 256, 256, 90.7);

  private static long marks(String sql) {
    return sql.chars().filter(c -> c == '?').count();
  }

  @Test
  void aNativeWindowIsOneBoxClippedSimplifiedToHalfAPixelAndRoundedToATenth() {
    PreparedSql s =
        MapQuery.sql(
            SQL,
            List.of(new LayerPlan(WATER, Filter.all(), null)),
            List.of("dn_mm"),
            NATIVE,
            null,
            false,
            false);

    assertThat(s.sql())
        .startsWith("SELECT t.fid, t.\"dn_mm\", ST_AsTWKB(ST_Simplify(CASE WHEN t.geom @ w.b")
        .contains("ST_ClipByBox2D(ST_Force2D(t.geom), w.b)")
        .contains("FROM (SELECT ST_MakeEnvelope(?, ?, ?, ?, 4544) AS b) w, pipe_segment t")
        .contains("WHERE t.geom && w.b AND t.valid_to IS NULL")
        .endsWith("AND ((network = 'JS' AND TRUE))")
        .doesNotContain("ST_Transform")
        .doesNotContain("LATERAL");
    double px = 200.0 / 256;
    double margin = MapQuery.MARGIN_PX * px;
    // tolerance, digits, then the window grown by the margin
    assertThat(s.params().subList(0, 6))
        .containsExactly(
            px / 2, 2, 400000 - margin, 4040000 - margin, 400200 + margin, 4040200 + margin);
    assertThat(marks(s.sql())).isEqualTo(s.params().size());
  }

  @Test
  void anotherCrsTransformsTheDensifiedWindowAndTheGeometriesUnlessMappedNatively() {
    MapWindow lonLat =
        new MapWindow(
            CrsRef.CRS84, new Envelope(103.698, 103.7004, 36.500, 36.502), 256, 256, 90.7);

    PreparedSql transformed =
        MapQuery.sql(
            SQL,
            List.of(new LayerPlan(WATER, Filter.all(), null)),
            List.of(),
            lonLat,
            null,
            false,
            false);
    PreparedSql mapped =
        MapQuery.sql(
            SQL,
            List.of(new LayerPlan(WATER, Filter.all(), null)),
            List.of(),
            lonLat,
            null,
            true,
            false);

    // the window, inside the service area's reach, is densified and transformed to the native CRS
    assertThat(transformed.sql())
        .contains(
            "FROM (SELECT ST_Transform(ST_Segmentize(ST_MakeEnvelope(?, ?, ?, ?, 4326), ?), 4544) AS b) w")
        .contains("ST_AsTWKB(ST_Transform(");
    assertThat(mapped.sql()).doesNotContain("ST_AsTWKB(ST_Transform(");
    // degrees per pixel 9.4e-6: a tenth of a pixel needs 7 decimals (TWKB's most)
    assertThat(transformed.params().get(1)).isEqualTo(7);
    assertThat(marks(transformed.sql())).isEqualTo(transformed.params().size());
  }

  @Test
  void layersOnOneTableAreOneReadWithAFlagPerLayerAndPointsAreNotSimplified() {
    PreparedSql pipes =
        MapQuery.sql(
            SQL,
            List.of(
                new LayerPlan(WATER, Filter.all(), null), new LayerPlan(GAS, Filter.all(), null)),
            List.of(),
            NATIVE,
            null,
            false,
            true);
    PreparedSql points =
        MapQuery.sql(
            SQL,
            List.of(new LayerPlan(STATIONS, Filter.all(), null)),
            List.of(),
            NATIVE,
            null,
            false,
            false);

    assertThat(pipes.sql())
        .contains("network = 'JS'")
        .contains("network = 'RQ'")
        .contains(") OR (")
        .contains("LATERAL (SELECT * FROM pipe_segment s WHERE s.geom && w.b OFFSET 0) t");
    // the rows' time and finiteness once for both layers (each copy costs planning time)
    assertThat(pipes.sql().split("geom_finite", -1)).hasSize(2);
    assertThat(pipes.sql().split("valid_to", -1)).hasSize(2);
    assertThat(pipes.sql().substring(0, pipes.sql().indexOf("ST_AsTWKB")))
        .startsWith("SELECT t.fid, (")
        .contains("), (");
    assertThat(points.sql())
        .contains("ST_AsTWKB(ST_Force2D(t.geom), ?)")
        .doesNotContain("ST_Simplify");
    assertThat(marks(pipes.sql())).isEqualTo(pipes.params().size());
  }
}
