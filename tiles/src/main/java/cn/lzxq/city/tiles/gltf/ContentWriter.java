package cn.lzxq.city.tiles.gltf;

import cn.lzxq.city.tiles.geo.LocalFrame;
import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Vec3;
import java.util.List;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one tile content as GLB. See the package documentation for the node layout. Meshes must be
 * in the tile frame's ENU coordinates; the root node maps them to ECEF (glTF y-up).
 */
public final class ContentWriter {

  /**
   * Edge of the cubic cells quantized together, in metres. Each cell is one primitive per material
   * (one draw command, which software WebGL pays for in every frame), so cells are large: a cell
   * whose content spans more than the 16-bit quantization allows within {@link #MAX_STEP} (2 ×
   * 32767 × 1 cm ≈ 655 m) falls back to FLOAT positions, which only coarse tiles have.
   */
  public static final int CHUNK_METRES = 1024;

  /** Largest acceptable quantization step (metres); bigger chunks fall back to FLOAT positions. */
  public static final double MAX_STEP = 0.01;

  /** The {@code asset.generator} string. */
  public static final String GENERATOR = "cn.lzxq.city.tiles";

  /**
   * Everything one content holds.
   *
   * @param frame the tile's local frame (its origin is the tile centre)
   * @param tables feature tables, one per metadata class present
   * @param materials materials referenced by index
   * @param parts per-feature meshes
   * @param groups instanced assets
   */
  public record Content(
      LocalFrame frame,
      List<FeatureTable> tables,
      List<Material> materials,
      List<MeshPart> parts,
      List<InstanceGroup> groups) {}

  private ContentWriter() {}

  /** The GLB bytes of a content. Deterministic. */
  public static byte[] write(Content content) {
    GlbBuilder glb = new GlbBuilder(GENERATOR);
    glb.useExtension(GltfConstants.KHR_MESH_QUANTIZATION, true);
    content.materials().forEach(glb::addMaterial);
    ObjectNode root = glb.array("nodes").addObject();
    root.put("name", "tile_enu_to_ecef");
    ArrayNode matrix = root.putArray("matrix");
    for (double v : Matrix4.Z_UP_TO_Y_UP.multiply(content.frame().enuToEcef()).toColumnMajor()) {
      matrix.add(v);
    }
    ArrayNode children = root.putArray("children");
    ChunkGrid grid = new ChunkGrid(CHUNK_METRES);
    for (int i = 0; i < content.parts().size(); i++) {
      grid.add(content.parts().get(i));
    }
    grid.chunks().forEach((name, prims) -> children.add(writeChunk(glb, name, prims)));
    for (InstanceGroup group : content.groups()) {
      children.add(InstancingEncoder.write(glb, group));
    }
    if (children.isEmpty()) {
      root.remove(
          "children"); // glTF forbids empty arrays (a tile whose features were all cut away)
    }
    if (!content.tables().isEmpty()) {
      writeMetadata(glb, content.tables());
    }
    glb.json().putArray("scenes").addObject().putArray("nodes").add(0);
    glb.json().put("scene", 0);
    return glb.toGlb();
  }

  private static int writeChunk(GlbBuilder glb, String name, List<ChunkGrid.Primitive> prims) {
    Vec3 min = new Vec3(Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE);
    Vec3 max = min.times(-1);
    for (ChunkGrid.Primitive p : prims) {
      min = componentMin(min, p.mesh.min());
      max = componentMax(max, p.mesh.max());
    }
    Vec3 offset = min.plus(max).times(0.5);
    Vec3 half = max.minus(min).times(0.5);
    Vec3 scale =
        new Vec3(Math.max(half.x(), 1e-3), Math.max(half.y(), 1e-3), Math.max(half.z(), 1e-3));
    boolean quantize = Math.max(scale.x(), Math.max(scale.y(), scale.z())) / 32767 <= MAX_STEP;
    VertexEncoder.Quantization q = quantize ? new VertexEncoder.Quantization(offset, scale) : null;
    ObjectNode mesh = glb.array("meshes").addObject();
    mesh.put("name", "chunk_" + name);
    ArrayNode primitives = mesh.putArray("primitives");
    for (ChunkGrid.Primitive p : prims) {
      ObjectNode prim = primitives.addObject();
      VertexEncoder.attributes(glb, p.mesh, p.featureIdArray(), q, prim);
      prim.put("material", p.material);
      prim.put("mode", 4);
      ObjectNode fid =
          prim.putObject("extensions")
              .putObject(GltfConstants.EXT_MESH_FEATURES)
              .putArray("featureIds")
              .addObject();
      fid.put("featureCount", p.distinctFeatures());
      fid.put("attribute", 0);
      fid.put("propertyTable", p.table);
    }
    glb.useExtension(GltfConstants.EXT_MESH_FEATURES, false);
    ObjectNode node = glb.array("nodes").addObject();
    node.put("name", "chunk_" + name);
    if (quantize) {
      node.putArray("translation").add(offset.x()).add(offset.y()).add(offset.z());
      node.putArray("scale").add(scale.x()).add(scale.y()).add(scale.z());
    }
    node.put("mesh", glb.array("meshes").size() - 1);
    return glb.array("nodes").size() - 1;
  }

  private static void writeMetadata(GlbBuilder glb, List<FeatureTable> tables) {
    glb.useExtension(GltfConstants.EXT_STRUCTURAL_METADATA, false);
    ObjectNode ext =
        glb.json().putObject("extensions").putObject(GltfConstants.EXT_STRUCTURAL_METADATA);
    ObjectNode schema = ext.putObject("schema");
    schema.put("id", "lzxq_city");
    ObjectNode classes = schema.putObject("classes");
    for (FeatureTable t : tables) {
      if (!classes.has(t.metadataClass().id())) {
        t.metadataClass().writeDefinition(classes.putObject(t.metadataClass().id()));
      }
    }
    ArrayNode propertyTables = ext.putArray("propertyTables");
    for (FeatureTable t : tables) {
      PropertyTableEncoder.encode(glb, t, propertyTables.addObject());
    }
  }

  static Vec3 componentMin(Vec3 a, Vec3 b) {
    return new Vec3(Math.min(a.x(), b.x()), Math.min(a.y(), b.y()), Math.min(a.z(), b.z()));
  }

  static Vec3 componentMax(Vec3 a, Vec3 b) {
    return new Vec3(Math.max(a.x(), b.x()), Math.max(a.y(), b.y()), Math.max(a.z(), b.z()));
  }
}
