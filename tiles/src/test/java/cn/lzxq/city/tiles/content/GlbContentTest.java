package cn.lzxq.city.tiles.content;

import static org.assertj.core.api.Assertions.assertThat;

import cn.lzxq.city.tiles.check.BoundsReport;
import cn.lzxq.city.tiles.check.ContentBoundsChecker;
import cn.lzxq.city.tiles.check.GlbReader;
import cn.lzxq.city.tiles.geo.LocalFrame;
import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Region;
import cn.lzxq.city.tiles.gltf.ContentWriter;
import cn.lzxq.city.tiles.support.NodeScripts;
import cn.lzxq.city.tiles.support.Samples;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Every content kind: written to target/test-tiles, Khronos-validated, bounds-checked, metadata
 * read back.
 */
class GlbContentTest {

  private static final Map<String, byte[]> GLBS = new LinkedHashMap<>();

  @BeforeAll
  static void encodeAll() throws IOException {
    GLBS.put(
        "pipes",
        new PipeContentEncoder(FeatureClasses.PIPE).encode(Samples.REGION, 2, Samples.pipes()));
    GLBS.put(
        "assets",
        new AssetContentEncoder(FeatureClasses.ASSET).encode(Samples.REGION, Samples.assets()));
    GLBS.put(
        "towers",
        new TowerContentEncoder(FeatureClasses.TOWER, FeatureClasses.SECTOR)
            .encode(Samples.REGION, Samples.towers(), Samples.sectors()));
    GLBS.put(
        "parcels",
        new ParcelContentEncoder(FeatureClasses.PARCEL).encode(Samples.REGION, Samples.parcels()));
    Path dir = NodeScripts.outputDir();
    for (Map.Entry<String, byte[]> e : GLBS.entrySet()) {
      assertThat(e.getValue()).as(e.getKey()).isNotNull();
      Files.write(dir.resolve(e.getKey() + ".glb"), e.getValue());
      System.out.printf("%s.glb: %d bytes%n", e.getKey(), e.getValue().length);
    }
  }

  @Test
  void khronosValidatorReportsNoErrors() throws IOException {
    NodeScripts.requireInstalled("gltf-validator");
    List<String> files = new ArrayList<>();
    for (String name : GLBS.keySet()) {
      files.add(NodeScripts.outputDir().resolve(name + ".glb").toString());
    }
    List<JsonNode> reports = NodeScripts.run("validate-gltf.mjs", files);
    assertThat(reports).hasSize(GLBS.size());
    for (JsonNode r : reports) {
      for (JsonNode m : r.get("messages")) {
        System.out.printf(
            "%s: %s %s %s %s%n",
            Path.of(r.get("file").asString()).getFileName(),
            m.get("severity").asString(),
            m.get("code").asString(),
            m.get("pointer").asString(),
            m.get("message").asString());
      }
      assertThat(r.get("errors").asInt()).as("errors in " + r.get("file").asString()).isZero();
    }
  }

  @Test
  void aContentWithoutFeaturesIsValid() throws IOException {
    NodeScripts.requireInstalled("gltf-validator");
    byte[] empty =
        ContentWriter.write(
            new ContentWriter.Content(
                LocalFrame.at(Samples.REGION.centre()),
                List.of(),
                List.of(),
                List.of(),
                List.of()));
    Path file = Files.write(NodeScripts.outputDir().resolve("empty.glb"), empty);
    List<JsonNode> reports = NodeScripts.run("validate-gltf.mjs", List.of(file.toString()));
    assertThat(reports).hasSize(1);
    assertThat(reports.get(0).get("errors").asInt()).as(reports.get(0).toString()).isZero();
  }

  @Test
  void everyVertexLiesInsideTheTile() {
    ContentBoundsChecker checker =
        new ContentBoundsChecker(Samples.REGION, Matrix4.IDENTITY, 0.001);
    for (Map.Entry<String, byte[]> e : GLBS.entrySet()) {
      BoundsReport report = checker.check(e.getValue());
      assertThat(report.ok()).as(e.getKey() + " " + report).isTrue();
      assertThat(report.vertices()).isGreaterThan(50);
    }
  }

  @Test
  void contentOfAnotherTileFailsTheBoundsCheck() {
    Region neighbour =
        Samples.TREE.regionOf(
            new cn.lzxq.city.tiles.tiling.TileCoord(5, Samples.TILE.x() + 1, Samples.TILE.y()));
    BoundsReport report =
        new ContentBoundsChecker(neighbour, Matrix4.IDENTITY, 0.001).check(GLBS.get("pipes"));
    assertThat(report.ok()).isFalse();
    assertThat(report.outside()).isGreaterThan(1000);
    assertThat(report.maxExcessM()).isGreaterThan(500);
    BoundsReport shifted =
        new ContentBoundsChecker(
                Samples.REGION,
                Matrix4.translation(new cn.lzxq.city.tiles.geo.Vec3(0, 0, 2000)),
                0.001)
            .check(GLBS.get("parcels"));
    assertThat(shifted.ok()).isFalse();
  }

  @Test
  void outputIsDeterministic() {
    byte[] again =
        new PipeContentEncoder(FeatureClasses.PIPE).encode(Samples.REGION, 2, Samples.pipes());
    assertThat(again).isEqualTo(GLBS.get("pipes"));
  }

