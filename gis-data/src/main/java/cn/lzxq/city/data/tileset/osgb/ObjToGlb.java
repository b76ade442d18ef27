package cn.lzxq.city.data.tileset.osgb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a Wavefront OBJ with its MTL and texture images (as {@code osgconv} writes them) into a
 * binary glTF 2.0: one primitive per material (triangles, positions and texture coordinates, the
 * diffuse texture embedded, else the diffuse colour), z-up OBJ coordinates stored y-up ((x, y, z) →
 * (x, z, −y)), texture v flipped to glTF's top-left origin. Faces with more than three vertices are
 * fanned.
 */
final class ObjToGlb {

  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** The geometry read from an OBJ: per material, vertices (x, y, z, u, v) and triangle indices. */
  static final class Mesh {
    final Map<String, List<float[]>> vertices = new LinkedHashMap<>();
    final Map<String, List<Integer>> indices = new LinkedHashMap<>();
    final Map<String, String> textures = new HashMap<>();
    final Map<String, float[]> colours = new HashMap<>();
    final double[] min = {Double.MAX_VALUE, Double.MAX_VALUE, Double.MAX_VALUE};
    final double[] max = {-Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};

    boolean isEmpty() {
      return indices.values().stream().allMatch(List::isEmpty);
    }
  }

  private ObjToGlb() {}

  /** Reads {@code obj} (and the MTL it names, next to it). */
  static Mesh read(Path obj) throws IOException {
    Mesh m = new Mesh();
    List<double[]> v = new ArrayList<>();
    List<double[]> vt = new ArrayList<>();
    String material = "";
    Map<String, Integer> seen = new HashMap<>();
    for (String line : Files.readAllLines(obj, StandardCharsets.UTF_8)) {
      String[] t = line.trim().split("\\s+");
      switch (t[0]) {
        case "mtllib" -> mtl(obj.resolveSibling(line.trim().substring(7).trim()), m);
        case "v" -> v.add(new double[] {d(t[1]), d(t[2]), d(t[3])});
        case "vt" -> vt.add(new double[] {d(t[1]), t.length > 2 ? d(t[2]) : 0});
        case "usemtl" -> {
          material = t.length > 1 ? t[1] : "";
          seen.clear();
        }
        case "f" -> {
          List<float[]> verts = m.vertices.computeIfAbsent(material, k -> new ArrayList<>());
          List<Integer> idx = m.indices.computeIfAbsent(material, k -> new ArrayList<>());
          int[] corner = new int[t.length - 1];
          for (int i = 1; i < t.length; i++) {
            String[] parts = t[i].split("/");
            int pi = index(parts[0], v.size());
            int ti = parts.length > 1 && !parts[1].isEmpty() ? index(parts[1], vt.size()) : -1;
            String key = pi + "/" + ti;
            Integer at = seen.get(key);
            if (at == null) {
              double[] p = v.get(pi);
              double[] uv = ti >= 0 ? vt.get(ti) : new double[] {0, 0};
              verts.add(
                  new float[] {
                    (float) p[0], (float) p[1], (float) p[2], (float) uv[0], (float) (1 - uv[1])
                  });
              for (int k = 0; k < 3; k++) {
                m.min[k] = Math.min(m.min[k], p[k]);
                m.max[k] = Math.max(m.max[k], p[k]);
              }
              at = verts.size() - 1;
              seen.put(key, at);
            }
            corner[i - 1] = at;
          }
          for (int i = 1; i + 1 < corner.length; i++) {
            idx.add(corner[0]);
            idx.add(corner[i]);
            idx.add(corner[i + 1]);
          }
        }
        default -> {
          // groups, normals, smoothing: not carried
        }
      }
    }
    return m;
  }

