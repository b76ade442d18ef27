package cn.lzxq.city.tiles.gltf;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Low-level glTF 2.0 assembly: one binary buffer whose buffer views start at multiples of 8 bytes
 * (enough for every component type and for EXT_structural_metadata), the JSON arrays, the extension
 * lists, and the GLB container.
 */
public final class GlbBuilder {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final ObjectNode root = JsonNodeFactory.instance.objectNode();

  /**
   * The binary buffer's pieces in order (each view's bytes, padding between them); no copy until
   * {@link #toGlb}.
   */
  private final List<byte[]> bin = new ArrayList<>();

  private int binSize;
  private final Set<String> used = new TreeSet<>();
  private final Set<String> required = new TreeSet<>();

  /** A builder with {@code asset.version} 2.0 and the given generator name. */
  public GlbBuilder(String generator) {
    ObjectNode asset = root.putObject("asset");
    asset.put("version", "2.0");
    asset.put("generator", generator);
  }

  /** The JSON root, for callers that add scenes, nodes or extensions. */
  public ObjectNode json() {
    return root;
  }

  /** The named top-level array, created on first use. */
  public ArrayNode array(String name) {
    return root.has(name) ? (ArrayNode) root.get(name) : root.putArray(name);
  }

  /**
   * Declares an extension in {@code extensionsUsed}, and in {@code extensionsRequired} if asked.
   */
  public void useExtension(String name, boolean isRequired) {
    used.add(name);
    if (isRequired) {
      required.add(name);
    }
  }

  /**
   * Appends a buffer view.
   *
   * @param data the bytes
   * @param stride byte stride for interleaved or padded vertex data, or 0 for none
   * @param target {@link GltfConstants#ARRAY_BUFFER}, {@link GltfConstants#ELEMENT_ARRAY_BUFFER},
   *     or 0 for none
   * @return the buffer view index
   */
  public int addBufferView(byte[] data, int stride, int target) {
    alignBin();
    ObjectNode view = array("bufferViews").addObject();
    view.put("buffer", 0);
    view.put("byteOffset", binSize);
    view.put("byteLength", data.length);
    if (stride > 0) {
      view.put("byteStride", stride);
    }
    if (target > 0) {
      view.put("target", target);
    }
    bin.add(data);
    binSize += data.length;
    return array("bufferViews").size() - 1;
  }

  /** Pads the binary buffer with zeros to a multiple of 8 bytes. */
  private void alignBin() {
    int padding = (8 - binSize % 8) % 8;
    if (padding > 0) {
      bin.add(new byte[padding]);
      binSize += padding;
    }
  }

  /**
   * Appends an accessor.
   *
   * @param min per-component minimum, or {@code null}
   * @param max per-component maximum, or {@code null}
   * @return the accessor index
   */
  public int addAccessor(
      int bufferView,
      int componentType,
      boolean normalized,
      int count,
      String type,
      double[] min,
      double[] max) {
    ObjectNode acc = array("accessors").addObject();
    acc.put("bufferView", bufferView);
    acc.put("componentType", componentType);
    if (normalized) {
      acc.put("normalized", true);
    }
    acc.put("count", count);
    acc.put("type", type);
    if (min != null) {
      ArrayNode mn = acc.putArray("min");
      ArrayNode mx = acc.putArray("max");
      for (int i = 0; i < min.length; i++) {
        mn.add(min[i]);
        mx.add(max[i]);
      }
    }
    return array("accessors").size() - 1;
  }

  /** Appends a material and returns its index. */
  public int addMaterial(Material m) {
    ObjectNode mat = array("materials").addObject();
    mat.put("name", m.name());
    ObjectNode pbr = mat.putObject("pbrMetallicRoughness");
    ArrayNode c = pbr.putArray("baseColorFactor");
    c.add(m.colour().r()).add(m.colour().g()).add(m.colour().b()).add(m.colour().a());
    pbr.put("metallicFactor", m.metallic());
    pbr.put("roughnessFactor", m.roughness());
    if (m.colour().translucent()) {
      mat.put("alphaMode", "BLEND");
    }
    if (m.doubleSided()) {
      mat.put("doubleSided", true);
    }
    return array("materials").size() - 1;
  }

  /** A little-endian byte buffer of the given size. */
  public static ByteBuffer buffer(int size) {
    return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
  }

  /** The GLB: 12-byte header, JSON chunk padded with spaces, BIN chunk padded with zeros. */
  public byte[] toGlb() {
    alignBin();
    if (binSize > 0) {
      root.putArray("buffers").addObject().put("byteLength", binSize);
    }
    if (!used.isEmpty()) {
      ArrayNode u = root.putArray("extensionsUsed");
      used.forEach(u::add);
    }
    if (!required.isEmpty()) {
      ArrayNode r = root.putArray("extensionsRequired");
      required.forEach(r::add);
    }
    byte[] json = pad(MAPPER.writeValueAsString(root).getBytes(StandardCharsets.UTF_8), (byte) ' ');
    int total = 12 + 8 + json.length + (binSize > 0 ? 8 + binSize : 0);
    ByteBuffer out = buffer(total);
    out.putInt(GltfConstants.GLB_MAGIC).putInt(2).putInt(total);
    out.putInt(json.length).putInt(GltfConstants.CHUNK_JSON).put(json);
    if (binSize > 0) {
      out.putInt(binSize).putInt(GltfConstants.CHUNK_BIN);
      bin.forEach(out::put);
    }
    return out.array();
  }

  private static byte[] pad(byte[] bytes, byte filler) {
    int len = (bytes.length + 3) & ~3;
    byte[] out = java.util.Arrays.copyOf(bytes, len);
    java.util.Arrays.fill(out, bytes.length, len, filler);
    return out;
  }
}
