package cn.lzxq.city.server.tiles3d;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Decodes a binary .subtree file (3D Tiles 1.1 implicit tiling) for the tests. */
final class SubtreeFile {

  private final JsonNode json;
  private final byte[] jsonBytes;
  private final ByteBuffer bin;

  SubtreeFile(byte[] bytes) {
    ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
    if (b.getInt(0) != 0x74627573 || b.getInt(4) != 1) {
      throw new IllegalArgumentException("not a subtree file");
    }
    int jsonLength = (int) b.getLong(8);
    int binLength = (int) b.getLong(16);
    jsonBytes = new byte[jsonLength];
    System.arraycopy(bytes, 24, jsonBytes, 0, jsonLength);
    json = JsonMapper.builder().build().readTree(new String(jsonBytes, StandardCharsets.UTF_8));
    bin = ByteBuffer.wrap(bytes, 24 + jsonLength, binLength).slice();
  }

  /** The JSON chunk (for schema validation). */
  byte[] jsonBytes() {
    return jsonBytes;
  }

  boolean tile(int index) {
    return bit(json.get("tileAvailability"), index);
  }

  boolean content(int content, int index) {
    JsonNode ca = json.get("contentAvailability");
    return ca != null && bit(ca.get(content), index);
  }

  boolean childSubtree(int index) {
    return bit(json.get("childSubtreeAvailability"), index);
  }

  private boolean bit(JsonNode availability, int index) {
    if (availability.has("constant")) {
      return availability.get("constant").asInt() == 1;
    }
    JsonNode view = json.get("bufferViews").get(availability.get("bitstream").asInt());
    int offset = view.path("byteOffset").asInt(0);
    return (bin.get(offset + index / 8) >> (index % 8) & 1) == 1;
  }
}
