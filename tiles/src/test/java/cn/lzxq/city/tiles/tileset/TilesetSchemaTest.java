package cn.lzxq.city.tiles.tileset;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.tiles.content.FeatureClasses;
import cn.lzxq.city.tiles.support.NodeScripts;
import cn.lzxq.city.tiles.support.Samples;
import cn.lzxq.city.tiles.tiling.GeometricErrorPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** tileset.json against the official 3D Tiles 1.1 JSON schemas (bundled, validated with ajv). */
class TilesetSchemaTest {

  private static Tileset networks() {
    List<ContentLayer> layers =
        List.of(
            new ContentLayer("pipe_js/", Map.of("code", "JS", "name", "给水")),
            new ContentLayer("pipe_rq/", Map.of("code", "RQ", "name", "燃气")),
            new ContentLayer("pipe_dl/", Map.of("code", "DL", "name", "电力")));
    return ImplicitTilesetFactory.create(
        Samples.TREE,
        GeometricErrorPolicy.halving(Samples.TREE.root().widthMetres()),
        layers,
        List.of(FeatureClasses.PIPE, FeatureClasses.FITTING),
        "2026-01-01T00:00:00Z");
  }

  @Test
  void tilesetsMatchTheOfficialSchema() throws IOException {
    Path combined = NodeScripts.outputDir().resolve("tileset.json");
    Files.write(combined, TilesetJson.toBytes(networks()));
    Path single = NodeScripts.outputDir().resolve("tileset-single.json");
    Files.write(
        single,
        TilesetJson.toBytes(
            ImplicitTilesetFactory.create(
                Samples.TREE,
                level -> 100.0 / (level + 1),
                List.of(new ContentLayer("", Map.of("code", "ZONING"))),
                List.of(FeatureClasses.PARCEL),
                null)));
    NodeScripts.requireInstalled("ajv");
    List<JsonNode> results =
        NodeScripts.run(
            "validate-json-schema.mjs",
            List.of(
                NodeScripts.schemaDir().toString(),
                "tileset.schema.json",
                combined.toString(),
                single.toString()));
    assertThat(results).hasSize(2);
    for (JsonNode r : results) {
      assertThat(r.get("valid").asBoolean()).as(r.toString()).isTrue();
    }
  }

  @Test
  void theValidatorRejectsABrokenTileset() throws IOException {
    Path broken = NodeScripts.outputDir().resolve("tileset-broken.json");
    Files.writeString(
        broken,
        "{\"asset\":{},\"geometricError\":-1,\"root\":{\"boundingVolume\":{\"region\":[1,2]}}}");
    NodeScripts.requireInstalled("ajv");
    JsonNode r =
        NodeScripts.run(
                "validate-json-schema.mjs",
                List.of(
                    NodeScripts.schemaDir().toString(), "tileset.schema.json", broken.toString()))
            .get(0);
    assertThat(r.get("valid").asBoolean()).isFalse();
  }

  @Test
  void implicitRootHasTheContractedShape() {
    JsonNode json = JsonMapper.builder().build().readTree(TilesetJson.toJson(networks()));
    assertThat(json.at("/asset/version").asString()).isEqualTo("1.1");
    JsonNode root = json.get("root");
    assertThat(root.get("refine").asString()).isEqualTo("ADD");
    assertThat(root.at("/implicitTiling/subdivisionScheme").asString()).isEqualTo("QUADTREE");
    assertThat(root.at("/implicitTiling/subtrees/uri").asString())
        .isEqualTo("subtrees/{level}/{x}/{y}.subtree");
    assertThat(root.get("contents").get(1).get("uri").asString())
        .isEqualTo("pipe_rq/{level}/{x}/{y}.glb");
    assertThat(root.get("contents").get(2).get("group").asInt()).isEqualTo(2);
    assertThat(json.get("groups").get(1).get("class").asString()).isEqualTo("layer");
    assertThat(json.get("groups").get(1).at("/properties/name").asString()).isEqualTo("燃气");
    assertThat(json.get("geometricError").asDouble())
        .isGreaterThan(root.get("geometricError").asDouble());
    assertThat(root.at("/boundingVolume/region").size()).isEqualTo(6);
    assertThat(json.at("/schema/classes/pipe/properties/feature_id/componentType").asString())
        .isEqualTo("INT64");
  }
}
