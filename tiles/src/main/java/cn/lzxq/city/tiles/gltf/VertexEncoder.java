package cn.lzxq.city.tiles.gltf;

import cn.lzxq.city.tiles.geo.Vec3;
import cn.lzxq.city.tiles.mesh.MeshData;
import java.nio.ByteBuffer;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes one mesh primitive's accessors. Positions are either KHR_mesh_quantization normalized
 * SHORT (value = offset + scale × q / 32767, stride 8) or FLOAT; normals are normalized BYTE
 * (stride 4), pre-multiplied by the dequantization scale so that the renderer's inverse-transpose
 * normal matrix restores them; feature IDs FLOAT; indices UNSIGNED_SHORT below 65535 vertices, else
 * UNSIGNED_INT.
 */
final class VertexEncoder {

  private VertexEncoder() {}

  /** Dequantization of one chunk: {@code position = offset + scale * normalizedShort}. */
  record Quantization(Vec3 offset, Vec3 scale) {}

  static void attributes(
      GlbBuilder glb, MeshData mesh, int[] featureIds, Quantization q, ObjectNode primitive) {
    ObjectNode attrs = primitive.putObject("attributes");
    attrs.put("POSITION", q == null ? floatPositions(glb, mesh) : shortPositions(glb, mesh, q));
    attrs.put("NORMAL", normals(glb, mesh, q));
    if (featureIds != null) {
      ByteBuffer b = GlbBuilder.buffer(4 * featureIds.length);
      for (int id : featureIds) {
        b.putFloat(id);
      }
      int view = glb.addBufferView(b.array(), 0, GltfConstants.ARRAY_BUFFER);
      attrs.put(
          GltfConstants.FEATURE_ID_0,
          glb.addAccessor(
              view, GltfConstants.FLOAT, false, featureIds.length, "SCALAR", null, null));
    }
    primitive.put("indices", indices(glb, mesh));
  }

  private static int shortPositions(GlbBuilder glb, MeshData mesh, Quantization q) {
    int n = mesh.vertexCount();
    ByteBuffer b = GlbBuilder.buffer(8 * n);
    double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < n; i++) {
      Vec3 p = mesh.position(i);
      for (int c = 0; c < 3; c++) {
        long v = Math.round((p.get(c) - q.offset().get(c)) / q.scale().get(c) * 32767);
        short s = (short) Math.max(-32767, Math.min(32767, v));
        b.putShort(s);
        min[c] = Math.min(min[c], s);
        max[c] = Math.max(max[c], s);
      }
      b.putShort((short) 0);
    }
    int view = glb.addBufferView(b.array(), 8, GltfConstants.ARRAY_BUFFER);
    return glb.addAccessor(view, GltfConstants.SHORT, true, n, "VEC3", min, max);
  }

  private static int floatPositions(GlbBuilder glb, MeshData mesh) {
    int n = mesh.vertexCount();
    ByteBuffer b = GlbBuilder.buffer(12 * n);
    double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
    for (int i = 0; i < n; i++) {
      Vec3 p = mesh.position(i);
      for (int c = 0; c < 3; c++) {
        float f = (float) p.get(c);
        b.putFloat(f);
        min[c] = Math.min(min[c], f);
        max[c] = Math.max(max[c], f);
      }
    }
    int view = glb.addBufferView(b.array(), 0, GltfConstants.ARRAY_BUFFER);
    return glb.addAccessor(view, GltfConstants.FLOAT, false, n, "VEC3", min, max);
  }

  private static int normals(GlbBuilder glb, MeshData mesh, Quantization q) {
    int n = mesh.vertexCount();
    ByteBuffer b = GlbBuilder.buffer(4 * n);
    for (int i = 0; i < n; i++) {
      Vec3 v = mesh.normal(i);
      if (q != null) {
        v = new Vec3(v.x() * q.scale().x(), v.y() * q.scale().y(), v.z() * q.scale().z());
      }
      byte[] packed = NormalPacker.pack(v.normalized());
      b.put(packed[0]).put(packed[1]).put(packed[2]).put((byte) 0);
    }
    int view = glb.addBufferView(b.array(), 4, GltfConstants.ARRAY_BUFFER);
    return glb.addAccessor(view, GltfConstants.BYTE, true, n, "VEC3", null, null);
  }

  private static int indices(GlbBuilder glb, MeshData mesh) {
    int count = mesh.triangleCount() * 3;
    boolean small = mesh.vertexCount() < 65535;
    ByteBuffer b = GlbBuilder.buffer(((small ? 2 : 4) * count + 3) & ~3);
    for (int t = 0; t < mesh.triangleCount(); t++) {
      for (int c = 0; c < 3; c++) {
        int idx = mesh.index(t, c);
        if (small) {
          b.putShort((short) idx);
        } else {
          b.putInt(idx);
        }
      }
    }
    int view = glb.addBufferView(b.array(), 0, GltfConstants.ELEMENT_ARRAY_BUFFER);
    return glb.addAccessor(
        view,
        small ? GltfConstants.UNSIGNED_SHORT : GltfConstants.UNSIGNED_INT,
        false,
        count,
        "SCALAR",
        null,
        null);
  }
}
