package cn.lzxq.city.tiles.gltf;

import java.nio.ByteBuffer;
import java.util.List;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes an {@link InstanceGroup}: the prototype as a mesh with FLOAT positions and normalized BYTE
 * normals, and a node with EXT_mesh_gpu_instancing (TRANSLATION, ROTATION, SCALE and {@code
 * _FEATURE_ID_0} accessors, all FLOAT) and EXT_instance_features.
 */
final class InstancingEncoder {

  private InstancingEncoder() {}

  static int write(GlbBuilder glb, InstanceGroup group) {
    glb.useExtension(GltfConstants.EXT_MESH_GPU_INSTANCING, true);
    glb.useExtension(GltfConstants.EXT_INSTANCE_FEATURES, false);
    ObjectNode mesh = glb.array("meshes").addObject();
    mesh.put("name", group.name());
    ObjectNode prim = mesh.putArray("primitives").addObject();
    VertexEncoder.attributes(glb, group.prototype(), null, null, prim);
    prim.put("material", group.material());
    prim.put("mode", 4);
    int meshIndex = glb.array("meshes").size() - 1;

    List<Instance> instances = group.instances();
    int n = instances.size();
    ByteBuffer t = GlbBuilder.buffer(12 * n),
        r = GlbBuilder.buffer(16 * n),
        s = GlbBuilder.buffer(12 * n);
    ByteBuffer f = GlbBuilder.buffer(4 * n);
    for (Instance i : instances) {
      t.putFloat((float) i.translation().x())
          .putFloat((float) i.translation().y())
          .putFloat((float) i.translation().z());
      for (double q : i.quaternion()) {
        r.putFloat((float) q);
      }
      s.putFloat((float) i.scale().x())
          .putFloat((float) i.scale().y())
          .putFloat((float) i.scale().z());
      f.putFloat(i.feature());
    }
    ObjectNode node = glb.array("nodes").addObject();
    node.put("name", group.name());
    node.put("mesh", meshIndex);
    ObjectNode ext = node.putObject("extensions");
    ObjectNode attrs = ext.putObject(GltfConstants.EXT_MESH_GPU_INSTANCING).putObject("attributes");
    attrs.put(
        "TRANSLATION",
        glb.addAccessor(
            glb.addBufferView(t.array(), 0, 0), GltfConstants.FLOAT, false, n, "VEC3", null, null));
    attrs.put(
        "ROTATION",
        glb.addAccessor(
            glb.addBufferView(r.array(), 0, 0), GltfConstants.FLOAT, false, n, "VEC4", null, null));
    attrs.put(
        "SCALE",
        glb.addAccessor(
            glb.addBufferView(s.array(), 0, 0), GltfConstants.FLOAT, false, n, "VEC3", null, null));
    attrs.put(
        GltfConstants.FEATURE_ID_0,
        glb.addAccessor(
            glb.addBufferView(f.array(), 0, 0),
            GltfConstants.FLOAT,
            false,
            n,
            "SCALAR",
            null,
            null));
    ObjectNode fid =
        ext.putObject(GltfConstants.EXT_INSTANCE_FEATURES).putArray("featureIds").addObject();
    fid.put(
        "featureCount", (int) instances.stream().mapToInt(Instance::feature).distinct().count());
    fid.put("attribute", 0);
    fid.put("propertyTable", group.table());
    return glb.array("nodes").size() - 1;
  }
}