  @Test
  void pipeTileHasQuantizedPositionsAndAllFittingKinds() {
    GlbReader glb = new GlbReader(GLBS.get("pipes"));
    JsonNode json = glb.json();
    assertThat(json.get("extensionsRequired").toString()).contains("KHR_mesh_quantization");
    JsonNode prim = json.get("meshes").get(0).get("primitives").get(0);
    JsonNode pos = json.get("accessors").get(prim.get("attributes").get("POSITION").asInt());
    assertThat(pos.get("componentType").asInt()).isEqualTo(5122);
    assertThat(pos.get("normalized").asBoolean()).isTrue();
    assertThat(
            json.get("accessors")
                .get(prim.get("attributes").get("NORMAL").asInt())
                .get("componentType")
                .asInt())
        .isEqualTo(5120);
    List<String> kinds = strings(glb, table(json, "fitting"), "kind");
    assertThat(kinds).contains("TEE", "CROSS", "REDUCER", "ELBOW", "CAP");
    List<String> networks = strings(glb, table(json, "pipe"), "network");
    assertThat(networks).contains("JS", "RQ", "DL", "PS");
  }

  @Test
  void featureIdsIndexTheirPropertyTables() {
    for (byte[] bytes : GLBS.values()) {
      GlbReader glb = new GlbReader(bytes);
      JsonNode tables =
          glb.json().get("extensions").get("EXT_structural_metadata").get("propertyTables");
      for (JsonNode mesh : glb.json().get("meshes")) {
        for (JsonNode prim : mesh.get("primitives")) {
          JsonNode fids = prim.path("extensions").path("EXT_mesh_features").path("featureIds");
          for (JsonNode f : fids) {
            int count = tables.get(f.get("propertyTable").asInt()).get("count").asInt();
            Set<Integer> distinct = new HashSet<>();
            for (double[] id : glb.accessor(prim.get("attributes").get("_FEATURE_ID_0").asInt())) {
              assertThat(id[0]).isBetween(0.0, count - 1.0);
              distinct.add((int) id[0]);
            }
            assertThat(f.get("featureCount").asInt()).isEqualTo(distinct.size());
          }
        }
      }
    }
  }

  @Test
  void assetsAreInstancedWithPerInstanceFeatures() {
    JsonNode json = new GlbReader(GLBS.get("assets")).json();
    assertThat(json.get("extensionsRequired").toString()).contains("EXT_mesh_gpu_instancing");
    int instancedNodes = 0;
    for (JsonNode node : json.get("nodes")) {
      JsonNode ext = node.path("extensions");
      if (ext.has("EXT_mesh_gpu_instancing")) {
        instancedNodes++;
        assertThat(ext.get("EXT_mesh_gpu_instancing").get("attributes").has("_FEATURE_ID_0"))
            .isTrue();
        assertThat(
                ext.get("EXT_instance_features")
                    .get("featureIds")
                    .get(0)
                    .get("propertyTable")
                    .asInt())
            .isZero();
      }
    }
    assertThat(instancedNodes).as("shaft, cover, valve, hydrant groups").isEqualTo(4);
    assertThat(json.get("meshes").size())
        .as("the manhole on the tile edge is a clipped mesh")
        .isGreaterThan(instancedNodes);
  }

  @Test
  void parcelsAreTranslucentAndDoubleSided() {
    JsonNode mat = new GlbReader(GLBS.get("parcels")).json().get("materials").get(0);
    assertThat(mat.get("alphaMode").asString()).isEqualTo("BLEND");
    assertThat(mat.get("doubleSided").asBoolean()).isTrue();
  }

  @Test
  void nullValuesAreWrittenAsNoData() {
    GlbReader glb = new GlbReader(GLBS.get("pipes"));
    JsonNode cls =
        glb.json()
            .get("extensions")
            .get("EXT_structural_metadata")
            .get("schema")
            .get("classes")
            .get("pipe");
    assertThat(cls.get("properties").get("depth_m").get("noData").asDouble())
        .isEqualTo(-1.7976931348623157E308);
    JsonNode table = table(glb.json(), "pipe");
    ByteBuffer depth = glb.bufferView(table.get("properties").get("depth_m").get("values").asInt());
    List<Double> values = new ArrayList<>();
    while (depth.hasRemaining()) {
      values.add(depth.getDouble());
    }
    assertThat(values).contains(1.5, -1.7976931348623157E308);
  }

  private static JsonNode table(JsonNode json, String cls) {
    for (JsonNode t : json.get("extensions").get("EXT_structural_metadata").get("propertyTables")) {
      if (t.get("class").asString().equals(cls)) {
        return t;
      }
    }
    throw new AssertionError("no property table of class " + cls);
  }

  private static List<String> strings(GlbReader glb, JsonNode table, String property) {
    JsonNode col = table.get("properties").get(property);
    ByteBuffer offsets = glb.bufferView(col.get("stringOffsets").asInt());
    ByteBuffer values = glb.bufferView(col.get("values").asInt());
    List<String> out = new ArrayList<>();
    int count = table.get("count").asInt();
    for (int i = 0; i < count; i++) {
      int a = offsets.getInt(4 * i), b = offsets.getInt(4 * i + 4);
      byte[] s = new byte[b - a];
      values.get(a, s);
      out.add(new String(s, StandardCharsets.UTF_8));
    }
    return out;
  }
}
