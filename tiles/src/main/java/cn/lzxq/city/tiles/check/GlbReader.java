package cn.lzxq.city.tiles.check;

import cn.lzxq.city.tiles.geo.Matrix4;
import cn.lzxq.city.tiles.geo.Vec3;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a GLB (glTF 2.0 binary): validates the header and chunk layout, exposes the JSON and
 * decodes accessors (any component type, byte stride, normalization) to doubles.
 */
public final class GlbReader {

  private static final JsonMapper MAPPER = JsonMapper.builder().build();

  private final JsonNode json;
  private final ByteBuffer bin;

  /** Parses {@code glb}; throws {@link IllegalArgumentException} on a malformed container. */
  public GlbReader(byte[] glb) {
    ByteBuffer b = ByteBuffer.wrap(glb).order(ByteOrder.LITTLE_ENDIAN);
    require(glb.length >= 20 && b.getInt(0) == 0x46546C67, "not a GLB (magic)");
    require(b.getInt(4) == 2, "GLB version is not 2");
    require(b.getInt(8) == glb.length, "GLB length field differs from the byte count");
    int jsonLength = b.getInt(12);
    require(
        b.getInt(16) == 0x4E4F534A && jsonLength % 4 == 0,
        "first chunk must be 4-byte aligned JSON");
    json = MAPPER.readTree(new String(glb, 20, jsonLength, StandardCharsets.UTF_8));
    int binStart = 20 + jsonLength;
    if (binStart < glb.length) {
      int binLength = b.getInt(binStart);
      require(
          b.getInt(binStart + 4) == 0x004E4942 && binLength % 4 == 0,
          "second chunk must be 4-byte aligned BIN");
      bin = ByteBuffer.wrap(glb, binStart + 8, binLength).slice().order(ByteOrder.LITTLE_ENDIAN);
    } else {
      bin = ByteBuffer.allocate(0);
    }
  }

  private static void require(boolean ok, String message) {
    if (!ok) {
      throw new IllegalArgumentException(message);
    }
  }

  /** The glTF JSON. */
  public JsonNode json() {
    return json;
  }

  /** The BIN chunk (little-endian, position 0). */
  public ByteBuffer bin() {
    return bin.duplicate().order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * A glTF node's local transform: its {@code matrix}, or translation × rotation × scale (defaults:
   * identity).
   */
  public static Matrix4 nodeMatrix(JsonNode node) {
    if (node.has("matrix")) {
      double[] m = new double[16];
      for (int i = 0; i < 16; i++) {
        m[i] = node.get("matrix").get(i).asDouble();
      }
      return Matrix4.fromColumnMajor(m);
    }
    Vec3 t = node.has("translation") ? vec3(node.get("translation")) : Vec3.ZERO;
    Vec3 s = node.has("scale") ? vec3(node.get("scale")) : new Vec3(1, 1, 1);
    double[] r = {0, 0, 0, 1};
    if (node.has("rotation")) {
      for (int i = 0; i < 4; i++) {
        r[i] = node.get("rotation").get(i).asDouble();
      }
    }
    return Matrix4.trs(t, r, s);
  }

  /** A JSON array of three numbers as a vector. */
  public static Vec3 vec3(JsonNode a) {
    return new Vec3(a.get(0).asDouble(), a.get(1).asDouble(), a.get(2).asDouble());
  }

  /** The bytes of a buffer view. */
  public ByteBuffer bufferView(int index) {
    JsonNode view = json.get("bufferViews").get(index);
    int offset = view.path("byteOffset").asInt(0);
    return bin()
        .position(offset)
        .limit(offset + view.get("byteLength").asInt())
        .slice()
        .order(ByteOrder.LITTLE_ENDIAN);
  }

  /**
   * Accessor values as doubles, element by element ({@code [count][components]}); normalized
   * integers are mapped to -1..1 / 0..1.
   */
  public double[][] accessor(int index) {
    JsonNode acc = json.get("accessors").get(index);
    int count = acc.get("count").asInt();
    int comps = components(acc.get("type").asString());
    int type = acc.get("componentType").asInt();
    boolean normalized = acc.path("normalized").asBoolean(false);
    JsonNode view = json.get("bufferViews").get(acc.get("bufferView").asInt());
    int size = componentSize(type);
    int stride = view.path("byteStride").asInt(size * comps);
    int base = view.path("byteOffset").asInt(0) + acc.path("byteOffset").asInt(0);
    ByteBuffer b = bin();
    double[][] out = new double[count][comps];
    for (int i = 0; i < count; i++) {
      for (int c = 0; c < comps; c++) {
        out[i][c] = read(b, base + i * stride + c * size, type, normalized);
      }
    }
    return out;
  }

  private static double read(ByteBuffer b, int at, int type, boolean normalized) {
    return switch (type) {
      case 5120 -> normalized ? Math.max(b.get(at) / 127.0, -1) : b.get(at);
      case 5121 -> normalized ? (b.get(at) & 0xFF) / 255.0 : b.get(at) & 0xFF;
      case 5122 -> normalized ? Math.max(b.getShort(at) / 32767.0, -1) : b.getShort(at);
      case 5123 -> normalized ? (b.getShort(at) & 0xFFFF) / 65535.0 : b.getShort(at) & 0xFFFF;
      case 5125 -> b.getInt(at) & 0xFFFFFFFFL;
      case 5126 -> b.getFloat(at);
      default -> throw new IllegalArgumentException("component type " + type);
    };
  }

  private static int componentSize(int type) {
    return switch (type) {
      case 5120, 5121 -> 1;
      case 5122, 5123 -> 2;
      default -> 4;
    };
  }

  private static int components(String type) {
    return switch (type) {
      case "SCALAR" -> 1;
      case "VEC2" -> 2;
      case "VEC3" -> 3;
      case "VEC4", "MAT2" -> 4;
      case "MAT3" -> 9;
      case "MAT4" -> 16;
      default -> throw new IllegalArgumentException("accessor type " + type);
    };
  }
}
