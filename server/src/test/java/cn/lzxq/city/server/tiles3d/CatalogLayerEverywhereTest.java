package cn.lzxq.city.server.tiles3d;

import static cn.lzxq.city.data.layer.Attribute.measured;
import static cn.lzxq.city.data.layer.Attribute.of;
import static cn.lzxq.city.data.layer.AttributeType.DECIMAL;
import static cn.lzxq.city.data.layer.AttributeType.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.data.db.Sql;
import cn.lzxq.city.data.layer.CityLayers;
import cn.lzxq.city.data.layer.GeometryKind;
import cn.lzxq.city.data.layer.Layer;
import cn.lzxq.city.data.layer.LayerCatalog;
import cn.lzxq.city.server.support.Http;
import cn.lzxq.city.server.support.ScratchDatabase;
import cn.lzxq.city.tiles.tiling.TileCoord;
import com.zaxxer.hikari.HikariDataSource;
import java.net.http.HttpResponse;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A layer added in one place (one {@link Layer} entry in the catalog bean) is served by every
 * protocol: WMS GetCapabilities, WFS DescribeFeatureType and GetFeature, OGC API collections and
 * items, {@code /api/layers} with its field titles, and — given a 3D mapping — a 3D Tiles tileset
 * whose tiles carry only the layer's rows. The toy layer is the residential (R2) parcels of the
 * zoning table: its row filter is {@code land_use_code = 'R2'}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class CatalogLayerEverywhereTest {

  /** The toy layer: the one place it is defined. */
  static final Layer RESIDENTIAL =
      Layer.vector(
              "residential_parcel",
              "二类居住地块",
              "residential parcels",
              "Zoning parcels of class R2 (a test layer)",
              "zoning_parcel",
              GeometryKind.POLYGON,
              List.of(
                  of("parcel_code", STRING, "地块编码", "parcel code"),
                  of("land_use_code", STRING, "用地代码", "land-use code"),
                  of("land_use_name", STRING, "用地名称", "land-use name"),
                  measured("area_m2", DECIMAL, "用地面积", "area", "m²"),
                  of("max_far", DECIMAL, "容积率上限", "max floor-area ratio"),
                  measured("max_coverage_pct", DECIMAL, "建筑密度上限", "max building coverage", "%"),
                  measured("min_green_pct", DECIMAL, "绿地率下限", "min green ratio", "%"),
                  measured("height_limit_m", DECIMAL, "建筑限高", "height limit", "m"),
                  of("plan_name", STRING, "规划名称", "plan")))
          .withFixedValue("land_use_code", "R2")
          .withTiles(CityLayers.parcelTiles("R2", "二类居住地块", "residential_parcel"));

  @TestConfiguration
  static class ToyCatalog {
    @Bean
    @Primary
    LayerCatalog toyCatalog() {
      return LayerCatalog.standard().with(RESIDENTIAL);
    }
  }

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static HikariDataSource db;

  @LocalServerPort int port;

  @Autowired TilesetService tiles;

  @DynamicPropertySource
  static void database(DynamicPropertyRegistry registry) throws Exception {
    db = ScratchDatabase.register("CatalogLayerEverywhereTest", registry, "/tiles3d/fixture.sql");
    registry.add("city.tile-store.disk", () -> "");
  }

  @AfterAll
  static void close() {
    db.close();
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static long residentialParcels() throws Exception {
    return Sql.count(
        db, "SELECT count(*) FROM zoning_parcel WHERE land_use_code = 'R2' AND valid_to IS NULL");
  }

  @Test
  void wmsOffersTheLayer() throws Exception {
    HttpResponse<String> caps =
        Http.get(url("/wms?SERVICE=WMS&REQUEST=GetCapabilities&VERSION=1.3.0"));
    assertThat(caps.statusCode()).isEqualTo(200);
    assertThat(caps.body()).contains("<Name>residential_parcel</Name>").contains("二类居住地块");
    HttpResponse<String> map =
        Http.get(
            url(
                "/wms?SERVICE=WMS&REQUEST=GetMap&VERSION=1.3.0&LAYERS=residential_parcel"
                    + "&STYLES=&CRS=CRS:84&BBOX=103.6,36.4,103.8,36.6&WIDTH=64&HEIGHT=64&FORMAT=image/png"));
    assertThat(map.statusCode()).isEqualTo(200);
    assertThat(map.headers().firstValue("Content-Type")).hasValue("image/png");
  }

  @Test
  void wfsDescribesAndCountsOnlyTheLayersRows() throws Exception {
    HttpResponse<String> schema =
        Http.get(
            url(
                "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=DescribeFeatureType"
                    + "&TYPENAMES=city:residential_parcel"));
    assertThat(schema.statusCode()).isEqualTo(200);
    assertThat(schema.body())
        .contains("name=\"residential_parcel\"")
        .contains("name=\"land_use_code\"");
    HttpResponse<String> hits =
        Http.get(
            url(
                "/wfs?SERVICE=WFS&VERSION=2.0.0&REQUEST=GetFeature"
                    + "&TYPENAMES=city:residential_parcel&RESULTTYPE=hits"));
    assertThat(hits.statusCode()).isEqualTo(200);
    long r2 = residentialParcels();
    assertThat(r2)
        .isPositive()
        .isLessThan(Sql.count(db, "SELECT count(*) FROM zoning_parcel WHERE valid_to IS NULL"));
    assertThat(hits.body()).contains("numberMatched=\"" + r2 + "\"");
  }

  @Test
  void ogcApiListsTheCollectionAndItsItems() throws Exception {
    JsonNode collections = JSON.readTree(Http.get(url("/ogcapi/collections")).body());
    assertThat(collections.get("collections").valueStream().map(c -> c.get("id").asString()))
        .contains("residential_parcel");
    JsonNode items =
        JSON.readTree(
            Http.get(url("/ogcapi/collections/residential_parcel/items?limit=1000")).body());
    assertThat(items.get("numberMatched").asLong()).isEqualTo(residentialParcels());
    assertThat(
            items
                .get("features")
                .valueStream()
                .map(f -> f.at("/properties/land_use_code").asString()))
        .isNotEmpty()
        .containsOnly("R2");
  }

  @Test
  void layersApiGivesTitlesAndFieldUnits() throws Exception {
    JsonNode layers = JSON.readTree(Http.get(url("/api/layers")).body());
    JsonNode toy =
        layers
            .valueStream()
            .filter(l -> l.get("name").asString().equals("residential_parcel"))
            .findFirst()
            .orElseThrow();
    assertThat(toy.get("titleZh").asString()).isEqualTo("二类居住地块");
    assertThat(toy.get("count").asLong()).isEqualTo(residentialParcels());
    JsonNode area =
        toy.get("fields")
            .valueStream()
            .filter(f -> f.get("name").asString().equals("area_m2"))
            .findFirst()
            .orElseThrow();
    assertThat(area.get("titleZh").asString()).isEqualTo("用地面积");
    assertThat(area.get("unit").asString()).isEqualTo("m²");
  }

  @Test
  void tilesetCarriesOnlyTheLayersRows() throws Exception {
    JsonNode tileset =
        JSON.readTree(Http.get(url("/3dtiles/residential_parcel/tileset.json")).body());
    assertThat(tileset.at("/groups/0/properties/code").asString()).isEqualTo("R2");
    assertThat(tileset.at("/root/content/uri").asString())
        .startsWith("residential_parcel/{level}/{x}/{y}.glb");
    JsonNode region = tileset.at("/root/boundingVolume/region");
    assertThat(region.get(5).asDouble() - region.get(4).asDouble())
        .as("the tileset's height range holds the layer's tallest envelope")
        .isGreaterThan(
            Sql.count(
                db,
                "SELECT ceil(max(height_limit_m))::bigint FROM zoning_parcel WHERE land_use_code = 'R2'"));
    JsonNode city = JSON.readTree(Http.get(url("/3dtiles/city/tileset.json")).body());
    assertThat(city.at("/root/contents").valueStream().map(c -> c.get("uri").asString()))
        .contains("residential_parcel/{level}/{x}/{y}.glb");

    ContentKind kind = tiles.catalog().ofFolder("residential_parcel");
    List<TileCoord> available =
        List.copyOf(tiles.availability(tiles.grid(), kind, View.CURRENT).tiles());
    assertThat(tiles.availability(tiles.grid(), kind, View.CURRENT).features())
        .isEqualTo(residentialParcels());
    Set<Object> fids = new HashSet<>();
    for (TileCoord t : available) {
      byte[] glb =
          HttpBytes.ok(url("/3dtiles/residential_parcel/residential_parcel/" + t.path() + ".glb"));
      List<Map<String, Object>> parcels = new GlbFeatures(glb).rows("zoning_parcel");
      assertThat(parcels).extracting(p -> p.get("land_use_code")).containsOnly("R2");
      parcels.forEach(p -> fids.add(p.get("feature_id")));
    }
    assertThat(fids).hasSize((int) residentialParcels());
  }
}