  private static void mtl(Path file, Mesh m) throws IOException {
    if (!Files.isRegularFile(file)) {
      return;
    }
    String name = "";
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      String[] t = line.trim().split("\\s+");
      switch (t[0]) {
        case "newmtl" -> name = t.length > 1 ? t[1] : "";
        case "map_Kd" -> m.textures.put(name, file.resolveSibling(t[t.length - 1]).toString());
        case "Kd" ->
            m.colours.put(name, new float[] {(float) d(t[1]), (float) d(t[2]), (float) d(t[3])});
        default -> {
          // other material terms are not carried
        }
      }
    }
  }

  private static int index(String s, int count) {
    int i = Integer.parseInt(s);
    return i < 0 ? count + i : i - 1;
  }

  private static double d(String s) {
    return Double.parseDouble(s);
  }

  /** The glb of a non-empty mesh; texture images must exist (PNG or JPEG). */
  static byte[] glb(Mesh m) throws IOException {
    ObjectNode gltf = JSON.createObjectNode();
    gltf.putObject("asset").put("version", "2.0").put("generator", "lzxq-city osgb import");
    gltf.put("scene", 0);
    gltf.putArray("scenes").addObject().putArray("nodes").add(0);
    gltf.putArray("nodes").addObject().put("mesh", 0);
    ArrayNode primitives = gltf.putArray("meshes").addObject().putArray("primitives");
    ArrayNode accessors = gltf.putArray("accessors");
    ArrayNode views = gltf.putArray("bufferViews");
    ArrayNode materials = gltf.putArray("materials");
    ArrayNode images = JSON.createArrayNode();
    ArrayNode textures = JSON.createArrayNode();
    ByteArrayOutputStream bin = new ByteArrayOutputStream();
    for (String name : m.indices.keySet()) {
      List<float[]> verts = m.vertices.get(name);
      List<Integer> idx = m.indices.get(name);
      if (idx.isEmpty()) {
        continue;
      }
      ByteBuffer pos = ByteBuffer.allocate(verts.size() * 12).order(ByteOrder.LITTLE_ENDIAN);
      ByteBuffer uv = ByteBuffer.allocate(verts.size() * 8).order(ByteOrder.LITTLE_ENDIAN);
      float[] lo = {Float.MAX_VALUE, Float.MAX_VALUE, Float.MAX_VALUE};
      float[] hi = {-Float.MAX_VALUE, -Float.MAX_VALUE, -Float.MAX_VALUE};
      for (float[] x : verts) {
        float[] g = {x[0], x[2], -x[1]};
        for (int k = 0; k < 3; k++) {
          pos.putFloat(g[k]);
          lo[k] = Math.min(lo[k], g[k]);
          hi[k] = Math.max(hi[k], g[k]);
        }
        uv.putFloat(x[3]).putFloat(x[4]);
      }
      boolean wide = verts.size() > 65_535;
      ByteBuffer ind =
          ByteBuffer.allocate(idx.size() * (wide ? 4 : 2) + 3).order(ByteOrder.LITTLE_ENDIAN);
      for (int i : idx) {
        if (wide) {
          ind.putInt(i);
        } else {
          ind.putShort((short) i);
        }
      }
      int posAccessor =
          accessor(
              accessors,
              view(views, bin, pos.array(), pos.capacity(), 34962),
              5126,
              verts.size(),
              "VEC3");
      ObjectNode pa = (ObjectNode) accessors.get(posAccessor);
      ArrayNode min = pa.putArray("min");
      ArrayNode max = pa.putArray("max");
      for (int k = 0; k < 3; k++) {
        min.add(lo[k]);
        max.add(hi[k]);
      }
      int uvAccessor =
          accessor(
              accessors,
              view(views, bin, uv.array(), uv.capacity(), 34962),
              5126,
              verts.size(),
              "VEC2");
      int indAccessor =
          accessor(
              accessors,
              view(views, bin, ind.array(), idx.size() * (wide ? 4 : 2), 34963),
              wide ? 5125 : 5123,
              idx.size(),
              "SCALAR");
      ObjectNode prim = primitives.addObject();
      prim.putObject("attributes").put("POSITION", posAccessor).put("TEXCOORD_0", uvAccessor);
      prim.put("indices", indAccessor).put("material", materials.size());
      ObjectNode pbr =
          materials
              .addObject()
              .put("name", name)
              .put("doubleSided", true)
              .putObject("pbrMetallicRoughness")
              .put("metallicFactor", 0)
              .put("roughnessFactor", 1);
      String texture = m.textures.get(name);
      if (texture != null && Files.isRegularFile(Path.of(texture))) {
        byte[] image = Files.readAllBytes(Path.of(texture));
        int iv = view(views, bin, image, image.length, 0);
        String mime =
            texture.toLowerCase(Locale.ROOT).endsWith(".png") ? "image/png" : "image/jpeg";
        images.addObject().put("bufferView", iv).put("mimeType", mime);
        textures.addObject().put("source", images.size() - 1);
        pbr.putObject("baseColorTexture").put("index", textures.size() - 1);
      } else {
        float[] c = m.colours.getOrDefault(name, new float[] {0.8f, 0.8f, 0.8f});
        pbr.putArray("baseColorFactor").add(c[0]).add(c[1]).add(c[2]).add(1.0);
      }
    }
    if (!images.isEmpty()) {
      gltf.set("images", images);
      gltf.set("textures", textures);
    }
    gltf.putArray("buffers").addObject().put("byteLength", bin.size());
    return pack(JSON.writeValueAsBytes(gltf), bin.toByteArray());
  }

  /** Appends an accessor; returns its index. */
  private static int accessor(ArrayNode accessors, int view, int type, int count, String kind) {
    accessors
        .addObject()
        .put("bufferView", view)
        .put("componentType", type)
        .put("count", count)
        .put("type", kind);
    return accessors.size() - 1;
  }

  /** Appends bytes (4-aligned) as a buffer view; returns its index. */
  private static int view(
      ArrayNode views, ByteArrayOutputStream bin, byte[] b, int len, int target) {
    while (bin.size() % 4 != 0) {
      bin.write(0);
    }
    ObjectNode v =
        views.addObject().put("buffer", 0).put("byteOffset", bin.size()).put("byteLength", len);
    if (target != 0) {
      v.put("target", target);
    }
    bin.write(b, 0, len);
    return views.size() - 1;
  }

  private static byte[] pack(byte[] json, byte[] bin) {
    int jsonPad = (4 - json.length % 4) % 4;
    int binPad = (4 - bin.length % 4) % 4;
    ByteBuffer out =
        ByteBuffer.allocate(12 + 8 + json.length + jsonPad + 8 + bin.length + binPad)
            .order(ByteOrder.LITTLE_ENDIAN);
    out.putInt(0x46546C67).putInt(2).putInt(out.capacity());
    out.putInt(json.length + jsonPad).putInt(0x4E4F534A).put(json);
    for (int i = 0; i < jsonPad; i++) {
      out.put((byte) ' ');
    }
    out.putInt(bin.length + binPad).putInt(0x004E4942).put(bin);
    return out.array();
  }
}
